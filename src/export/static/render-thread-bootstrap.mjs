// Worker threads do not inherit the main thread's TypeScript loader: a TypeScript entry (run from
// src/) registers tsx first; a compiled one (from dist/, see scripts/build.mjs) loads directly.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) (await import('tsx/esm/api')).register();
await import(workerData.entry);
