// Worker threads do not inherit the main thread's TypeScript loader: register it, then load the renderer.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
