import { uniqueSlug } from '../text/slugify.ts';

/**
 * The aliases one edition has handed out, so new ones never collide. Only the strings are kept
 * (about 60 bytes each): 100,000 items cost a few megabytes, and asking the store instead would
 * cost a query per item.
 */
export class PathRegistry {
  private readonly taken = new Set<string>();

  /** True when the path is already in use. */
  has(path: string): boolean {
    return this.taken.has(path);
  }

  /** Marks a path as used. */
  add(path: string): void {
    this.taken.add(path);
  }

  /** `<prefix>/<slug>` made unique with pathauto's -0, -1 suffixes, and marked as used. */
  claim(prefix: string, slug: string): string {
    const free = uniqueSlug(slug, (s) => this.taken.has(`${prefix}/${s}`));
    const path = `${prefix}/${free}`;
    this.taken.add(path);
    return path;
  }

  /** A top-level path such as "stl", unique and marked as used. */
  claimRoot(slug: string): string {
    const path = uniqueSlug(slug, (s) => this.taken.has(s));
    this.taken.add(path);
    return path;
  }
}
