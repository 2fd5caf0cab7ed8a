import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli.ts';

const article = {
  title: 'حكومة جديدة تؤدي اليمين',
  body: '<p>بيروت – أدّت الحكومة الجديدة اليمين الدستورية صباح اليوم.</p><p>فقرة ثانية.</p>',
  published: '2026-11-25T09:30:00+02:00',
  section: 'politics',
  authors: ['ليا القزي'],
  tags: ['الحكومة'],
  credit: '(رويترز، دفتر المشرق)',
};

describe('folio article add', () => {
  let dir: string;
  let db: string;
  const file = (name: string, value: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-cli-'));
    db = `sqlite:${join(dir, 'folio.db')}`;
    const migrated = await runCli(['migrate', '--database', db]);
    assert.equal(migrated.code, 0, migrated.stderr);
  });

  test('an unknown section is refused, listing the known ones; `folio section add` makes one', async () => {
    const none = await runCli(['article', 'add', '--edition', 'ar', '--file', file('first.json', article), '--database', db]);
    assert.equal(none.code, 2, none.stderr);
    assert.equal(none.stderr, 'folio: Invalid article: "section" names no section of ar ("politics"); there are none yet: create one with `folio section add`\n');
    const added = await runCli(['section', 'add', '--edition', 'ar', '--name', 'سياسة', '--slug', 'politics', '--database', db]);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^added section \d+ in ar: سياسة at http:\/\/localhost:8080\/ar\/section\/politics\n$/);
    const archive = await runCli(['section', 'add', '--edition', 'en', '--name', 'Sport', '--database', db]);
    assert.notEqual(archive.code, 0);
    const sport = await runCli(['article', 'add', '--edition', 'ar', '--file', file('sport.json', { ...article, section: 'sport' }), '--database', db]);
    assert.equal(sport.code, 2);
    assert.match(sport.stderr, /"section" names no section of ar \("sport"\); known sections: politics \(سياسة\)\n$/);
    const list = await runCli(['section', 'list', '--edition', 'ar', '--database', db]);
    assert.match(list.stdout, /politics +سياسة\n1 section\n$/);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('publishes into the live Arabic edition and says where', async () => {
    const res = await runCli(['article', 'add', '--edition', 'ar', '--file', file('ok.json', article), '--database', db]);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /^published node \d+ in ar: http:\/\/localhost:8080\/ar\/content\/.+ \(1 new authors, 1 new tags\)\n$/);
  });

  test('an article dated in the future is scheduled, and says so', async () => {
    const res = await runCli(['article', 'add', '--edition', 'ar', '--file', file('later.json', { ...article, title: 'Next year', published: '2099-01-01T08:00:00+02:00' }), '--database', db]);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /^scheduled node \d+ for 2099-01-01T06:00:00\.000Z in ar: /);
  });

  test('refuses the English archive with ReadOnlyEdition, one line, non-zero', async () => {
    const res = await runCli(['article', 'add', '--edition', 'en', '--file', file('en.json', article), '--database', db]);
    assert.notEqual(res.code, 0);
    assert.equal(res.stderr.trim().split('\n').length, 1);
    assert.match(res.stderr, /^folio: The "en" edition is an archive kept for archival purposes only/);
  });

  test('a bad file gets a one-line error naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...article, title: '' }, /"title" must not be empty/],
      [{ ...article, published: '2026-11-25 09:30' }, /"published" must be ISO 8601 with an offset/],
      [{ ...article, authors: 'one' }, /"authors" must be an array/],
      [{ ...article, colour: 'red' }, /"colour" is not a known field/],
      [{ ...article, section: undefined }, /"section" is required/],
      [{ ...article, photo: { caption: 'x' } }, /"photo.src" is required/],
      [{ ...article, translationOf: 'two' }, /"translationOf" must be the nid/],
      [{ ...article, translationOf: 999_999 }, /"translationOf" names node 999999, which does not exist/],
    ];
    for (const [value, message] of cases) {
      const res = await runCli(['article', 'add', '--edition', 'ar', '--file', file('bad.json', value), '--database', db]);
      assert.equal(res.code, 2, res.stderr);
      assert.equal(res.stderr.trim().split('\n').length, 1, res.stderr);
      assert.match(res.stderr, message);
    }
    const notJson = await runCli(['article', 'add', '--edition', 'ar', '--file', file('bad.txt', '{nope'), '--database', db]);
    assert.match(notJson.stderr, /is not valid JSON/);
    const missing = await runCli(['article', 'add', '--edition', 'ar', '--file', join(dir, 'none.json'), '--database', db]);
    assert.match(missing.stderr, /cannot read .*none\.json: ENOENT/);
    const edition = await runCli(['article', 'add', '--edition', 'fr', '--file', file('ok2.json', article), '--database', db]);
    assert.match(edition.stderr, /Unknown edition "fr": use one of en, ar/);
    assert.notEqual(edition.code, 0);
  });

  test('bad options and bad configuration get one readable line', async () => {
    const port = await runCli(['serve', '--port', 'eighty', '--database', db]);
    assert.notEqual(port.code, 0);
    assert.match(port.stderr, /--port must be a whole number/);
    const url = await runCli(['migrate', '--database', 'mysql://x']);
    assert.notEqual(url.code, 0);
    assert.equal(url.stderr, 'folio: invalid configuration: FOLIO_DATABASE_URL: "mysql://x" is neither sqlite:<file> nor postgres://…\n');
    const unknown = await runCli(['frobnicate']);
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.stderr, /unknown command 'frobnicate'/);
  });
});
