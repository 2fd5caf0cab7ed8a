import { Worker } from 'node:worker_threads';
import type { WriteOrder } from './output-dir.ts';
import type { Rendered, Renderer } from './render-url.ts';
import type { RenderReply, RenderRequest } from './render-thread.ts';

const BOOTSTRAP = new URL('./render-thread-bootstrap.mjs', import.meta.url);
/**
 * A render allocates a few hundred short-lived kilobytes (query rows, the page, its DOM), which
 * die young. Each thread's young generation is capped at 16 MB: at 64 MB every thread's heap
 * sat at 110-170 MB (the semispaces fill before a scavenge), at 16 MB at 55-60 MB, and a
 * 6,433-page export used less CPU, not more (31.3 s against 36.7 s user+sys; issue 14, whose
 * target is a 100k-article export under 500 MB with every thread).
 */
const YOUNG_GENERATION_MB = 16;
/**
 * Each thread's old generation is capped too: without a cap V8 let garbage grow to three or four
 * times the live heap before a full collection (a 10,000-article export: 140-186 MB of heap on
 * 35-60 MB live). A thread renders with some 30-50 MB live, bounded by its app's caches; a 96 MB cap
 * once stopped a thread whose heap held thousands of rendered pages (a cache keyed by slices of
 * them, since fixed in rewrite-page.ts), so this leaves the measured live set a wide margin.
 */
const OLD_GENERATION_MB = 128;

/** What each render thread is started with: the module to run and the data it reads. */
export interface RenderThreadSpec {
  /** A module (file URL) that opens its own app and calls `serveRenders`. */
  readonly entry: URL;
  /** Passed to the module as `workerData.data`; plain data only. */
  readonly data: unknown;
}

interface Thread {
  readonly worker: Worker;
  readonly pending: Map<number, { resolve: (r: Rendered) => void; reject: (e: Error) => void }>;
}

/**
 * Renders in worker threads, each with its own app on the same database (SQLite in WAL mode
 * lets them all read at once). Rendering and link rewriting are the export's CPU cost; this
 * spreads them over the machine's cores while the calling thread crawls and writes files.
 *
 * The calling thread renders nothing: its heap cannot be capped once the process has started, and
 * when it rendered its share V8 let its garbage grow to 200-270 MB (on 40-130 MB live) in a
 * 10,000-article export; with every render in capped threads its heap stays under 90 MB.
 */
export class RenderPool implements Renderer {
  private nextId = 1;
  /** Why the pool cannot render any more: a thread failed or stopped before `close`. */
  private failure: Error | null = null;
  private closing = false;
  private readonly threads: Thread[] = [];

  private constructor() {}

  /** Starts `count` render threads (at least one). */
  static start(count: number, spec: RenderThreadSpec): RenderPool {
    const pool = new RenderPool();
    for (let i = 0; i < Math.max(1, count); i++) pool.threads.push(pool.startThread(spec));
    return pool;
  }

  private startThread(spec: RenderThreadSpec): Thread {
    const worker = new Worker(BOOTSTRAP, { workerData: { entry: spec.entry.href, data: spec.data }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: OLD_GENERATION_MB } });
    const thread: Thread = { worker, pending: new Map() };
    worker.on('message', (replies: readonly RenderReply[]) => {
      for (const reply of replies) {
        const waiting = thread.pending.get(reply.id);
        if (!waiting) continue;
        thread.pending.delete(reply.id);
        if ('error' in reply) waiting.reject(new Error(reply.error));
        else waiting.resolve(reply.rendered);
      }
    });
    const fail = (err: Error) => {
      this.failure ??= err;
      for (const waiting of thread.pending.values()) waiting.reject(err);
      thread.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => void (this.closing || fail(new Error(`a render thread stopped (exit ${code})`))));
    return thread;
  }

  /** Renders on the thread with the fewest URLs in hand. */
  render(url: string, order: WriteOrder | null): Promise<Rendered> {
    if (this.failure) return Promise.reject(this.failure);
    const thread = this.threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ id, url, order } satisfies RenderRequest);
    });
  }

  /** Lets each thread close its app and database, then stop. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((t) => new Promise<void>((resolve) => {
      if (t.worker.threadId === -1) return resolve();
      t.worker.once('exit', () => resolve());
      t.worker.postMessage('close');
    })));
  }
}
