import type { ImportProvenance, ImportRecord, ImportedComment, ImportedNode } from '../../../domain/import-record.ts';
import { checkPlain } from '../../../filter/index.ts';
import { slugify } from '../../../text/slugify.ts';
import { parseCommentDate, parsePublishedDate } from './beirut-time.ts';
import { BY_LINE, CREDIT_LINE, PUBLISHED_LINE, isChromeText } from './page-layout.ts';

// A text dump is what a crawler's "save as text" made of an article page: the title, the
// notice and its signature, an optional photo caption and By: line, the Published line, body
// paragraphs separated by blank lines, the credit line, maybe comments, then the comment
// form's labels and tips. Only the layout identifies the parts, so the rules here are lines.

/** The form's first line: everything from here on is page chrome. */
const FORM_START = /^Post new comment$/i;
/** A comment's attribution line, as the dumps print it. */
const SUBMITTED = /^Submitted by\s+(.+?)\s+on\s+(.+)$/i;
/** The signature under the notice: "Meridian Management". */
const SIGNATURE = /^\S.{0,60}\bManagement$/;

/** Records of one text dump (the author records, the node, its comments), or a skip with the reason. */
export function textDumpRecords(text: string, ref: string, provenance: ImportProvenance): ImportRecord[] {
  const blocks = toBlocks(text);
  const title = blocks[0]?.shift();
  if (blocks[0]?.length === 0) blocks.shift();
  if (title === undefined || title === '') return [{ type: 'skip', ref, reason: 'empty text dump' }];
  const dateAt = blocks.findIndex((b) => b.some((l) => PUBLISHED_LINE.test(l)));
  if (dateAt < 0) return [{ type: 'skip', ref, reason: 'no "Published <Weekday>, <Month> <D>, <YYYY>" line' }];
  const header = blocks.slice(0, dateAt + 1).flat();
  const publishedAt = parsePublishedDate(header.find((l) => PUBLISHED_LINE.test(l))!)!;
  const byLine = header.map((l) => BY_LINE.exec(l)).find((m) => m !== null);
  const authors = byLine ? byLine[1]!.split(/\s*,\s*/).filter((n) => n !== '') : [];

  let rest = blocks.slice(dateAt + 1);
  const formAt = rest.findIndex((b) => FORM_START.test(b[0]!));
  if (formAt >= 0) rest = rest.slice(0, formAt);
  rest = rest.filter((b) => !(b.length === 1 && isChromeText(b[0]!)));
  const commentsAt = rest.findIndex((b) => b.some((l) => SUBMITTED.test(l)) || (b.length === 1 && b[0] === 'Comments'));
  let paragraphs = commentsAt >= 0 ? rest.slice(0, commentsAt) : rest;
  const last = paragraphs.at(-1);
  const credit = last && last.length === 1 && CREDIT_LINE.test(last[0]!) ? last[0]! : null;
  if (credit !== null) paragraphs = paragraphs.slice(0, -1);

  const slug = slugify(title);
  if (slug === '') return [{ type: 'skip', ref, reason: `title "${title}" gives no slug` }];
  const key = `path/content/${slug}`;
  const revisedAt = provenance.capturedAt ?? publishedAt;
  const node: ImportedNode = {
    type: 'node', key, nid: null, kind: 'article', path: `content/${slug}`, legacyPaths: [], published: true, promoted: false,
    publishedAt, showDate: true, sectionKey: null, tagKeys: [], authors, blogKey: null, commentPolicy: formAt >= 0 ? 'open' : null,
    // The dump keeps no image address, so a caption alone cannot make an ImportedPhoto.
    revisions: [{ vid: null, title, body: toParagraphs(paragraphs), bodyFormat: 'filtered_html', summary: null, credit, photo: null, revisedAt, log: null }],
    files: [], provenance,
  };
  const comments = commentsAt >= 0 ? parseTextComments(rest.slice(commentsAt), key, revisedAt, provenance) : [];
  return [
    ...authors.map((name): ImportRecord => ({ type: 'author', key: `author/${slugify(name)}`, name, slug: null, provenance })),
    node,
    ...comments,
  ];
}

/** Blocks of trimmed, non-empty lines separated by blank lines; Windows and old Mac line ends and stray spaces tolerated. */
function toBlocks(text: string): string[][] {
  const blocks: string[][] = [[]];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/[\s\u00a0]+/g, ' ').trim();
    if (line === '') {
      if (blocks.at(-1)!.length > 0) blocks.push([]);
    } else blocks.at(-1)!.push(line.replace(/^•\s*/, ''));
  }
  return blocks.filter((b) => b.length > 0);
}

function toParagraphs(blocks: readonly string[][]): string {
  return blocks.map((b) => `<p>${checkPlain(b.join(' '))}</p>`).join('\n');
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
