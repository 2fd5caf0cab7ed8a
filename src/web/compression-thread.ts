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

/**
 * The bytes as a buffer of their own, to move to the main thread. zlib leaves a small page's
 * output in a view of its 16 KB working chunk, and a message copies a view's whole ArrayBuffer:
 * a 5 KB page sent as 16 KB, held by the main thread until its garbage collector gets to it.
 */
function ownBuffer(bytes: Buffer): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

/** Compresses each request; the replies go back in one message, their buffers moved, not copied. */
function answer(requests: readonly CompressRequest[]): void {
  if (requests.length === 0) return;
  const replies: CompressReply[] = [];
  const moved: ArrayBuffer[] = [];
  for (const request of requests) {
    try {
      const bytes = ownBuffer(compressAt(Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength), request.coding, request.effort));
      replies.push({ id: request.id, bytes });
      moved.push(bytes.buffer as ArrayBuffer);
    } catch (err) {
      replies.push({ id: request.id, error: err instanceof Error ? err.message : String(err) });
    }
  }
  port.postMessage(replies, moved);
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
