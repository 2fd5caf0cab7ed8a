/**
 * A node's status column. Readers see only PUBLISHED nodes; the newsroom sees all of them.
 * 0 and 1 are Drupal's own values (so imported rows keep their meaning); 2 and 3 are Folio's.
 */
export const NODE_STATUS = Object.freeze({
  /** Taken down (imported unpublished nodes, or unpublished by an editor). */
  UNPUBLISHED: 0,
  PUBLISHED: 1,
  /** Dated in the future: published by the first instance whose tick claims it (ContentWriter.publishDue). */
  SCHEDULED: 2,
  /** A newsroom draft: never published yet. */
  DRAFT: 3,
} as const);

export type NodeStatusCode = (typeof NODE_STATUS)[keyof typeof NODE_STATUS];

/** The status names the newsroom shows and filters by. */
export type NodeStatusName = 'unpublished' | 'published' | 'scheduled' | 'draft';

const NAMES: Readonly<Record<NodeStatusCode, NodeStatusName>> = { 0: 'unpublished', 1: 'published', 2: 'scheduled', 3: 'draft' };

/** The name of a status code (an unknown code counts as unpublished: never shown to readers). */
export function nodeStatusName(code: number): NodeStatusName {
  return NAMES[code as NodeStatusCode] ?? 'unpublished';
}
