// Worker threads do not inherit the main thread's TypeScript loader: register it, then load the writer.
import { register } from 'tsx/esm/api';

register();
await import('./comment-writer-thread.ts');
