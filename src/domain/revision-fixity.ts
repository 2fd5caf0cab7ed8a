import { createHash } from 'node:crypto';

/** The stored content of one revision, as fixity covers it. */
export interface RevisionContent {
  readonly title: string;
  /** The rendered, stored HTML (not the source markup): what readers were shown. */
  readonly bodyHtml: string;
  readonly summary: string | null;
  readonly credit: string | null;
  readonly photo: { readonly src: string; readonly caption: string | null; readonly credit: string | null } | null;
  /** Seconds since the epoch: when this version was made, part of what an archive vouches for. */
  readonly revisedAt: number;
}

/**
 * The canonical serialisation of a revision: a JSON array in a fixed field order, so the same
 * stored content always yields the same bytes, whichever store or language reads it back.
 * Versioned, so a future change of fields cannot silently reinterpret old hashes.
 */
export function canonicalRevision(r: RevisionContent): string {
  return JSON.stringify(['folio-revision/1', r.title, r.bodyHtml, r.summary, r.credit, r.photo?.src ?? null, r.photo?.caption ?? null, r.photo?.credit ?? null, r.revisedAt]);
}

/** SHA-256 (hex) of a revision's canonical content: its fixity value. */
export function revisionFixity(r: RevisionContent): string {
  return createHash('sha256').update(canonicalRevision(r), 'utf8').digest('hex');
}
