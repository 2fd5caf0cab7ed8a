import { Worker } from 'node:worker_threads';
import type { Actor, AddedComment, FloodLimit, NewComment } from '../types.ts';
import type { WriteReply, WriteRequest } from './comment-writer-thread.ts';
import { diskFullAsStorageFull } from './disk-full.ts';

const BOOTSTRAP = new URL('./comment-writer-bootstrap.mjs', import.meta.url);

/**
 * The main thread's side of the comment writer thread. better-sqlite3 blocks while SQLite
 * fsyncs a commit (~0.1 ms on fast disks, several ms on slow ones); doing it in a worker keeps
 * page reads flowing while comments are posted. The worker starts on the first comment.
 */
export class WorkerCommentWriter {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: AddedComment) => void; reject: (e: Error) => void }>();
  /** Requests of this turn of the event loop, sent together when it ends. */
  private outbox: WriteRequest[] = [];

  constructor(private readonly file: string) {}

  /** Comments sent to the writer thread and not yet durable. */
  get depth(): number {
    return this.pending.size;
  }

  /** Saves a comment in the writer thread (the flood limit checked there, in its transaction); resolves once it is durable. */
  addComment(comment: NewComment, actor: Actor, flood: FloodLimit | null): Promise<AddedComment> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      // The posts parsed in one turn of the loop cross to the writer in one message: each
      // message costs a copy and a wake-up of the writer thread, which shares the cores with
      // the requests it serves. They join the same group commit there anyway.
      if (this.outbox.length === 0) setImmediate(() => this.send(worker));
      this.outbox.push({ id, comment, actor, flood });
    });
  }

  private send(worker: Worker): void {
    const requests = this.outbox;
    if (requests.length === 0) return;
    this.outbox = [];
    worker.postMessage(requests);
  }

  /** Stops the writer thread after its queued writes. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    // Comments accepted in this turn go before the close, so the thread writes them first.
    this.send(worker);
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.ref(); // keep the process up until the thread has closed its connection
      worker.postMessage('close');
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(BOOTSTRAP, { workerData: { file: this.file } });
    worker.on('message', (replies: readonly WriteReply[]) => {
      for (const reply of replies) {
        const waiting = this.pending.get(reply.id);
        if (!waiting) continue;
        this.pending.delete(reply.id);
        // Errors cross the thread as text; a full disk comes back as the error that explains it.
        if ('error' in reply) waiting.reject(reply.diskFull ? diskFullAsStorageFull(Object.assign(new Error(reply.error), { code: 'SQLITE_FULL' }), this.file) as Error : new Error(reply.error));
        else waiting.resolve(reply.added);
      }
      // An idle writer thread must not keep the process alive.
      if (this.pending.size === 0) worker.unref();
    });
    worker.on('error', (err) => this.failAll(err));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      if (this.pending.size > 0) this.failAll(new Error(`the comment writer thread stopped (exit ${code})`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(err: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(err);
    this.pending.clear();
  }
}
