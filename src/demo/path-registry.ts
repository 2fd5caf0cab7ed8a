import { uniqueSlug } from '../text/slugify.ts';

/**
 * A 53-bit hash of a path (two 32-bit FNV-1a passes with different offsets, one cut to 21 bits), a
 * number a Set holds in about a third of the memory of the string.
 */
function pathKey(path: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/**
 * The aliases one edition has handed out, so new ones never collide. Only a hash of each is kept:
 * the strings (Arabic slugs are two bytes a character) cost about 200 bytes an item, 200 MB for a
 * 1,000,000-article demo, and asking the store instead would cost a query per item. Two paths
 * sharing a hash (odds of about 1 in 20,000 over a million paths) only means one gets a -0 suffix
 * it did not need; no path is ever handed out twice.
 */
export class PathRegistry {
  private readonly taken = new Set<number>();

  /** True when the path is already in use. */
  has(path: string): boolean {
    return this.taken.has(pathKey(path));
  }

  /** Marks a path as used. */
  add(path: string): void {
    this.taken.add(pathKey(path));
  }

  /** `<prefix>/<slug>` made unique with pathauto's -0, -1 suffixes, and marked as used. */
  claim(prefix: string, slug: string): string {
    const free = uniqueSlug(slug, (s) => this.has(`${prefix}/${s}`));
    const path = `${prefix}/${free}`;
    this.add(path);
    return path;
  }

  /** A top-level path such as "stl", unique and marked as used. */
  claimRoot(slug: string): string {
    const path = uniqueSlug(slug, (s) => this.has(s));
    this.add(path);
    return path;
  }
}
