// Worker threads do not inherit the main thread's TypeScript loader. Run from src/ (tests, a
// checkout without a build), the writer is TypeScript: register tsx, then load it. Compiled into
// dist/ (scripts/build.mjs rewrites the path below to .js), it loads directly.
const entry = new URL('./comment-writer-thread.ts', import.meta.url);
if (entry.pathname.endsWith('.ts')) (await import('tsx/esm/api')).register();
await import(entry.href);
