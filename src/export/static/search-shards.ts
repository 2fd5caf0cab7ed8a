// Shared by the index builder and the browser script, so both name shards the same way.

/** Characters of a token that pick its shard: two keeps shards small yet few enough to list. */
const KEY_CHARS = 2;

/** Documents (title, date, teaser) per file of the document table. */
export const DOCS_PER_SHARD = 500;

/** A token's shard name: its first code points in hex, safe in any file system and URL. */
export function shardKey(token: string): string {
  return [...token].slice(0, KEY_CHARS).map((c) => c.codePointAt(0)!.toString(16)).join('-');
}
