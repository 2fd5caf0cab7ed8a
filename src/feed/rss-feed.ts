import { entryDescription, feedUpdated, type FeedDocument } from './feed-document.ts';
import { xmlText } from './xml-text.ts';

/** RFC 822 date as RSS 2.0 requires (https://www.rssboard.org/rss-specification#ltpubdategtSubelementOfLtitemgt). */
export function rfc822(seconds: number): string {
  return new Date(seconds * 1000).toUTCString();
}

/** An RSS 2.0 document; authors go in dc:creator because RSS's <author> must be an e-mail address, which we never publish. */
export function rssFeed(doc: FeedDocument): string {
  const items = doc.entries.map((e) => [
    '<item>',
    `<title>${xmlText(e.title)}</title>`,
    `<link>${xmlText(e.link)}</link>`,
    `<guid isPermaLink="true">${xmlText(e.link)}</guid>`,
    `<pubDate>${rfc822(e.published)}</pubDate>`,
    ...e.authors.map((a) => `<dc:creator>${xmlText(a)}</dc:creator>`),
    ...e.categories.map((c) => `<category>${xmlText(c)}</category>`),
    `<description>${xmlText(e.htmlContent ?? entryDescription(e))}</description>`,
    '</item>',
  ].join('\n')).join('\n');
  const updated = feedUpdated(doc);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xmlText(doc.title)}</title>`,
    `<link>${xmlText(doc.link)}</link>`,
    `<atom:link href="${xmlText(doc.self)}" rel="self" type="application/rss+xml"/>`,
    `<description>${xmlText(doc.description)}</description>`,
    `<language>${xmlText(doc.language)}</language>`,
    ...(updated > 0 ? [`<lastBuildDate>${rfc822(updated)}</lastBuildDate>`] : []),
    items,
    '</channel>',
    '</rss>',
    '',
  ].filter((line) => line !== '').join('\n');
}
