import type { ImportedComment, ImportSkip } from '../../../domain/import-record.ts';
import type { CommentRow, DrupalReader } from './drupal-rows.ts';
import { importTextFormat } from './text-format.ts';

/** Drupal's default name for anonymous commenters (the variable "anonymous"), used when the row has none. */
const ANONYMOUS = 'Anonymous';

/**
 * One comment, or a skip when its node does not exist or was itself skipped. The status is
 * normalised here and only here: Drupal 6 stores 0 for published, Drupal 7 stores 1.
 */
export function commentRecord(row: CommentRow, reader: Pick<DrupalReader, 'version' | 'commentStatusPublishedIs'>, skippedNids: ReadonlySet<number>): ImportedComment | ImportSkip {
  const ref = `comment/${row.cid}`;
  if (!row.nodeExists) return { type: 'skip', ref, reason: `its node ${row.nid} does not exist` };
  if (skippedNids.has(row.nid)) return { type: 'skip', ref, reason: `its node node/${row.nid} was skipped` };
  // A reply whose parent was deleted is kept as a top-level comment; its vancode named the lost
  // parent, so the importer derives a new one.
  const orphan = row.pid !== 0 && !row.parentExists;
  // A registered user's comment: Drupal shows the account's name, and keeps the e-mail in users.
  const registered = Number(row.uid) > 0 && row.userName.trim() !== '';
  return {
    type: 'comment', key: ref, cid: row.cid, nodeKey: `node/${row.nid}`,
    parentKey: row.pid === 0 || orphan ? null : `comment/${row.pid}`,
    thread: orphan || row.thread === '' ? null : row.thread,
    published: row.status === reader.commentStatusPublishedIs,
    name: registered ? row.userName : row.name.trim() === '' ? ANONYMOUS : row.name,
    email: orNull(row.mail) ?? (registered ? orNull(row.userMail) : null), homepage: orNull(row.homepage),
    ...(registered ? { accountId: Number(row.uid) } : {}),
    hostname: orNull(row.hostname), subject: row.subject, body: row.body ?? '', format: importTextFormat(row.format),
    createdAt: row.created, changedAt: row.changed,
    provenance: { source: 'drupal', originalUrl: `drupal${reader.version}:${ref}`, capturedAt: row.changed },
  };
}

function orNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}
