// The original articles end with a credit paragraph naming the sources, "(Reuters, Al-Akhbar)"
// (docs/original-site.md, article page item 7). Folio stores it apart from the body, so it is
// recognised only when it is the body's last paragraph and nothing but a bracketed list.

/** At most this many characters inside the brackets: a longer bracketed paragraph is prose, not a credit. */
const MAX_CREDIT_LENGTH = 120;

const TRAILING_CREDIT = new RegExp(
  // Preceded by the start, a line break or a closing block tag; optionally wrapped in <p>…</p>.
  String.raw`(^|\n|<\/(?:p|div|blockquote)>)\s*(?:<p[^>]*>\s*)?(\([^()<>\n]{1,${MAX_CREDIT_LENGTH}}\))\s*(?:<\/p>)?\s*$`,
  'i',
);

/** Splits a trailing credit paragraph off a body: { body without it, credit with its brackets } or credit null. */
export function splitCredit(body: string): { body: string; credit: string | null } {
  const match = TRAILING_CREDIT.exec(body);
  if (!match || match.index === undefined) return { body, credit: null };
  const kept = body.slice(0, match.index) + (match[1] ?? '');
  return { body: kept.trimEnd(), credit: match[2]!.trim() };
}
