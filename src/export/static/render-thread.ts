import { parentPort, workerData } from 'node:worker_threads';
import type { WriteOrder } from './output-dir.ts';
import type { Rendered, Renderer } from './render-url.ts';

/** A URL for a render thread, and its leave to write the file itself. */
export interface RenderRequest {
  readonly id: number;
  readonly url: string;
  readonly order: WriteOrder | null;
}

/** A render thread's answer to one URL; they travel in arrays. */
export type RenderReply = { readonly id: number; readonly rendered: Rendered } | { readonly id: number; readonly error: string };

/** The data a render thread's entry module was started with (`RenderThreadSpec.data`). */
export function renderThreadData<T>(): T {
  return (workerData as { data: T }).data;
}

/**
 * The thread side of `RenderPool`: answers each URL with `renderer`, which writes the file
 * itself when given leave to (bytes that must go back are handed over rather than copied), and
 * on 'close' runs `close` and lets the thread end.
 */
export function serveRenders(renderer: Renderer, close: () => Promise<void>): void {
  const port = parentPort;
  if (!port) throw new Error('serveRenders runs in a worker thread');
  // Answers go back in batches, once per turn of this thread's event loop: each message wakes
  // the main thread, and on a busy machine each wake-up took the core from this thread.
  let batch: RenderReply[] = [];
  let transfers: ArrayBuffer[] = [];
  const flush = () => {
    port.postMessage(batch, transfers);
    batch = [];
    transfers = [];
  };
  const reply = (message: RenderReply, transfer?: ArrayBuffer) => {
    if (batch.length === 0) setImmediate(flush);
    batch.push(message);
    if (transfer) transfers.push(transfer);
  };
  port.on('message', (message: RenderRequest | 'close') => {
    if (message === 'close') {
      void renderer.close().then(close).finally(() => port.close());
      return;
    }
    renderer.render(message.url, message.order).then(
      (rendered) => {
        if (rendered.kind !== 'file' || rendered.bytes === null) return reply({ id: message.id, rendered });
        // A small Buffer is a view on a shared pool: the main thread gets an exact copy of it.
        // A larger one owns its memory, which is handed over as is.
        const own = rendered.bytes.byteOffset === 0 && rendered.bytes.byteLength === rendered.bytes.buffer.byteLength && rendered.bytes.buffer instanceof ArrayBuffer;
        const bytes = own ? rendered.bytes : new Uint8Array(rendered.bytes);
        reply({ id: message.id, rendered: { ...rendered, bytes } }, bytes.buffer as ArrayBuffer);
      },
      (err: unknown) => reply({ id: message.id, error: err instanceof Error ? err.stack ?? err.message : String(err) }),
    );
  });
}
