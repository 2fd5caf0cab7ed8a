/** Bytes of a SHA-256 digest. */
const DIGEST_BYTES = 32;
/** Slots the table starts with; it doubles when full. */
const FIRST_SLOTS = 4096;

/**
 * SHA-256 digests kept as bytes, one 32-byte slot each, in one growing buffer outside the heap.
 * The export's manifest names some 300,000 files at 100,000 articles: as base64url strings their
 * digests were 64 bytes of heap each plus a map entry, on the thread that crawls and writes while
 * the render threads run (issue 14). A slot number is a small integer, which a Map holds inline.
 */
export class DigestTable {
  private bytes = Buffer.alloc(FIRST_SLOTS * DIGEST_BYTES);
  private count = 0;

  /** Stores a digest given as base64url (`hashOf`) and returns its slot; null when it is not one. */
  add(base64url: string): number | null {
    if (this.count * DIGEST_BYTES === this.bytes.length) {
      const grown = Buffer.alloc(this.bytes.length * 2);
      this.bytes.copy(grown);
      this.bytes = grown;
    }
    const at = this.count * DIGEST_BYTES;
    // base64url has 43 characters for 32 bytes; anything else would not round-trip to the same text.
    if (base64url.length !== 43 || this.bytes.write(base64url, at, DIGEST_BYTES, 'base64url') !== DIGEST_BYTES) return null;
    if (this.bytes.toString('base64url', at, at + DIGEST_BYTES) !== base64url) return null;
    return this.count++;
  }

  /** True when this table's `slot` holds the same digest as `other`'s `otherSlot`. */
  same(slot: number, other: DigestTable, otherSlot: number): boolean {
    return this.bytes.compare(other.bytes, otherSlot * DIGEST_BYTES, (otherSlot + 1) * DIGEST_BYTES, slot * DIGEST_BYTES, (slot + 1) * DIGEST_BYTES) === 0;
  }

  /** The digest in `slot` as base64url, as `hashOf` gave it. */
  text(slot: number): string {
    return this.bytes.toString('base64url', slot * DIGEST_BYTES, (slot + 1) * DIGEST_BYTES);
  }
}
