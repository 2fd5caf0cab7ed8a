import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ImportSummary, ReportedItem, ReportSink, SkippedItem, UrlFate } from '../../../src/import/import-report.ts';
import { runImport } from '../../../src/import/importer.ts';
import { drupalSource, type DrupalLanguages } from '../../../src/import/sources/drupal/drupal-source.ts';
import { createTestDatabase, testDialects } from '../../support/databases.ts';
import { gunzipSync } from 'node:zlib';
import { runCli } from '../../support/run-cli.ts';
import { openTestSite, type TestSite } from '../../support/test-runtime.ts';
import { storeSnapshot } from '../../support/store-snapshot.ts';
import { headersAreWireSafe, socketRequest } from '../../support/socket-client.ts';
import { createConnection } from 'mysql2/promise';
import { createDrupalTestDatabase, mysqlSkip, type DrupalTestDatabase } from '../../fixtures/drupal/drupal-test-database.ts';
import { fileUrl, realSiteUrls, siteFileUrls, type RealSitePlan } from '../../fixtures/drupal/fixture-real-site.ts';
import { fileBytes, writeFilesFolder } from '../../fixtures/drupal/fixture-files.ts';
import { siteFileCopier } from '../../../src/import/file-copier.ts';
import { MISSING_FILE_REASON } from '../../../src/import/node-files.ts';

// Issue 11: a Drupal 6 and 7 database shaped like a real site's (see fixture-real-site.ts),
// imported once into each store and checked over HTTP as a reader would meet it.
const NODES = 30;
const COMMENTS = 40;

/** A report sink that keeps everything, as `--report` would write it. */
function collectingReport(): ReportSink & { items: ReportedItem[]; urls: UrlFate[]; skips: SkippedItem[] } {
  const items: ReportedItem[] = [];
  const urls: UrlFate[] = [];
  const skips: SkippedItem[] = [];
  return { items, urls, skips, item: (e) => items.push(e), url: (e) => urls.push(e), skip: (e) => skips.push(e), close: async () => undefined };
}

function location(res: { headers: Record<string, unknown> }): string {
  return new URL(String(res.headers.location), 'http://folio.test').pathname;
}

