import { statusName, type CommentRecord, type CommentStatusName, type ModeratedComment } from '../domain/comment.ts';
import type { Edition } from '../domain/edition.ts';

/** A comment as `folio comments list --json` prints it: everything a moderator sees, e-mail included. */
export interface CommentJson extends Omit<CommentRecord, 'status' | 'createdAt'> {
  readonly edition: string;
  readonly status: CommentStatusName;
  /** ISO 8601, UTC. */
  readonly createdAt: string;
  readonly node: { readonly title: string; readonly path: string | null; readonly url: string };
}

/** Epoch seconds as ISO 8601 in UTC, without the always-zero milliseconds. */
export function isoUtc(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** The JSON shape of one moderated comment; `baseUrl` makes the node's address absolute. */
export function commentJson(c: ModeratedComment, edition: Edition | undefined, baseUrl: string): CommentJson {
  const prefix = edition?.pathPrefix ?? '';
  return {
    cid: c.cid, nid: c.nid, pid: c.pid, edition: c.edition, thread: c.thread, status: statusName(c.status),
    name: c.name, email: c.email, homepage: c.homepage, hostname: c.hostname,
    subject: c.subject, body: c.body, format: c.format, bodyHtml: c.bodyHtml.html, createdAt: isoUtc(c.createdAt),
    node: { title: c.nodeTitle, path: c.nodePath, url: `${baseUrl}${prefix}/${c.nodePath ?? `node/${c.nid}`}` },
  };
}

// C1 controls and bidi overrides are legal raw in JSON, and JSON.stringify leaves them raw; a
// terminal showing the output would obey them. As \u escapes they mean the same to any parser.
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON.stringify, indented, with terminal-controlling characters written as \u escapes. */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
