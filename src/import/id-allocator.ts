/**
 * Hands out ids for one kind of item during a run. Original ids are kept when they are free (so
 * /node/8674 and /comment/5521 keep resolving); new ones go above everything in use.
 */
export class IdAllocator {
  private next: number;
  private readonly claimed = new Set<number>();

  constructor(maxInUse: number) {
    this.next = maxInUse + 1;
  }

  /**
   * Forgets the ids of a batch that is now in the store: the store answers for them from here
   * on, so a run over millions of items keeps no set of them all.
   */
  settle(): void {
    this.claimed.clear();
  }

  /** Whether this run gave the id out and the store does not know it yet. */
  claimedInRun(id: number): boolean {
    return this.claimed.has(id);
  }

  /** Records that an id is used by this run (kept original or already stored). */
  claim(id: number): number {
    this.claimed.add(id);
    if (id >= this.next) this.next = id + 1;
    return id;
  }

  /** A new id nobody holds. */
  fresh(): number {
    while (this.claimed.has(this.next)) this.next++;
    return this.claim(this.next);
  }
}
