import { Worker } from 'node:worker_threads';
import type { ImportRecord } from '../domain/import-record.ts';
import { prerender, type Prerendered } from './prerender.ts';

const BOOTSTRAP = new URL('./render-worker-bootstrap.mjs', import.meta.url);

/** Records per message to the worker, and messages in flight: enough to keep both threads busy. */
const BATCH = 200;
const IN_FLIGHT = 4;

/**
 * Renders records' markup (text formats, teasers, hashes) in a worker thread while the importer
 * writes on the main thread: the two largest costs of an import then overlap on two cores.
 * Records come out in their input order. Without worker threads (or if the worker fails to
 * start) rendering happens inline, with the same results.
 */
export async function* renderAhead(source: AsyncIterable<ImportRecord>): AsyncIterable<Prerendered> {
  let worker: Worker;
  try {
    worker = new Worker(BOOTSTRAP);
  } catch {
    for await (const record of source) yield prerender(record);
    return;
  }
  const replies = new Map<number, { resolve: (r: Prerendered[]) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;
  worker.on('message', (m: { id: number; records?: Prerendered[]; error?: string }) => {
    const waiting = replies.get(m.id);
    replies.delete(m.id);
    if (m.error !== undefined) waiting?.reject(new Error(`rendering failed: ${m.error}`));
    else waiting?.resolve(m.records!);
  });
  worker.on('error', (err) => {
    failure = err;
    for (const w of replies.values()) w.reject(err);
    replies.clear();
  });
  let nextId = 0;
  const send = (records: ImportRecord[]): Promise<Prerendered[]> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    const reply = new Promise<Prerendered[]>((resolve, reject) => replies.set(id, { resolve, reject }));
    reply.catch(() => undefined); // a failure surfaces when the consumer awaits this batch
    worker.postMessage({ id, records });
    return reply;
  };
  const queue: Promise<Prerendered[]>[] = [];
  let batch: ImportRecord[] = [];
  try {
    for await (const record of source) {
      batch.push(record);
      if (batch.length < BATCH) continue;
      queue.push(send(batch));
      batch = [];
      while (queue.length >= IN_FLIGHT) yield* await queue.shift()!;
    }
    if (batch.length > 0) queue.push(send(batch));
    while (queue.length > 0) yield* await queue.shift()!;
  } finally {
    await worker.terminate();
  }
}
