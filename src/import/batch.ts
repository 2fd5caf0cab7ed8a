import type { ImportBatch } from '../store/types.ts';

/** An ImportBatch being filled. */
export type MutableBatch = { -readonly [K in keyof ImportBatch]: ImportBatch[K][number][] };

export function emptyBatch(): MutableBatch {
  return { terms: [], authors: [], blogs: [], nodes: [], revisions: [], comments: [], gone: [], corrections: [], landing: [], translations: [], redirects: [], pathRedirects: [], items: [] };
}

/** One item's share of a failed batch, to retry alone. */
export interface BatchPart {
  readonly ref: string;
  /** Report keys ("type\0key") of the items in this part. */
  readonly keys: readonly string[];
  readonly batch: ImportBatch;
}

/**
 * Splits a batch that failed as a whole: taxonomy, authors, blogs and removed paths together
 * first (nodes need them), then each node with its revisions, then each comment.
 */
export function splitBatch(batch: ImportBatch): BatchPart[] {
  const itemsOf = (type: string, id: number) => batch.items.filter((i) => i.type === type && i.id === id);
  const keysOf = (items: ImportBatch['items']) => items.map((i) => `${i.type}\u0000${i.key}`);
  const shared = batch.items.filter((i) => i.type === 'term' || i.type === 'author' || i.type === 'blog' || i.type === 'correction');
  const parts: BatchPart[] = [{
    ref: 'taxonomy, authors, blogs and corrections of the batch',
    keys: keysOf(shared),
    batch: { ...emptyBatch(), terms: batch.terms, authors: batch.authors, blogs: batch.blogs, corrections: batch.corrections, gone: batch.gone, redirects: batch.redirects, pathRedirects: batch.pathRedirects, items: shared },
  }];
  for (const node of batch.nodes) {
    const items = itemsOf('node', node.nid);
    parts.push({
      ref: items[0]?.key ?? `node/${node.nid}`,
      keys: keysOf(items),
      batch: { ...emptyBatch(), nodes: [node], revisions: batch.revisions.filter((r) => r.nid === node.nid), items },
    });
  }
  for (const comment of batch.comments) {
    const items = itemsOf('comment', comment.cid);
    parts.push({ ref: items[0]?.key ?? `comment/${comment.cid}`, keys: keysOf(items), batch: { ...emptyBatch(), comments: [comment], items } });
  }
  return parts;
}
