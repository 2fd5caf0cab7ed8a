// Worker threads do not inherit the main thread's TypeScript loader: see store/sqlite/comment-writer-bootstrap.mjs.
const entry = new URL('./compression-thread.ts', import.meta.url);
if (entry.pathname.endsWith('.ts')) (await import('tsx/esm/api')).register();
await import(entry.href);
