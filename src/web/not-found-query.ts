/** Path words that name a page type, not what the reader was looking for. */
const ROUTE_WORDS = new Set(['content', 'node', 'tags', 'section', 'author', 'blogs', 'blog', 'taxonomy', 'term', 'feed', 'ar', 'html', 'htm', 'php', 'index', 'print']);

/**
 * The words of an unknown old address, to pre-fill the 404 page's search box:
 * "/content/harbour-workers-end-strike-0?page=1" → "harbour workers end strike".
 */
export function notFoundQuery(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  const words = decoded.split(/[/\-_.+\s]+/u)
    .filter((w) => w !== '' && !ROUTE_WORDS.has(w.toLowerCase()) && !/^\d+$/.test(w))
    .map((w) => w.replace(/[^\p{L}\p{N}']/gu, ''))
    .filter((w) => w !== '');
  return words.slice(-12).join(' ').slice(0, 200);
}
