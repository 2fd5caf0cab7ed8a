import { entryDescription, feedUpdated, type FeedDocument } from './feed-document.ts';
import { xmlText } from './xml-text.ts';

/** RFC 3339 date for Atom (https://www.rfc-editor.org/rfc/rfc4287#section-3.3). */
export function rfc3339(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** An Atom 1.0 document of the same data as rssFeed. */
export function atomFeed(doc: FeedDocument): string {
  const entries = doc.entries.map((e) => [
    '<entry>',
    `<title type="text">${xmlText(e.title)}</title>`,
    `<link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>`,
    `<id>${xmlText(e.link)}</id>`,
    `<published>${rfc3339(e.published)}</published>`,
    `<updated>${rfc3339(e.updated ?? e.published)}</updated>`,
    ...e.authors.map((a) => `<author><name>${xmlText(a)}</name></author>`),
    ...e.categories.map((c) => `<category term="${xmlText(c)}"/>`),
    e.htmlContent !== undefined
      ? `<content type="html">${xmlText(e.htmlContent)}</content>`
      : `<summary type="text">${xmlText(entryDescription(e))}</summary>`,
    '</entry>',
  ].join('\n')).join('\n');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(doc.language)}">`,
    `<title type="text">${xmlText(doc.title)}</title>`,
    `<subtitle type="text">${xmlText(doc.description)}</subtitle>`,
    `<link rel="alternate" type="text/html" href="${xmlText(doc.link)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(doc.self)}"/>`,
    `<id>${xmlText(doc.self)}</id>`,
    // Atom requires <updated>; an empty feed says the epoch rather than inventing "now".
    `<updated>${rfc3339(feedUpdated(doc))}</updated>`,
    entries,
    '</feed>',
    '',
  ].filter((line) => line !== '').join('\n');
}
