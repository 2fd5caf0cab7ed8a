/** Bytes of a SHA-256 digest. */
const DIGEST_BYTES = 32;
/** Slots per block: the table grows a block at a time. */
const BLOCK_SLOTS = 8192;

/**
 * SHA-256 digests kept as bytes, one 32-byte slot each, in blocks outside the heap. The export's
 * manifest names some 300,000 files at 100,000 articles: as base64url strings their digests were
 * 64 bytes of heap each plus a map entry, on the thread that crawls and writes while the render
 * threads run (issue 14). A slot number is a small integer, which a Map holds inline. Blocks of a
 * fixed size rather than one buffer doubled when full: doubling left up to half of it unused
 * (16 MB held for 9.5 MB of digests at the export's peak) and copied it on each growth.
 */
export class DigestTable {
  private readonly blocks: Buffer[] = [];
  private count = 0;

  /** Stores a digest given as base64url (`hashOf`) and returns its slot; null when it is not one. */
  add(base64url: string): number | null {
    const slot = this.count;
    if (slot === this.blocks.length * BLOCK_SLOTS) this.blocks.push(Buffer.alloc(BLOCK_SLOTS * DIGEST_BYTES));
    const [block, at] = this.place(slot);
    // base64url has 43 characters for 32 bytes; anything else would not round-trip to the same text.
    if (base64url.length !== 43 || block.write(base64url, at, DIGEST_BYTES, 'base64url') !== DIGEST_BYTES) return null;
    if (block.toString('base64url', at, at + DIGEST_BYTES) !== base64url) return null;
    return this.count++;
  }

  /** True when this table's `slot` holds the same digest as `other`'s `otherSlot`. */
  same(slot: number, other: DigestTable, otherSlot: number): boolean {
    const [block, at] = this.place(slot);
    const [otherBlock, otherAt] = other.place(otherSlot);
    return block.compare(otherBlock, otherAt, otherAt + DIGEST_BYTES, at, at + DIGEST_BYTES) === 0;
  }

  /** The digest in `slot` as base64url, as `hashOf` gave it. */
  text(slot: number): string {
    const [block, at] = this.place(slot);
    return block.toString('base64url', at, at + DIGEST_BYTES);
  }

  private place(slot: number): [Buffer, number] {
    return [this.blocks[Math.floor(slot / BLOCK_SLOTS)]!, (slot % BLOCK_SLOTS) * DIGEST_BYTES];
  }
}
