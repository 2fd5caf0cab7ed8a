// A render thread for render-threads.test.ts: answers every URL with a redirect to its own heap
// limit, so the test reads the limit RenderPool started the thread with.
import { getHeapStatistics } from 'node:v8';
import { serveRenders } from '../../../src/export/static/render-thread.ts';

serveRenders({ render: async () => ({ kind: 'redirect', target: `/${getHeapStatistics().heap_size_limit}` }), close: async () => {} }, async () => {});
