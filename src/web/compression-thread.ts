import { parentPort } from 'node:worker_threads';
import { compressAt, type CompressionEffort, type ContentCoding } from './compression.ts';

/** A body to compress, at the levels of a miss's first response or of the cache's copy. */
export interface CompressRequest {
  readonly id: number;
  readonly coding: ContentCoding;
  readonly effort: CompressionEffort;
  readonly body: Uint8Array;
}

/** The compressed bytes, or why it failed. */
export type CompressReply = { readonly id: number; readonly bytes: Uint8Array } | { readonly id: number; readonly error: string };

const port = parentPort!;

/** Compresses each request; the replies go back in one message. */
function answer(requests: readonly CompressRequest[]): void {
  if (requests.length === 0) return;
  const replies: CompressReply[] = [];
  for (const request of requests) {
    try {
      replies.push({ id: request.id, bytes: compressAt(Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength), request.coding, request.effort) });
    } catch (err) {
      replies.push({ id: request.id, error: err instanceof Error ? err.message : String(err) });
    }
  }
  // Copied, not transferred: a few kilobytes cost less than making each its own ArrayBuffer.
  port.postMessage(replies);
}

// Requests of one turn of the main thread's loop come as one message. Readers waiting for a
// first response are answered before the cache's copies of the same turn are made.
port.on('message', (message: readonly CompressRequest[] | 'close') => {
  if (message === 'close') {
    port.close();
    return;
  }
  answer(message.filter((r) => r.effort === 'first'));
  answer(message.filter((r) => r.effort === 'kept'));
});
