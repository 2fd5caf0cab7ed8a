import { parentPort } from 'node:worker_threads';
import type { ImportRecord } from '../domain/import-record.ts';
import { prerender } from './prerender.ts';

// Renders batches of records for the importer's main thread, which meanwhile writes earlier batches.
parentPort!.on('message', (message: { id: number; records: ImportRecord[] }) => {
  try {
    parentPort!.postMessage({ id: message.id, records: message.records.map(prerender) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: (error as Error).message });
  }
});
