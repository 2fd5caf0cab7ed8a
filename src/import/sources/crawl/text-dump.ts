import type { ImportProvenance, ImportRecord, ImportedComment, ImportedNode, ImportedPhoto } from '../../../domain/import-record.ts';
import { slugify } from '../../../text/slugify.ts';
import { parseCommentDate, parsePublishedDate } from './beirut-time.ts';
import { BY_LINE, CREDIT_LINE, PUBLISHED_LINE } from './page-layout.ts';
import { isChromeBlock, isNotice, isSignature, splitCaption, toBlocks, toParagraphs } from './text-blocks.ts';
import { nidOfPath } from './url-path.ts';

// A text dump is what a crawler's "save as text" made of an article page: the title, the
// notice and its signature, an optional photo caption and By: line, the Published line, body
// paragraphs separated by blank lines, the credit line, maybe comments, then the comment
// form's labels and tips. Only the layout identifies the parts, so the rules here are lines.

/** The form's first line: everything from here on is page chrome. */
const FORM_START = /^Post new comment$/i;
/** A comment's attribution line, as the dumps print it. */
const SUBMITTED = /^Submitted by\s+(.+?)\s+on\s+(.+)$/i;

/** Where a dump's article lives, when its URL (or another capture of it) says so. */
export interface DumpIdentity {
  /** The site path the dump was captured at, decoded ("content/a’b", "node/8674"); null when unknown. */
  readonly capturedPath: string | null;
  /** The original node id, from a /node/<nid> capture of this or another dump of the same article. */
  readonly nid: number | null;
  /** The article's alias, from this or another dump of it. */
  readonly alias: string | null;
}

/** How many "Published …" lines a dump holds: one for an article, several for the front page and /node. */
export function publishedLineCount(text: string): number {
  return toBlocks(text).flat().filter((l) => PUBLISHED_LINE.test(l)).length;
}

/** Records of one article dump (the author records, the node, its comments), or a skip with the reason. */
export function textDumpRecords(text: string, ref: string, provenance: ImportProvenance, identity: DumpIdentity = { capturedPath: null, nid: null, alias: null }): ImportRecord[] {
  const blocks = toBlocks(text);
  const title = blocks[0]?.shift();
  if (blocks[0]?.length === 0) blocks.shift();
  if (title === undefined || title === '') return [{ type: 'skip', ref, reason: 'empty text dump' }];
  const dateAt = blocks.findIndex((b) => b.some((l) => PUBLISHED_LINE.test(l)));
  if (dateAt < 0) return [{ type: 'skip', ref, reason: 'no "Published <Weekday>, <Month> <D>, <YYYY>" line' }];
  const header = blocks.slice(0, dateAt + 1);
  const headerLines = header.flat();
  const publishedAt = parsePublishedDate(headerLines.find((l) => PUBLISHED_LINE.test(l))!)!;
  const byLine = headerLines.map((l) => BY_LINE.exec(l)).find((m) => m !== null);
  const authors = byLine ? byLine[1]!.split(/\s*,\s*/).filter((n) => n !== '') : [];

  let rest = blocks.slice(dateAt + 1);
  const formAt = rest.findIndex((b) => FORM_START.test(b[0]!));
  if (formAt >= 0) rest = rest.slice(0, formAt);
  rest = rest.filter((b) => !isChromeBlock(b) && !isNotice(b));
  const commentsAt = rest.findIndex((b) => b.some((l) => SUBMITTED.test(l)) || (b.length === 1 && b[0] === 'Comments'));
  let paragraphs = commentsAt >= 0 ? rest.slice(0, commentsAt) : rest;
  const last = paragraphs.at(-1);
  const credit = last && last.length === 1 && CREDIT_LINE.test(last[0]!) ? last[0]! : null;
  if (credit !== null) paragraphs = paragraphs.slice(0, -1);

  const place = placeOf(title, identity);
  if (place === null) return [{ type: 'skip', ref, reason: `title "${title}" gives no slug` }];
  const revisedAt = provenance.capturedAt ?? publishedAt;
  const node: ImportedNode = {
    type: 'node', key: place.key, nid: place.nid, kind: 'article', path: place.path, legacyPaths: place.legacyPaths, published: true, promoted: false,
    publishedAt, showDate: true, sectionKey: null, tagKeys: [], authors, blogKey: null, commentPolicy: formAt >= 0 ? 'open' : null,
    revisions: [{ vid: null, title, body: toParagraphs(paragraphs), bodyFormat: 'filtered_html', summary: null, credit, photo: captionPhoto(header), revisedAt, log: null }],
    files: [], provenance, ...(place.notes.length > 0 ? { notes: place.notes } : {}),
  };
  const comments = commentsAt >= 0 ? parseTextComments(rest.slice(commentsAt), place.key, revisedAt, provenance) : [];
  return [
    ...authors.map((name): ImportRecord => ({ type: 'author', key: `author/${slugify(name)}`, name, slug: null, provenance })),
    node,
    ...comments,
  ];
}

