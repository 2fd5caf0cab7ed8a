import { parentPort, workerData } from 'node:worker_threads';
import type { NewComment, Actor, AddedComment, FloodLimit } from '../types.ts';
import { KyselyCommentStore } from '../queries/comment-store.ts';
import { openSqliteKysely } from './connect.ts';
import { isDiskFull } from './disk-full.ts';
import { StorageFull } from '../../domain/errors.ts';

/** A request from the main thread: save this comment, held to this flood limit. They travel in arrays, as do the replies. */
export interface WriteRequest {
  readonly id: number;
  readonly comment: NewComment;
  readonly actor: Actor;
  readonly flood: FloodLimit | null;
}

/** The answer: where it was saved (or that the flood limit refused it), or what failed. */
export type WriteReply = { readonly id: number; readonly added: AddedComment } | { readonly id: number; readonly error: string; readonly diskFull: boolean };

// This thread owns its own connection to the same file. Its commits (and their fsyncs) happen
// here, so readers on the main thread are never blocked by a comment being made durable.
const db = openSqliteKysely((workerData as { file: string }).file);
const store = new KyselyCommentStore(db, 'sqlite');
const port = parentPort!;

// Replies go back in one message per turn of this thread's loop: a group commit settles a whole
// batch at once, and a message per comment cost both threads a wake-up and a copy each.
let replies: WriteReply[] = [];
const reply = (message: WriteReply) => {
  if (replies.length === 0) {
    setImmediate(() => {
      port.postMessage(replies);
      replies = [];
    });
  }
  replies.push(message);
};

port.on('message', (message: readonly WriteRequest[] | 'close') => {
  if (message === 'close') {
    void db.destroy().then(() => port.close());
    return;
  }
  for (const request of message) {
    store.addComment(request.comment, request.actor, request.flood).then(
      (added) => reply({ id: request.id, added }),
      (err: unknown) => reply({ id: request.id, error: err instanceof Error ? err.message : String(err), diskFull: isDiskFull(err) || err instanceof StorageFull }),
    );
  }
});
