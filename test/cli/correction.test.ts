import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Parser from 'rss-parser';
import { loadConfig } from '../../src/config/config.ts';
import { openStoreRuntime, type StoreRuntime } from '../../src/runtime.ts';
import { buildApp, type FolioApp } from '../../src/web/app.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { runCli } from '../support/run-cli.ts';

const BASE = 'http://folio.test';
const AR_TEXT = 'ورد اسم القرية خطأً في الفقرة الأولى، والصحيح كفركلا.';
const EN_TEXT = 'An earlier version gave the wrong date <for> the meeting.';

/** The JSON-LD NewsArticle of a page. */
function newsArticle(body: string): Record<string, unknown> {
  const blocks = [...body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
  const article = blocks.find((b) => b['@type'] === 'NewsArticle');
  assert.ok(article, 'a NewsArticle block');
  return article;
}

for (const dialect of testDialects()) {
  describe(`folio correction add (${dialect})`, () => {
    let db: TestDatabase;
    const config = () => loadConfig({ FOLIO_BASE_URL: BASE }, { databaseUrl: db.url, port: 8080 });
    const cli = (args: string[]) => runCli(['correction', 'add', ...args, '--database', db.url], { FOLIO_BASE_URL: BASE });

    /** A fresh runtime and app on the database the CLI wrote (the CLI is another process). */
    async function withSite(use: (app: FolioApp['app'], runtime: StoreRuntime) => Promise<void>): Promise<void> {
      const runtime = await openStoreRuntime(config());
      const folio = await buildApp(runtime);
      try {
        await use(folio.app, runtime);
      } finally {
        await folio.app.close();
        await runtime.close();
      }
    }

    before(async () => {
      db = await createTestDatabase(dialect);
      const runtime = await openStoreRuntime(config());
      await seedFixture(runtime);
      await runtime.auth.addUser({ name: 'Chief', email: null, password: 'a long enough password', role: 'admin' });
      await runtime.auth.addUser({ name: 'Mod', email: null, password: 'a long enough password', role: 'moderator' });
      await runtime.close();
    });
    after(async () => {
      await db.drop();
    });

    test('a correction to a live article shows on its page, on the corrections page, in its JSON-LD and in feeds', async () => {
      const res = await cli(['--edition', 'ar', '--nid', String(FIXTURE.arabic.nid), '--kind', 'correction', '--text', AR_TEXT, '--date', '2025-11-20T12:00:00+02:00']);
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, /^recorded correction \d+ on node 3001 in ar as of 2025-11-20T10:00:00.000Z \(\d revisions? written\): http:\/\/folio\.test\/ar\/content\/arabic-article\n$/);
      await withSite(async (app) => {
        const page = await app.inject({ url: `/ar/${FIXTURE.arabic.path}` });
        assert.ok(page.body.includes(AR_TEXT), 'shown on the article');
        assert.match(page.body, /<strong>تصحيح<\/strong> – <time datetime="2025-11-20T12:00:00\+02:00">/);
        assert.match(page.body, /عُدّل هذا المقال بعد نشره/);
        const data = newsArticle(page.body);
        assert.deepEqual(data.correction, [{ '@type': 'CorrectionComment', text: AR_TEXT, datePublished: '2025-11-20T12:00:00+02:00' }]);

        const list = await app.inject({ url: '/ar/corrections' });
        assert.equal(list.statusCode, 200);
        assert.ok(list.body.includes(AR_TEXT));
        assert.ok(list.body.includes(`href="/ar/${FIXTURE.arabic.path}#correction-`));
        assert.match((await app.inject({ url: '/ar/' })).body, /<a href="\/ar\/corrections">تصحيحات وتحديثات<\/a>/);

        const parser = new Parser();
        const section = await parser.parseString((await app.inject({ url: '/ar/section/politics/feed' })).body);
        const item = section.items.find((i) => i.link === `${BASE}/ar/${FIXTURE.arabic.path}`);
        assert.ok(item?.content?.includes(`تصحيح (`) && item.content.includes(AR_TEXT), item?.content);
        const feed = await parser.parseString((await app.inject({ url: '/ar/corrections/feed' })).body);
        assert.equal(feed.items.length, 1);
        assert.ok(feed.items[0]!.link!.startsWith(`${BASE}/ar/${FIXTURE.arabic.path}#correction-`));
        const atom = await app.inject({ url: '/ar/corrections/feed?format=atom' });
        assert.match(String(atom.headers['content-type']), /atom/);
      });
    });

    test('the archive refuses a correction without --admin, in one line and with a non-zero exit', async () => {
      const res = await cli(['--edition', 'en', '--nid', String(FIXTURE.article.nid), '--kind', 'correction', '--text', EN_TEXT]);
      assert.notEqual(res.code, 0);
      assert.match(res.stderr, /^folio: The "en" edition is an archive[^\n]*\(an admin may record a correction there with --admin <name>\)\n$/);
      const unknown = await cli(['--edition', 'en', '--nid', String(FIXTURE.article.nid), '--kind', 'correction', '--text', EN_TEXT, '--admin', 'Nobody']);
      assert.notEqual(unknown.code, 0);
      assert.match(unknown.stderr, /^folio: --admin: no user named "Nobody"\n$/);
      const moderator = await cli(['--edition', 'en', '--nid', String(FIXTURE.article.nid), '--kind', 'correction', '--text', EN_TEXT, '--admin', 'Mod']);
      assert.notEqual(moderator.code, 0);
      assert.match(moderator.stderr, /^folio: "Mod" is not an admin[^\n]*\n$/);
      const kind = await cli(['--edition', 'ar', '--nid', String(FIXTURE.arabic.nid), '--kind', 'letter', '--text', 'x']);
      assert.equal(kind.code, 2);
      assert.match(kind.stderr, /^folio: --kind: the kind must be correction or update, not "letter"\n$/);
      await withSite(async (app) => {
        assert.ok(!(await app.inject({ url: `/${FIXTURE.article.path}` })).body.includes('wrong date'), 'nothing was written');
      });
    });

    test('an admin\'s correction record is accepted in the archive and recorded as a revision', async () => {
      const res = await cli(['--edition', 'en', '--nid', String(FIXTURE.article.nid), '--kind', 'update', '--text', EN_TEXT, '--admin', 'Chief', '--date', '2014-12-01']);
      assert.equal(res.code, 0, res.stderr);
      await withSite(async (app, runtime) => {
        const page = await app.inject({ url: `/${FIXTURE.article.path}` });
        assert.ok(page.body.includes('An earlier version gave the wrong date &lt;for&gt; the meeting.'), 'shown, escaped');
        assert.match(page.body, /<strong>Update<\/strong> – <time datetime="2014-12-01T02:00:00\+02:00">Monday, December 1, 2014<\/time>/);
        const revisions = await runtime.store.revisions.revisionsOf(FIXTURE.article.nid);
        const last = revisions.at(-1)!;
        assert.equal(last.revisedAt, Date.parse('2014-12-01') / 1000);
        assert.match(last.log ?? '', /^update by Chief: /);
        assert.ok(last.bodyHtml.html.includes('wrong date &lt;for&gt; the meeting'), 'the note is part of the recorded version');
        const memento = await app.inject({ url: `/revisions/${last.revisedAt}/${FIXTURE.article.path}` });
        assert.equal(memento.statusCode, 200);
        assert.ok(memento.body.includes('wrong date &lt;for&gt; the meeting'));
        const corrections = await app.inject({ url: '/corrections' });
        assert.ok(corrections.body.includes('wrong date &lt;for&gt; the meeting'));
        assert.ok(corrections.body.includes('A correction to the battle story'), 'the corrections already on record are listed too');
      });
    });
  });
}
