import type { ContentWriter } from '../store/types.ts';

/** The id spaces the store shares between editions. */
export type IdKind = 'node' | 'term' | 'author' | 'blog' | 'comment';

/** Where each id space starts on a fresh store; nids begin in the thousands, as on the original. */
export const FIRST_IDS: Readonly<Record<IdKind, number>> = { node: 1000, term: 1, author: 1, blog: 1, comment: 1 };

/**
 * Hands out ids from counters read once from the store, so the whole demo is numbered
 * deterministically and both editions draw from the same global spaces without overlapping.
 */
export class IdAllocator {
  private constructor(private readonly counters: Record<IdKind, number>) {}

  /** Starts each counter at the store's next free id, or at FIRST_IDS on a fresh store. */
  static async fromWriter(writer: ContentWriter): Promise<IdAllocator> {
    const kinds: IdKind[] = ['node', 'term', 'author', 'blog', 'comment'];
    const counters = {} as Record<IdKind, number>;
    for (const kind of kinds) counters[kind] = Math.max(await writer.nextId(kind), FIRST_IDS[kind]);
    return new IdAllocator(counters);
  }

  /** The next id of a kind. */
  next(kind: IdKind): number {
    return this.counters[kind]++;
  }

  /** The id `next(kind)` would return, without taking it. */
  peek(kind: IdKind): number {
    return this.counters[kind];
  }

  /** Skips ids, as deleted nodes left gaps in Drupal's sequence. */
  skip(kind: IdKind, n: number): void {
    this.counters[kind] += n;
  }

  /** A bound `next` for one kind, for components that only need that. */
  counter(kind: IdKind): () => number {
    return () => this.next(kind);
  }
}