/**
 * Key, nid and paths of a dump's article. A known URL decides (its path is canonical as captured;
 * /node/<nid> keeps the nid); without one the slug is rebuilt from the title, as before URLs were
 * known, and the report says so.
 */
function placeOf(title: string, identity: DumpIdentity): { key: string; nid: number | null; path: string | null; legacyPaths: string[]; notes: string[] } | null {
  const captured = identity.capturedPath;
  const nid = identity.nid ?? (captured === null ? null : nidOfPath(captured));
  const alias = identity.alias ?? (captured !== null && nidOfPath(captured) === null && captured !== '' ? captured : null);
  if (nid !== null || alias !== null) {
    const legacyPaths = captured !== null && captured !== alias && captured !== '' && nidOfPath(captured) === null ? [captured] : [];
    return { key: nid !== null ? `node/${nid}` : `path/${alias}`, nid, path: alias, legacyPaths, notes: [] };
  }
  const slug = slugify(title);
  if (slug === '') return null;
  return { key: `path/content/${slug}`, nid: null, path: `content/${slug}`, legacyPaths: [], notes: [`its original URL is unknown (the dump names none); served at /content/${slug}, a slug rebuilt from its title`] };
}

/**
 * The photo caption and credit printed between the notice and the By:/Published lines: the lead
 * photo's caption and credit. A dump keeps no image address, so the photo has none.
 */
function captionPhoto(header: readonly string[][]): ImportedPhoto | null {
  const lines = header.filter((b) => !isNotice(b) && !isSignature(b) && !isChromeBlock(b)).flat()
    .filter((l) => !BY_LINE.test(l) && !PUBLISHED_LINE.test(l));
  if (lines.length === 0) return null;
  const { caption, credit } = splitCaption(lines.join(' '));
  return { src: '', caption, credit };
}

/** Comments as dumped: "Subject" and "Submitted by Name on Tue, 11/18/2014 - 18:40", then body paragraphs. */
function parseTextComments(blocks: string[][], nodeKey: string, fallback: number, provenance: ImportProvenance): ImportedComment[] {
  const comments: { subject: string; name: string; createdAt: number; body: string[][] }[] = [];
  for (const block of blocks) {
    const at = block.findIndex((l) => SUBMITTED.test(l));
    if (at < 0) {
      if (block.length === 1 && block[0] === 'Comments' && comments.length === 0) continue;
      comments.at(-1)?.body.push(block);
      continue;
    }
    const m = SUBMITTED.exec(block[at]!)!;
    comments.at(-1)?.body.push(block.slice(0, Math.max(0, at - 1)));
    const after = block.slice(at + 1);
    comments.push({ subject: block[at - 1] ?? '', name: m[1]!, createdAt: parseCommentDate(m[2]!) ?? fallback, body: after.length ? [after] : [] });
  }
  return comments.map((c) => ({
    type: 'comment', key: `${nodeKey}/comment/${c.createdAt}-${slugify(c.name) || 'anonymous'}`, cid: null, nodeKey, parentKey: null, thread: null,
    published: true, name: c.name, email: null, homepage: null, hostname: null, subject: c.subject,
    body: toParagraphs(c.body.filter((b) => b.length > 0)), format: 'filtered_html', createdAt: c.createdAt, changedAt: c.createdAt, provenance,
  }));
}
