import { parseBlogDate, parsePublishedDate } from './beirut-time.ts';
import { commentCountOf, type ListingKind, type ListingTeaser, type MinedListing } from './mined-listing.ts';
import { BLOG_META, BY_LINE, PUBLISHED_LINE, isChromeText } from './page-layout.ts';
import { isChromeBlock, isNotice, isSignature, toBlocks } from './text-blocks.ts';

// Listing pages dumped as text. A standard listing prints per item an optional "By:" line, the
// title, the teaser, the date ("Friday, September 19, 2014") and "Read more | N Comments"; the
// front page and /node print full teasers (title, caption, By:, "Published …", first paragraph).
// Items are told apart by their "Read more" lines, or on the front page by the Published lines.

/** A listing item's date line. */
const LISTING_DATE = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+[A-Za-z]+\s+\d{1,2},\s+\d{4}$/i;

/** True when a dump without a single article's layout looks like a listing: items closed by "Read more" lines. */
export function looksLikeListing(text: string): boolean {
  return toBlocks(text).flat().some((l) => commentCountOf(l) !== null);
}

/** Mines a listing dump captured at path (decoded, without query) of the given kind. */
export function parseTextListing(text: string, kind: ListingKind, path: string): MinedListing {
  let blocks = toBlocks(text);
  // A heading is the block right before the notice; a listing captured before the freeze has no notice to tell it by.
  const noticeAt = blocks.findIndex(isNotice);
  let name: string | null = null;
  if (noticeAt === 1 && blocks[0]!.length === 1) name = blocks[0]![0]!;
  if (noticeAt >= 0) blocks = blocks.slice(noticeAt + 1);
  blocks = blocks.filter((b) => !isSignature(b) && !isNotice(b) && !(isChromeBlock(b) && !b.some((l) => commentCountOf(l) !== null)));
  const items: { lines: string[]; comments: number | null }[] = [];
  let current: string[] = [];
  let afterPublished = false;
  const close = (comments: number | null) => {
    if (current.length > 0) items.push({ lines: current, comments });
    else if (comments !== null && items.length > 0 && items.at(-1)!.comments === null) items.at(-1)!.comments = comments;
    current = [];
    afterPublished = false;
  };
  for (const block of blocks) {
    for (const line of block) {
      const count = commentCountOf(line);
      if (count !== null) close(count);
      else if (!isChromeText(line)) current.push(line);
    }
    // Full teasers close after the paragraph that follows their Published line.
    if (afterPublished) close(null);
    else if (block.some((l) => PUBLISHED_LINE.test(l))) afterPublished = true;
  }
  close(null);
  return { kind, path, name, teasers: items.map((i) => teaserOf(i.lines, i.comments)).filter((t): t is ListingTeaser => t !== null) };
}

/** One item's lines → a teaser: [By:] title, teaser, date — or title, [caption], [By:], Published, paragraph. */
function teaserOf(lines: readonly string[], comments: number | null): ListingTeaser | null {
  const by = lines.map((l) => BY_LINE.exec(l)).find((m) => m !== null);
  const blogMeta = lines.map((l) => BLOG_META.exec(l)).find((m) => m !== null);
  const authors = by ? by[1]!.split(/\s*,\s*/).filter((n) => n !== '') : blogMeta ? [blogMeta[1]!] : [];
  const rest = lines.filter((l) => !BY_LINE.test(l) && !BLOG_META.test(l));
  const title = rest[0];
  if (title === undefined) return null;
  const publishedAt = rest.findIndex((l) => PUBLISHED_LINE.test(l));
  const dateAt = publishedAt >= 0 ? publishedAt : rest.findIndex((l) => LISTING_DATE.test(l));
  const date = dateAt >= 0 ? parsePublishedDate(rest[dateAt]!) : blogMeta ? parseBlogDate(blogMeta[2]!) : null;
  // Full teasers put the paragraph after the Published line (a caption may sit between title and date); listings before the date.
  const teaserLines = publishedAt >= 0 ? rest.slice(publishedAt + 1) : rest.slice(1).filter((_, i) => i + 1 !== dateAt);
  return { title, path: null, authors, date, teaser: teaserLines.join(' '), comments };
}
