import type { ImportedNode } from '../domain/import-record.ts';

/**
 * The node-level fields of an imported item as the store keeps them between runs (JSON in
 * import_items.state). Revisions are kept apart, by hash; `current` says which one the page shows.
 */
export type NodeState = Readonly<Pick<ImportedNode, 'kind' | 'path' | 'legacyPaths' | 'published' | 'promoted' | 'publishedAt' | 'showDate'
  | 'sectionKey' | 'tagKeys' | 'authors' | 'blogKey' | 'commentPolicy' | 'files'>> & {
  // Optional on records, always present here, so a stored state compares equal to a fresh one.
  readonly translationSet: number | null;
  readonly landingItems: readonly string[];
  /** The source's content type of a generic item; absent for the others, so states stored before it compare equal. */
  readonly sourceType?: string;
  /** A teaser-only item's comment count from its listing; absent when none, so states stored before it compare equal. */
  readonly listedComments?: number;
  readonly current: { readonly hash: string; readonly revisedAt: number };
};

function union(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort();
}

/** The state a record alone describes. */
export function stateOf(node: ImportedNode, current: { hash: string; revisedAt: number }): NodeState {
  return {
    kind: node.kind, path: node.path, legacyPaths: union(node.legacyPaths.filter((p) => p !== node.path)), published: node.published,
    promoted: node.promoted, publishedAt: node.publishedAt, showDate: node.showDate, sectionKey: node.sectionKey,
    tagKeys: [...node.tagKeys], authors: [...node.authors], blogKey: node.blogKey, commentPolicy: node.commentPolicy,
    files: union(node.files), translationSet: node.translationSet ?? null, landingItems: [...(node.landingItems ?? [])], ...(node.sourceType ? { sourceType: node.sourceType } : {}),
    ...(node.listedComments ? { listedComments: node.listedComments } : {}), current,
  };
}

/**
 * Merges a record into what earlier runs (or earlier captures in this run) stored. The newer
 * version decides the fields; paths and files only ever grow, so an alias that changed keeps
 * redirecting and a page captured at several addresses keeps all of them.
 */
export function mergeState(stored: NodeState | null, incoming: NodeState): { state: NodeState; incomingIsCurrent: boolean } {
  if (stored === null) return { state: incoming, incomingIsCurrent: true };
  const incomingIsCurrent = incoming.current.revisedAt >= stored.current.revisedAt;
  // A capture that reached the item only by /node/<nid> does not know its alias: keep the one we have.
  const newer = incomingIsCurrent ? incoming : stored;
  const base = { ...newer, path: newer.path ?? (incomingIsCurrent ? stored.path : incoming.path) };
  const paths = [stored.path, incoming.path, ...stored.legacyPaths, ...incoming.legacyPaths].filter((p): p is string => p !== null && p !== base.path);
  return {
    state: { ...base, legacyPaths: union(paths), files: union(stored.files, incoming.files) },
    incomingIsCurrent,
  };
}