for (const version of [6, 7] as const) {
  for (const dialect of testDialects()) {
    describe(`a real Drupal ${version} site imported into Folio (${dialect})`, { skip: mysqlSkip }, () => {
      let drupal: DrupalTestDatabase;
      let site: TestSite;
      let summary: ImportSummary;
      let arabic: ImportSummary;
      let plan: RealSitePlan;
      let report: ReturnType<typeof collectingReport>;
      let arabicReport: ReturnType<typeof collectingReport>;
      /** The copy of the old files folder given to --files. */
      let filesFolder: string;
      // As `folio import drupal` runs it: English (and language-neutral) nodes into the archive, then Arabic ones into the live edition.
      const ENGLISH: DrupalLanguages = { lang: 'en', elsewhere: new Map([['ar', 'ar']]), neutral: true };
      const ARABIC: DrupalLanguages = { lang: 'ar', elsewhere: new Map([['en', 'en']]), neutral: false };
      const run = (into: TestSite, options: { excludeTypes?: readonly string[]; report?: ReportSink; dryRun?: boolean; languages?: DrupalLanguages; files?: boolean } = {}) => runImport({
        source: drupalSource({ url: drupal.url, pageSize: 8, excludeTypes: options.excludeTypes ?? [], languages: options.languages ?? ENGLISH }), sourceName: 'drupal', inputs: [],
        edition: into.runtime.editions.get(options.languages?.lang ?? 'en'), service: into.runtime.imports, batchSize: 4, dryRun: options.dryRun ?? false,
        ...(options.report ? { report: options.report } : {}),
        ...(options.files === false ? {} : { files: siteFileCopier(filesFolder, into.runtime.files, options.dryRun ?? false) }),
      });
      const get = (url: string, on: TestSite = site) => on.folio.app.inject({ method: 'GET', url });
      const page = async (url: string) => {
        let res = await get(url);
        for (let hops = 0; res.statusCode === 301 && hops < 3; hops++) res = await get(new URL(String(res.headers.location), 'http://folio.test').pathname);
        return res;
      };

      before(async () => {
        drupal = await createDrupalTestDatabase({ version, nodes: NODES, comments: COMMENTS, realSite: true });
        plan = drupal.realSite!;
        filesFolder = mkdtempSync(join(tmpdir(), 'folio-old-files-'));
        await writeFilesFolder(filesFolder, drupal.url, version, plan);
        site = await openTestSite(dialect);
        report = collectingReport();
        summary = await run(site, { report });
        arabicReport = collectingReport();
        arabic = await run(site, { languages: ARABIC, report: arabicReport });
      });
      after(async () => {
        await site?.close();
        await drupal?.drop();
        if (filesFolder) rmSync(filesFolder, { recursive: true, force: true });
      });

      test('--files: every file the import references answers at its old URL, with its type, a strong ETag and long caching', async () => {
        const f = plan.files;
        const expected: [string, string][] = [[f.photo.path, 'image/jpeg'], [f.unlisted.path, 'image/png'], [f.inline, 'image/gif'], [f.legacy, 'application/pdf']];
        for (const [path, type] of expected) {
          const res = await get(fileUrl(path));
          assert.equal(res.statusCode, 200, path);
          assert.equal(res.headers['content-type'], type, path);
          assert.deepEqual(res.rawPayload, fileBytes(path), `${path}: the old bytes`);
          assert.match(String(res.headers['cache-control']), /max-age=31536000/);
          assert.match(String(res.headers.etag), /^"[\w-]{43}"$/, 'a strong ETag: the SHA-256 of the bytes');
          const again = await site.folio.app.inject({ method: 'GET', url: fileUrl(path), headers: { 'if-none-match': String(res.headers.etag) } });
          assert.equal(again.statusCode, 304, `${path}: revalidated`);
        }
        assert.equal((await get(`/${f.inline.replace(/ /g, '%20')}`)).statusCode, 200, 'spaces sent as %20');
        assert.equal((await get(fileUrl(f.photo.path).replace('%E2%80%93', '%e2%80%93'))).statusCode, 200, 'lower-case escapes');
        // A base site's photo, from its file table, is there too.
        assert.ok(summary.files!.copied >= 5, `copied ${summary.files!.copied}`);
        assert.equal(summary.files!.missing, 1);
        const lost = await get(fileUrl(f.missing));
        assert.equal(lost.statusCode, 410, 'the file the folder lost is gone, not a 404');
        assert.ok(summary.warnings.some((w) => w.ref === `/${f.missing}` && w.reason.includes(MISSING_FILE_REASON)), 'and named');
        assert.deepEqual(report.urls.find((u) => u.path === f.missing), { path: f.missing, fate: 'gone', reason: MISSING_FILE_REASON });
        assert.equal((await get('/sites/default/files/never-referenced.jpg')).statusCode, 404, 'a file the old site never had is still a 404');
        assert.equal((await get('/sites/default/files/../../etc/passwd')).statusCode, 404);
      });

      test('the listed photo becomes the lead photo with its caption and credit; an unlisted image stays an attachment', async () => {
        const event = await site.runtime.store.content.findNode('en', plan.eventNid);
        assert.deepEqual(event?.photo, { src: `/${plan.files.photo.path}`, caption: plan.files.photo.caption, credit: plan.files.photo.credit });
        const closed = await site.runtime.store.content.findNode('en', plan.closedNid);
        assert.equal(closed?.photo, null, 'the unlisted image is not the lead photo');
        assert.equal((await get(fileUrl(plan.files.unlisted.path))).statusCode, 200, 'but its file is kept and served');
        const html = (await page('/content/closed-comments')).body;
        assert.ok(html.includes(fileUrl(plan.files.inline)), 'the inline image keeps its old URL');
      });

      test('an unpublished comment\'s /comment/N answers 410 with the reason, where a published one redirects', async () => {
        assert.equal((await get(`/comment/${plan.unpublishedCid}`)).statusCode, 410);
        assert.equal((await get(`/comment/${plan.closedCid}`)).statusCode, 301);
        const fate = report.urls.find((u) => u.path === `comment/${plan.unpublishedCid}`);
        assert.equal(fate?.fate, 'gone');
        assert.match(fate?.fate === 'gone' ? fate.reason : '', /unpublished \(Drupal showed it to administrators only\)/);
      });

      test('a published comment on an unpublished node answers 410 with a readable page, as the report says', async () => {
        for (const path of ['/content/withdrawn-story', `/node/${plan.withdrawnNid}`]) assert.equal((await get(path)).statusCode, 410, path);
        const res = await get(`/comment/${plan.withdrawnCid}`);
        assert.equal(res.statusCode, 410);
        assert.match(res.body, /the article it belongs to was withdrawn/);
        const fate = report.urls.find((u) => u.path === `comment/${plan.withdrawnCid}`);
        assert.deepEqual(fate, { path: `comment/${plan.withdrawnCid}`, fate: 'gone', reason: `the item it belongs to (node/${plan.withdrawnNid}) is unpublished` });
        assert.equal((await site.runtime.store.comments.findForModeration(plan.withdrawnCid))?.status, 1, 'the comment itself is kept as it was');
      });

      test('both items of a translation set are listed under their section and tag, each in its own edition', async () => {
        const t = plan.translationTerms;
        for (const [prefix, own, other] of [['', 'A translated story', 'قصة مترجمة'], ['/ar', 'قصة مترجمة', 'A translated story']] as const) {
          for (const path of [t.section, t.tag, 'section/politics']) {
            const listing = await get(`${prefix}/${path}`);
            assert.equal(listing.statusCode, 200, `${prefix}/${path}`);
            assert.ok(listing.body.includes(own), `${prefix}/${path} lists ${own}`);
            assert.ok(!listing.body.includes(other), `${prefix}/${path} does not list the other edition's item`);
          }
          const item = await page(`${prefix}/content/translated-story`);
          assert.ok(item.body.includes(`href="${prefix}/${t.tag}"`), `${prefix}: the item links its tag in its own edition`);
        }
        const arabicSection = await site.runtime.store.content.resolvePath('ar', t.section);
        assert.equal(arabicSection?.targetType, 'term');
        assert.notEqual(arabicSection?.targetId, t.sectionTid, 'the Arabic copy of the term has its own id');
      });

      test('a second run over the unchanged source, files included, changes nothing: counts, records and their hashes', async () => {
        const before = await storeSnapshot(site.runtime);
        const again = await run(site);
        for (const type of ['node', 'comment', 'term', 'author', 'blog'] as const) {
          assert.equal(again.counts[type].imported + again.counts[type].updated, 0, `${type}: ${JSON.stringify(again.counts[type])}`);
        }
        assert.deepEqual(again.files, { copied: 0, unchanged: summary.files!.copied, missing: 1 });
        assert.deepEqual(again.urls, summary.urls, 'every URL keeps its fate');
        const arabicAgain = await run(site, { languages: ARABIC });
        assert.deepEqual(await storeSnapshot(site.runtime), before);
        for (const type of ['node', 'comment', 'term', 'author', 'blog'] as const) {
          assert.equal(arabicAgain.counts[type].imported + arabicAgain.counts[type].updated, 0, `ar ${type}: ${JSON.stringify(arabicAgain.counts[type])}`);
        }
      });

      test('a reply stored with a lower cid than its parent keeps its parent on the first run', async () => {
        const reply = await site.runtime.store.comments.findForModeration(plan.replyCid);
        assert.equal(reply?.pid, plan.parentCid);
        assert.equal(reply?.thread, '01.00/');
        assert.ok(!summary.warnings.some((w) => w.ref === `comment/${plan.replyCid}`), 'no warning about a lost parent');
        const html = (await page(`/node/${plan.forumNid}`)).body;
        const parentAt = html.indexOf(`id="comment-${plan.parentCid}"`);
        const replyAt = html.indexOf(`id="comment-${plan.replyCid}"`);
        assert.ok(parentAt > 0 && replyAt > parentAt, 'the reply follows its parent');
        assert.match(html.slice(parentAt, replyAt), /class="indented"/, 'and is indented under it');
      });

      test('nodes of types Folio has no kind for are kept as plain items with their title, body, date and comments', async () => {
        const forum = await get('/Forum/General-Discussion');
        assert.equal(forum.statusCode, 200);
        assert.match(forum.body, /General discussion: the port/);
        assert.match(forum.body, /Body of General discussion: the port\./);
        assert.match(forum.body, /class="published"/, 'the date line');
        assert.match(forum.body, new RegExp(`id="comment-${plan.anonymousCid}"`));
        assert.match(forum.body, /name="comment_body"|<form[^>]+comment\/reply/, 'comments open (setting 2): the form is there');
        const raw = await get(`/node/${plan.eventNid}`);
        assert.equal(raw.statusCode, 301);
        assert.equal(location(raw), '/events/Book-Fair-2013');
        assert.equal((await get('/events/Book-Fair-2013')).statusCode, 200);
        assert.equal((await get(`/node/${NODES + 2}`)).statusCode, 200, 'a poll without an alias answers at /node/<nid>');
        assert.equal((await get(`/comment/${plan.anonymousCid}`)).statusCode, 301);
        assert.deepEqual([summary.itemsByType.forum, summary.itemsByType.event, summary.itemsByType.poll], [1, 1, 1]);
        const stored = await site.runtime.store.content.findNode('en', plan.forumNid);
        assert.equal(stored?.kind, 'generic');
        assert.ok(report.items.some((i) => i.key === `node/${plan.forumNid}` && i.contentType === 'forum'), 'the report keeps the type');
      });

      test('--exclude-type forum: the forum URLs answer 410 and the report says why', async () => {
        const other = await openTestSite(dialect);
        try {
          const excluded = collectingReport();
          const result = await run(other, { excludeTypes: ['forum'], report: excluded });
          assert.equal(result.itemsByType.forum, undefined);
          for (const path of [`/Forum/General-Discussion`, `/node/${plan.forumNid}`, `/comment/${plan.replyCid}`, `/comment/${plan.parentCid}`]) {
            assert.equal((await get(path, other)).statusCode, 410, path);
          }
          const reasons = excluded.urls.filter((u) => u.fate === 'gone').map((u) => [u.path, u.fate === 'gone' ? u.reason : '']);
          for (const path of ['Forum/General-Discussion', `node/${plan.forumNid}`, `comment/${plan.anonymousCid}`]) {
            const found = reasons.find(([p]) => p === path);
            assert.match(found?.[1] ?? '', /content type "forum" was excluded from the import \(--exclude-type forum\)/, path);
          }
          assert.equal((await get('/events/Book-Fair-2013', other)).statusCode, 200, 'other types are still imported');
        } finally {
          await other.close();
        }
      });

      test('aliases of system paths redirect to what Folio serves for them, or answer 410 with the reason, and the report names each', async () => {
        const redirects: [string, string][] = [
          ['/people/Rami', '/blogs/rami'], ['/nadia-blog', '/blogs/nadia-saleh'], ['/Forums/General', '/taxonomy/term/30'],
          ['/News', '/node'], ['/news', '/node'], ['/Year-2013', '/archive/2013'],
        ];
        for (const [from, to] of redirects) {
          const res = await get(from);
          assert.equal(res.statusCode, 301, from);
          assert.equal(location(res), to, from);
          assert.equal((await page(from)).statusCode, 200, `${from} ends at a page`);
          if (from !== '/news') assert.ok(report.urls.some((u) => u.path === from.slice(1) && u.fate === 'redirect'), `the report names ${from}`);
        }
        assert.equal(location(await get('/user/2')), '/blogs/rami', "a blogger's /user/<uid>");
        for (const [path, reason] of [['/user/4', /user profile/], ['/blog/4', /wrote no blog posts/], ['/people/hana', /user profile/], ['/Old-Archive', /system path "archive-view"/], ['/tags/deleted-tag', /taxonomy\/term\/777 was deleted/]] as const) {
          assert.equal((await get(path)).statusCode, 410, path);
          const fate = report.urls.find((u) => u.path === path.slice(1));
          assert.equal(fate?.fate, 'gone', path);
          assert.match(fate?.fate === 'gone' ? fate.reason : '', reason);
        }
      });

      test('aliases answer in any case, as the MySQL collation matched them: 301 to the stored spelling', async () => {
        for (const [asked, stored] of [['/forum/general-discussion', '/Forum/General-Discussion'], ['/EVENTS/BOOK-FAIR-2013', '/events/Book-Fair-2013'], ['/content/hidden-comments', '/content/Hidden-Comments'], ['/people/rami', '/blogs/rami']]) {
          const res = await get(`${asked}?page=1`);
          assert.equal(res.statusCode, 301, asked);
          assert.equal(location(res), stored, asked);
        }
        assert.equal((await get('/Forum/General-Discussion')).statusCode, 200, 'the stored spelling is served');
        assert.equal((await get('/old-archive')).statusCode, 410, 'a gone path in another case is gone too');
        assert.equal((await get('/forum/general-discussion-x')).statusCode, 404);
      });

      test('comment settings as Drupal displayed them: 0 hides comments and form, 1 shows comments without a form, 2 takes comments', async () => {
        const hidden = await page('/content/Hidden-Comments');
        assert.equal(hidden.statusCode, 200);
        assert.doesNotMatch(hidden.body, new RegExp(`id="comment-${plan.hiddenCid}"`), 'a hidden comment is not shown');
        assert.doesNotMatch(hidden.body, /class="comments-closed"|comment\/reply/, 'no form and no closed note');
        assert.doesNotMatch((await get(`/comment/feed/${plan.hiddenNid}`)).body, new RegExp(`comment/${plan.hiddenCid}`), 'nor in the comment feed');
        const closed = await page('/content/closed-comments');
        assert.match(closed.body, new RegExp(`id="comment-${plan.closedCid}"`));
        assert.match(closed.body, /class="comments-closed"/);
        assert.doesNotMatch(closed.body, /comment\/reply\//);
        const refused = await site.folio.app.inject({ method: 'GET', url: `/comment/reply/${plan.hiddenNid}` });
        assert.doesNotMatch(refused.body, /<form[^>]*comment\/reply/, 'no reply form for a hidden node either');
        assert.match((await page('/Forum/General-Discussion')).body, /comment\/reply\//, 'setting 2: open');
      });

      test('a translation set becomes one set, each member in the edition of its language', async () => {
        const english = await page('/content/translated-story');
        assert.equal(english.statusCode, 200);
        assert.match(english.body, /A translated story/);
        assert.doesNotMatch(english.body, /قصة مترجمة/);
        assert.match(english.body, /hreflang="ar"[^>]*>|href="[^"]*\/ar\/content\/translated-story"/);
        assert.match(english.body, /\/ar\/content\/translated-story/, 'the English page links its Arabic translation');
        const translated = await get('/ar/content/translated-story');
        assert.equal(translated.statusCode, 200);
        assert.match(translated.body, /قصة مترجمة/);
        assert.match(translated.body, /href="[^"]*\/content\/translated-story"[^>]*hreflang="en"|hreflang="en"/);
        assert.equal((await site.runtime.store.content.nodeEdition(plan.translationNid)), 'ar');
        assert.equal((await site.runtime.store.content.findNode('en', plan.translationNid)), undefined, 'not a separate English item');
        const raw = await get(`/node/${plan.translationNid}`);
        assert.equal(raw.statusCode, 301, 'the old /node/<nid> leads to its edition');
        assert.equal(location(raw), `/ar/node/${plan.translationNid}`);
        assert.ok(summary.skips.some((s) => s.ref === `node/${plan.translationNid}` && /belongs to edition "ar"/.test(s.reason)), 'the English run says where it went');
        assert.equal(arabic.counts.node.imported, version === 6 ? 1 : 2, 'the Arabic run takes only Arabic items');
      });

      test('an entity translation (Drupal 7) becomes its own item in the Arabic edition, in one set with its original', { skip: version === 6 ? 'Drupal 7 only' : false }, async () => {
        const et = plan.entityTranslated;
        const english = await get(`/${et.enAlias}`);
        assert.equal(english.statusCode, 200, 'the original keeps its own-language alias (not the Arabic one, which is newer)');
        assert.match(english.body, new RegExp(`<h1[^>]*>${et.en}</h1>`));
        assert.match(english.body, new RegExp(`Body of ${et.en}`));
        assert.match(english.body, new RegExp(`/ar/${et.arAlias}`), 'it links its translation');
        const arabicPage = await get(`/ar/${et.arAlias}`);
        assert.equal(arabicPage.statusCode, 200);
        assert.match(arabicPage.body, new RegExp(`<h1[^>]*>${et.ar}</h1>`));
        assert.match(arabicPage.body, new RegExp(`Body of ${et.ar}`));
        assert.doesNotMatch(arabicPage.body, new RegExp(`Body of ${et.en}`));
        assert.equal(arabic.counts.node.imported, 2, 'the Arabic run takes the tnid translation and the entity translation');
        // The Arabic alias at the root, where a site without path-prefix negotiation answered it: 301 to the Arabic edition.
        for (const asked of [`/${et.arAlias}`, `/${et.arAlias.toUpperCase()}`]) {
          const root = await get(asked);
          assert.equal(root.statusCode, 301, asked);
          assert.equal(location(root), `/ar/${et.arAlias}`, asked);
        }
        assert.deepEqual(report.urls.find((u) => u.path === et.arAlias), { path: et.arAlias, fate: 'redirect', to: `ar/${et.arAlias}` }, 'the report says so');
      });

      test('every source URL of the real rows answers 200, 301 or 410, never 404', async () => {
        for (const url of realSiteUrls(plan)) {
          const res = await page(url);
          assert.ok([200, 410].includes(res.statusCode), `${url}: ${res.statusCode}`);
        }
      });

      test('over a real socket, every URL of the real rows and every URL both reports name answers 200, 301 or 410, with headers a socket carries', async () => {
        const address = await site.folio.app.listen({ port: 0, host: '127.0.0.1' });
        const port = Number(new URL(address).port);
        const urls = new Set([...realSiteUrls(plan), ...report.urls.map((u) => fileUrl(u.path)), ...arabicReport.urls.map((u) => `/ar${fileUrl(u.path)}`)]);
        assert.ok(urls.size > 60, `${urls.size} URLs`);
        for (const url of urls) {
          const res = await socketRequest(port, { path: url });
          assert.ok([200, 301, 410].includes(res.status), `${url}: ${res.status}`);
          assert.deepEqual(headersAreWireSafe(res.headers), [], url);
        }
      });

      test('the Title module: node titles and comment subjects come from its fields where the site has them', { skip: version === 6 ? 'Drupal 7 only' : false }, async () => {
        const event = await page('/events/Book-Fair-2013');
        assert.match(event.body, new RegExp(`<h1[^>]*>${plan.titleField.title}</h1>`));
        const stored = await site.runtime.store.comments.findForModeration(plan.titleField.cid);
        assert.equal(stored?.subject, plan.titleField.subject);
      });

      test('a term with two parents keeps both: its items are listed under each', async () => {
        for (const parent of ['/section/politics/palestine', '/section/politics/lebanon', '/section/politics']) {
          const listing = await get(parent);
          assert.equal(listing.statusCode, 200, parent);
          assert.match(listing.body, /Comments closed here/, `${parent} lists the item filed under the two-parent section`);
        }
        assert.equal((await get(`/taxonomy/term/${plan.twoParentTid}`)).statusCode, 200);
      });

      test('the report names every source URL with its fate, and the site answers as it says', async () => {
        const translated = new Set([`/content/translated-story`, `/ar/content/translated-story`, `/node/${plan.translationNid}`, `/node/${plan.sourceNid}`]);
        for (const url of realSiteUrls(plan).filter((u) => !translated.has(u))) {
          const fates = report.urls.filter((u) => u.path === decodeURIComponent(url.slice(1)));
          assert.equal(fates.length, 1, `${url} is named once in the report`);
          const fate = fates[0]!;
          const res = await get(url);
          assert.equal(res.statusCode, { canonical: 200, redirect: 301, gone: 410 }[fate.fate], `${url} answers as the report says (${fate.fate})`);
          if (fate.fate === 'redirect' && !fate.to.includes('#')) assert.equal((await page(url)).statusCode, 200, url);
        }
        assert.deepEqual(Object.keys(summary.urls).sort(), ['canonical', 'gone', 'redirect']);
        assert.equal(summary.urls.canonical + summary.urls.redirect + summary.urls.gone, report.urls.length);
      });

      test('a registered commenter shows the user name, not "(not verified)", and keeps the account e-mail private', async () => {
        const html = (await page('/Forum/General-Discussion')).body;
        const at = html.indexOf(`id="comment-${plan.parentCid}"`);
        const registered = html.slice(at, html.indexOf('</article>', at));
        assert.match(registered, /Hana Registered/);
        assert.doesNotMatch(registered, /not verified/);
        assert.doesNotMatch(registered, /comment-by-anonymous/);
        const anonymousAt = html.indexOf(`id="comment-${plan.anonymousCid}"`);
        assert.match(html.slice(anonymousAt, html.indexOf('</article>', anonymousAt)), /Passer-by \(not verified\)/);
        assert.doesNotMatch(html, /hana@example\.com/, 'the e-mail is not on the page');
        const stored = await site.runtime.store.comments.findForModeration(plan.parentCid);
        assert.equal(stored?.email, plan.registered.mail, 'kept for moderators, from the users table');
      });
    });
  }
}

for (const version of [6, 7] as const) {
  for (const dialect of testDialects()) {
    describe(`a Drupal ${version} site without an Authors vocabulary (${dialect})`, { skip: mysqlSkip }, () => {
      let drupal: DrupalTestDatabase;
      let site: TestSite;

      before(async () => {
        drupal = await createDrupalTestDatabase({ version, nodes: 12, comments: 0 });
        const conn = await createConnection({ uri: drupal.url });
        try {
          const [vocabulary, termData] = version === 6 ? ['vocabulary', 'term_data'] : ['taxonomy_vocabulary', 'taxonomy_term_data'];
          await conn.query(`DELETE FROM ${termData} WHERE vid = 3`);
          await conn.query(`DELETE FROM ${vocabulary} WHERE vid = 3`);
          await conn.query("UPDATE users SET name = 'Lina Saad' WHERE uid = 1");
        } finally {
          await conn.end();
        }
        site = await openTestSite(dialect);
        await runImport({ source: drupalSource({ url: drupal.url }), sourceName: 'drupal', inputs: [], edition: site.runtime.editions.get('en'), service: site.runtime.imports });
      });
      after(async () => {
        await site?.close();
        await drupal?.drop();
      });

      test('the node author is the byline; blog posts and pages without a "submitted" line get none', async () => {
        // Node 1 is an article by uid 1, node 8 a blog post, node 9 a page (fixture-nodes.ts).
        assert.deepEqual((await site.runtime.store.content.findNode('en', 1))?.authors.map((a) => a.name), ['Lina Saad']);
        assert.deepEqual((await site.runtime.store.content.findNode('en', 8))?.authors, []);
        assert.deepEqual((await site.runtime.store.content.findNode('en', 9))?.authors, []);
        const html = (await site.folio.app.inject({ method: 'GET', url: '/content/item-1' })).body;
        assert.match(html, /Lina Saad/);
        assert.equal((await site.folio.app.inject({ method: 'GET', url: '/author/lina-saad' })).statusCode, 200);
      });
    });
  }
}

for (const version of [6, 7] as const) {
  describe(`folio import drupal on a real Drupal ${version} site, from the command line`, { skip: mysqlSkip }, () => {
    let drupal: DrupalTestDatabase;
    let dir: string;

    before(async () => {
      drupal = await createDrupalTestDatabase({ version, nodes: 20, comments: 20, realSite: true });
      dir = mkdtempSync(join(tmpdir(), 'folio-drupal-cli-'));
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await drupal?.drop();
    });

    test('--dry-run --report prints the sampler (items by type, URLs by fate, commonest skip reasons) and writes every URL with its fate, writing nothing', async () => {
      const database = `sqlite:${join(dir, 'dry.db')}`;
      const res = await runCli(['import', 'drupal', '--db', drupal.url, '--database', database, '--dry-run', '--report', join(dir, 'report.json'), '--exclude-type', 'forum']);
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, /Dry run of drupal into edition "en"/);
      assert.match(res.stdout, /items by type: article \d+, .*event 1/);
      assert.doesNotMatch(res.stdout, /items by type:.*forum/);
      assert.match(res.stdout, /URLs: \d+ canonical, \d+ redirect \(301\), \d+ gone \(410\)/);
      assert.match(res.stdout, /most common skip reasons:\n\s+\d+ × .+\(e\.g\. node\/\d+: /);
      assert.match(res.stdout, /Dry run of drupal into edition "ar"/, 'the Arabic node gets its own run');
      const en = JSON.parse(readFileSync(join(dir, 'report.en.json'), 'utf8')) as { urls: { path: string; fate: string; reason?: string; to?: string }[] };
      assert.deepEqual(en.urls.find((u) => u.path === 'Forum/General-Discussion'), { path: 'Forum/General-Discussion', fate: 'gone', reason: 'content type "forum" was excluded from the import (--exclude-type forum)' });
      assert.deepEqual(en.urls.find((u) => u.path === 'people/Rami'), { path: 'people/Rami', fate: 'redirect', to: 'blogs/rami' }, 'a dry run resolves redirects to what it would import');
      assert.deepEqual(en.urls.find((u) => u.path === 'events/Book-Fair-2013'), { path: 'events/Book-Fair-2013', fate: 'canonical' });
      const enFile = JSON.parse(readFileSync(join(dir, 'report.en.json'), 'utf8')) as { skipped: { ref: string; reason: string }[]; warnings: unknown[] };
      assert.ok(enFile.skipped.some((s) => /belongs to edition "ar"/.test(s.reason)), 'skips with their reasons');
      assert.ok(Array.isArray(enFile.warnings), 'and the warnings list');
      const ar = JSON.parse(readFileSync(join(dir, 'report.ar.json'), 'utf8')) as { urls: { path: string; fate: string }[] };
      assert.ok(ar.urls.some((u) => u.path === 'content/translated-story' && u.fate === 'canonical'));
      writeFileSync(join(dir, 'one.txt'), '/events/Book-Fair-2013\n');
      assert.equal((await runCli(['urls', 'check', '--database', database, join(dir, 'one.txt')])).code, 1, 'nothing was written: the page is still unknown');
    });

    test('after a real run with --files, folio urls check over every URL the report names and every URL the source knew exits 0', async () => {
      const database = `sqlite:${join(dir, 'real.db')}`;
      const env = { FOLIO_FILES_DIR: join(dir, 'folio-files') };
      const oldFiles = join(dir, 'old-files');
      await writeFilesFolder(oldFiles, drupal.url, version, drupal.realSite!);
      const res = await runCli(['import', 'drupal', '--db', drupal.url, '--database', database, '--report', join(dir, 'real.json'), '--files', oldFiles], env);
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, /files: \d+ copied, 0 unchanged, 1 missing from --files/);
      const urls = (['en', 'ar'] as const).flatMap((code) => {
        const report = JSON.parse(readFileSync(join(dir, `real.${code}.json`), 'utf8')) as { urls: { path: string }[] };
        return report.urls.map((u) => `${code === 'ar' ? '/ar' : ''}${fileUrl(u.path)}`);
      });
      assert.ok(urls.length > 50);
      for (const file of siteFileUrls(drupal.realSite!)) assert.ok(urls.includes(file), `the report names ${file}`);
      writeFileSync(join(dir, 'urls.txt'), `${[...urls, ...realSiteUrls(drupal.realSite!)].join('\n')}\n`);
      const check = await runCli(['urls', 'check', '--database', database, '--only-broken', join(dir, 'urls.txt')], env);
      assert.equal(check.code, 0, check.stdout + check.stderr);
      assert.doesNotMatch(check.stderr, /not checked/, 'file URLs are checked too');
      assert.match(check.stderr, / 0 broken/);
      const missing = await runCli(['import', 'drupal', '--db', drupal.url, '--database', database, '--files', join(dir, 'no-such-folder')], env);
      assert.notEqual(missing.code, 0);
      assert.match(missing.stderr, /--files: no such folder/);
    });

    test('the JSON export of that import restores through import folio with what the import added, on every dialect, and exports the same again', async () => {
      const env = { FOLIO_FILES_DIR: join(dir, 'folio-files') };
      const first = join(dir, 'real-export.jsonl.gz');
      assert.equal((await runCli(['export', 'json', first, '--database', `sqlite:${join(dir, 'real.db')}`])).code, 0);
      const records = gunzipSync(readFileSync(first)).toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      const plan = drupal.realSite!;
      const node = (nid: number) => records.find((r) => r.type === 'node' && r.nid === nid)!;
      assert.equal(node(plan.forumNid).sourceType, 'forum', 'a generic item keeps its original type');
      assert.equal(node(plan.hiddenNid).commentPolicy, 'hidden', 'comment settings');
      assert.equal(node(plan.translationNid).translationSet, plan.sourceNid, 'translation sets');
      assert.ok((node(plan.closedNid).files as string[]).includes(`/${plan.files.unlisted.path}`), 'attachments');
      assert.ok(records.some((r) => r.type === 'redirect' && r.from === 'News' && r.to === 'node' && r.fixedRoute === true), 'path redirects');
      assert.equal(records.find((r) => r.type === 'comment' && r.cid === plan.parentCid)?.accountId, plan.registered.uid, 'registered commenters');
      assert.deepEqual(records.find((r) => r.type === 'term' && r.tid === plan.twoParentTid)?.otherParentKeys, ['term/3'], 'further term parents');
      for (const dialect of testDialects()) {
        const target = await createTestDatabase(dialect);
        try {
          const restored = await runCli(['import', 'folio', first, '--database', target.url], env);
          assert.equal(restored.code, 0, restored.stderr);
          assert.match(restored.stdout, /skipped: 0/);
          const second = join(dir, `real-export-${dialect}.jsonl.gz`);
          assert.equal((await runCli(['export', 'json', second, '--database', target.url])).code, 0);
          const lines = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n').slice(1);
          assert.deepEqual(lines(second), lines(first), `${dialect}: the restored archive exports the same records`);
          const check = await runCli(['urls', 'check', '--database', target.url, '--only-broken', join(dir, 'urls.txt')], env);
          assert.equal(check.code, 0, `${dialect}: every source URL still answers after the restore\n${check.stdout}${check.stderr}`);
        } finally {
          await target.drop();
        }
      }
    });
  });
}

