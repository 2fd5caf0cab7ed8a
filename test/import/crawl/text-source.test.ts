import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportRecord } from '../../../src/domain/import-record.ts';
import { textSource } from '../../../src/import/sources/text-source.ts';
import { renderTextDump } from '../../fixtures/original-site/render-text-dump.ts';
import { sampleArticle } from '../../fixtures/original-site/sample-pages.ts';
import { beirutNoonOf, byType } from './expected-records.ts';

// The sample dump's exact layout, with fictional text: title, notice, signature, Published
// line, paragraphs, credit line, then the comment form's chrome.
const SAMPLE_LAYOUT = `Ferry service to the islands resumes after winter storms

The Daily Meridian’s English site is now kept online as an archive and is no longer updated. Our new reporting appears in Arabic on our main site (www.meridian-daily.example).

Meridian Management

Published Thursday, March 5, 2015

The ferry to the southern islands sailed again on Wednesday, three weeks after storms damaged the pier at the old harbour.

Harbour master Rima Khoury said repairs had cost “less than feared” & would be finished by April.

Fishermen said the new timetable suited them better than the old one.

(AFP, Meridian)


Post new comment

The content of this field is kept private and will not be shown publicly.
  • Web page addresses and e-mail addresses turn into links automatically.
  • Allowed HTML tags: <a> <em> <strong> <cite> <code> <ul> <ol> <li> <dl> <dt> <dd><img><h1><h2><h3><h4><h5><h6><blockquote><span><aside>
  • Lines and paragraphs break automatically.

More information about formatting options

^ Back to Top`;

async function read(files: Record<string, string>): Promise<ImportRecord[]> {
  const dir = mkdtempSync(join(tmpdir(), 'folio-text-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      const path = join(dir, name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
      utimesSync(path, 1430000000, 1430000000);
    }
    const out: ImportRecord[] = [];
    for await (const r of textSource([dir])) out.push(r);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a dump in the sample layout gives one article keyed by its title slug', async () => {
  const records = await read({ 'ferry.txt': SAMPLE_LAYOUT });
  assert.deepEqual(records.map((r) => r.type), ['node']);
  const node = byType(records).nodes[0]!;
  assert.equal(node.key, 'path/content/ferry-service-islands-resumes-after-winter-storms');
  assert.equal(node.path, 'content/ferry-service-islands-resumes-after-winter-storms');
  assert.equal(node.nid, null);
  assert.equal(node.kind, 'article');
  assert.equal(node.publishedAt, Date.UTC(2015, 2, 5, 10) / 1000);
  assert.deepEqual(node.authors, []);
  assert.deepEqual(node.provenance, { source: 'text', originalUrl: null, capturedAt: 1430000000 });
  const rev = node.revisions[0]!;
  assert.equal(rev.title, 'Ferry service to the islands resumes after winter storms');
  assert.equal(rev.credit, '(AFP, Meridian)');
  assert.equal(rev.bodyFormat, 'filtered_html');
  assert.equal(rev.revisedAt, 1430000000);
  assert.equal(rev.body, [
    '<p>The ferry to the southern islands sailed again on Wednesday, three weeks after storms damaged the pier at the old harbour.</p>',
    '<p>Harbour master Rima Khoury said repairs had cost “less than feared” &amp; would be finished by April.</p>',
    '<p>Fishermen said the new timetable suited them better than the old one.</p>',
  ].join('\n'));
});

test('dump variations: CRLF, stray spaces, no notice, caption and By: line, comments, no credit line', async () => {
  const fixture = sampleArticle();
  const variants = {
    'a/crlf.txt': renderTextDump(fixture, { crlf: true, caption: true }),
    'a/spaces.txt': renderTextDump(fixture, { straySpaces: true }),
    'b/no-notice.txt': renderTextDump(fixture, { notice: false, crlf: true, straySpaces: true }),
    'b/no-credit.txt': renderTextDump({ ...fixture, credit: undefined, comments: [] }),
  };
  const records = await read(variants);
  const { nodes, comments } = byType(records);
  assert.equal(nodes.length, 4);
  for (const node of nodes) {
    assert.equal(node.key, 'path/content/harbour-workers-end-strike-after-port-authority-agrees-pay-talks');
    assert.equal(node.publishedAt, beirutNoonOf(fixture.publishedAt));
    assert.deepEqual(node.authors, ['Lea al-Qazzi', 'Omar Haddad']);
    assert.equal(node.revisions[0]!.body.split('\n').length, 3);
    assert.match(node.revisions[0]!.body, /^<p>Northern Harbour – Dock workers.*<\/p>\n<p>The stoppage .*imported flour.<\/p>\n<p>“We did not want/);
  }
  assert.deepEqual(nodes.map((n) => n.revisions[0]!.credit), ['(AFP, Meridian)', '(AFP, Meridian)', null, '(AFP, Meridian)']);
  assert.deepEqual(records.filter((r) => r.type === 'author').map((r) => r.type === 'author' && r.key).slice(0, 2), ['author/lea-al-qazzi', 'author/omar-haddad']);
  // Three files carry the three comments; text keeps no thread, so all are top level.
  assert.equal(comments.length, 9);
  assert.deepEqual(comments.slice(0, 3).map((c) => [c.name, c.subject, c.createdAt, c.body, c.parentKey]), [
    ['Samir', 'Finally', fixture.comments[0]!.createdAt, '<p>About time the port listened.</p>', null],
    ['Dana K.', 'Re: Finally', fixture.comments[0]!.replies![0]!.createdAt, '<p>They only listened because of the flour price.</p>', null],
    ['Anonymous', 'Ships', fixture.comments[1]!.createdAt, '<p>Forty ships is a lot. The backlog will take weeks.</p>', null],
  ]);
  assert.ok(comments.every((c) => c.nodeKey === nodes[0]!.key && c.format === 'filtered_html'));
});

test('dumps that are not articles are skipped with the reason', async () => {
  const records = await read({ 'empty.txt': '\r\n  \r\n', 'undated.txt': 'A title\n\nSome words.\n' });
  assert.deepEqual(records.map((r) => r.type === 'skip' && r.reason), ['empty text dump', 'no "Published <Weekday>, <Month> <D>, <YYYY>" line']);
});
