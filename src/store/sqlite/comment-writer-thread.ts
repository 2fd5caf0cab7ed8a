import { parentPort, workerData } from 'node:worker_threads';
import type { NewComment, Actor } from '../types.ts';
import { KyselyCommentStore } from '../queries/comment-store.ts';
import { openSqliteKysely } from './connect.ts';
import { isDiskFull } from './disk-full.ts';
import { StorageFull } from '../../domain/errors.ts';

/** A request from the main thread: save this comment. */
export interface WriteRequest {
  readonly id: number;
  readonly comment: NewComment;
  readonly actor: Actor;
}

/** The answer: where it was saved, or why not. */
export type WriteReply = { readonly id: number; readonly cid: number; readonly thread: string } | { readonly id: number; readonly error: string; readonly diskFull: boolean };

// This thread owns its own connection to the same file. Its commits (and their fsyncs) happen
// here, so readers on the main thread are never blocked by a comment being made durable.
const db = openSqliteKysely((workerData as { file: string }).file);
const store = new KyselyCommentStore(db, 'sqlite');
const port = parentPort!;

port.on('message', (request: WriteRequest | 'close') => {
  if (request === 'close') {
    void db.destroy().then(() => port.close());
    return;
  }
  store.addComment(request.comment, request.actor).then(
    (saved) => port.postMessage({ id: request.id, cid: saved.cid, thread: saved.thread } satisfies WriteReply),
    (err: unknown) => port.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err), diskFull: isDiskFull(err) || err instanceof StorageFull } satisfies WriteReply),
  );
});
