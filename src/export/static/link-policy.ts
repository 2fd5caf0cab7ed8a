// Which same-site links an export keeps, follows or drops. A static copy takes no writes, so
// everything that only leads to a form that posts (signing in, moderating, replying) goes.

/** Paths (after the edition prefix) that only serve staff or posting: links to them are removed. */
const DROPPED = /^\/(?:user(?:\/|$)|admin(?:\/|$)|comment\/reply\/|search\.json$)/;
/** A comment's permalink, which the site answers with a redirect to its article's anchor. */
const COMMENT_PERMALINK = /^\/comment\/\d+$/;

/** The part of a path after an edition's prefix ("/ar/user/login" → "/user/login"). */
export function withinEdition(pathname: string, prefixes: readonly string[]): string {
  const prefix = prefixes.find((p) => p !== '' && (pathname === p || pathname.startsWith(`${p}/`)));
  return prefix === undefined ? pathname : pathname.slice(prefix.length) || '/';
}

/** True when a link to this path should disappear from the exported page. */
export function isDroppedPath(pathname: string, prefixes: readonly string[]): boolean {
  return DROPPED.test(withinEdition(pathname, prefixes));
}

/** True for /comment/<cid>, whose fragment names an anchor on the article that links to it. */
export function isCommentPermalink(pathname: string, prefixes: readonly string[]): boolean {
  return COMMENT_PERMALINK.test(withinEdition(pathname, prefixes));
}

/** True for an edition's search page, which the export turns into a client-side search. */
export function isSearchPath(pathname: string, prefixes: readonly string[]): boolean {
  return withinEdition(pathname, prefixes) === '/search';
}
