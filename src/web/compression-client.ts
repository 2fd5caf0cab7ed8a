import { Worker } from 'node:worker_threads';
import { compressAt, type CompressionEffort, type ContentCoding } from './compression.ts';
import type { CompressReply, CompressRequest } from './compression-thread.ts';

const BOOTSTRAP = new URL('./compression-thread-bootstrap.mjs', import.meta.url);

/**
 * Compresses response bodies on a thread of its own: cache misses' first responses, and the
 * copies the page cache keeps (brotli 5 and gzip 6, made once per page). gzip level 1 of a 12 KB page
 * took a quarter of an article miss's event-loop time once SQLite read on its own thread (issue
 * 14); here the loop only copies the body over and takes the bytes back. Node's own async zlib was no help: its stream costs the loop more than the deflate
 * it moves to libuv's pool. The thread starts on the first body; a body it cannot answer (the
 * thread died) is compressed in place, as before.
 */
export class CompressionThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();
  private outbox: CompressRequest[] = [];
  private closed = false;
  private started = 0;

  /** Compresses `body` at the effort's levels (compression.ts). */
  async compress(body: Buffer, coding: ContentCoding, effort: CompressionEffort): Promise<Buffer> {
    if (this.closed) return compressAt(body, coding, effort);
    try {
      return await this.onThread(body, coding, effort);
    } catch {
      return compressAt(body, coding, effort);
    }
  }

  private onThread(body: Buffer, coding: ContentCoding, effort: CompressionEffort): Promise<Buffer> {
    const worker = this.start();
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      if (this.outbox.length === 0) {
        worker.ref();
        setImmediate(() => this.flush());
      }
      this.outbox.push({ id, coding, effort, body });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    this.started++;
    const worker = new Worker(BOOTSTRAP);
    worker.on('message', (replies: readonly CompressReply[]) => {
      for (const reply of replies) {
        const waiting = this.pending.get(reply.id);
        if (!waiting) continue;
        this.pending.delete(reply.id);
        if ('error' in reply) waiting.reject(new Error(reply.error));
        else waiting.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      }
      if (this.pending.size === 0 && this.outbox.length === 0) worker.unref();
    });
    worker.on('error', (err) => this.failAll(err));
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.outbox = [];
      this.failAll(new Error('the compression thread stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private flush(): void {
    const requests = this.outbox;
    this.outbox = [];
    if (requests.length > 0) this.start().postMessage(requests);
  }

  /** Stops the thread once what it was given is compressed. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    this.flush();
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.ref();
      worker.postMessage('close');
    });
  }

  /** Threads started so far: 1 unless one stopped and was replaced (for tests). */
  get starts(): number {
    return this.started;
  }

  /** Stops the thread at once, as a crash would (for tests). */
  async terminate(): Promise<void> {
    await this.worker?.terminate();
  }

  private failAll(err: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(err);
  }
}
