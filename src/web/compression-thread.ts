import { parentPort } from 'node:worker_threads';
import { compressFast, type ContentCoding } from './compression.ts';

/** A body to compress at the miss path's fast level. */
export interface CompressRequest {
  readonly id: number;
  readonly coding: ContentCoding;
  readonly body: Uint8Array;
}

/** The compressed bytes, or why it failed. */
export type CompressReply = { readonly id: number; readonly bytes: Uint8Array } | { readonly id: number; readonly error: string };

const port = parentPort!;

// Requests of one turn of the main thread's loop come as one message, and leave as one.
port.on('message', (message: readonly CompressRequest[] | 'close') => {
  if (message === 'close') {
    port.close();
    return;
  }
  const replies: CompressReply[] = [];
  for (const request of message) {
    try {
      const bytes = compressFast(Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength), request.coding);
      replies.push({ id: request.id, bytes });
    } catch (err) {
      replies.push({ id: request.id, error: err instanceof Error ? err.message : String(err) });
    }
  }
  // Copied, not transferred: a few kilobytes cost less than making each its own ArrayBuffer.
  port.postMessage(replies);
});
