import { createHash } from 'node:crypto';
import type { ImportedRevision } from '../domain/import-record.ts';

/** SHA-256 in hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A revision's identity: the hash of its content as the source gave it (title, markup, format,
 * summary, credit, photo). Two captures of an unchanged page hash alike, so they are one revision;
 * the time of capture is deliberately left out.
 */
export function revisionHash(r: ImportedRevision): string {
  return sha256(JSON.stringify([r.title, r.body, r.bodyFormat, r.summary, r.credit, r.photo?.src ?? null, r.photo?.caption ?? null, r.photo?.credit ?? null]));
}
