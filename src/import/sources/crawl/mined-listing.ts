// What a listing page of the original site tells about the articles it lists (issue 11, point 3):
// whose listing it is (a tag, a section, an author, a blog, or the front page) and, per teaser,
// the title, link, byline, date, teaser text and comment count.

/** The kinds of listing the original site had (docs/original-site.md, "URL patterns"). */
export type ListingKind = 'front' | 'tag' | 'section' | 'author' | 'blogs' | 'blog';

/** One item of a listing. */
export interface ListingTeaser {
  readonly title: string;
  /** The article's site path when the page linked it (HTML captures); null in text dumps. */
  readonly path: string | null;
  readonly authors: readonly string[];
  /** Unix seconds (noon in Beirut of the printed day); null for items printed without a date. */
  readonly date: number | null;
  readonly teaser: string;
  /** From "Read more | N Comments"; null when the item printed no comment link. */
  readonly comments: number | null;
}

/** A listing page as mined. */
export interface MinedListing {
  readonly kind: ListingKind;
  /** The listing's own path without query ("tags/x", "section/a/b", "author/x", "blogs/x", "blog/42", "node", ""). */
  readonly path: string;
  /** Its heading; null for pages printed without one (the name is then made from the path). */
  readonly name: string | null;
  readonly teasers: readonly ListingTeaser[];
}

/** The kind of listing a path is, or null for a path that is not a listing. */
export function listingKindOf(path: string): ListingKind | null {
  if (path === '' || path === 'node' || path === 'frontpage') return 'front';
  if (/^(tags\/[^/]+|taxonomy\/term\/\d+)$/.test(path)) return 'tag';
  if (/^section\/[^/]+(\/[^/]+)?$/.test(path)) return 'section';
  if (/^author\/[^/]+$/.test(path)) return 'author';
  if (path === 'blog' || path === 'blogs') return 'blogs';
  if (/^(blogs\/[^/]+|blog\/\d+)$/.test(path)) return 'blog';
  return null;
}

/** A name for a listing printed without a heading, from its path: "tags/islamic-state" → "Islamic State". */
export function nameFromPath(path: string): string {
  const last = path.split('/').at(-1) ?? path;
  return last.split('-').filter((w) => w !== '').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}

/** "Read more | 3 Comments" → 3; "Read more" → 0; null for anything else. */
export function commentCountOf(line: string): number | null {
  if (!/^Read more\b/i.test(line)) return null;
  const m = /\|\s*(\d+)\s+(?:new\s+)?comments?\b/i.exec(line);
  return m ? Number(m[1]) : 0;
}
