import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import type { StoreRuntime } from '../../src/runtime.ts';
import { hashPassword } from '../../src/services/password-hash.ts';
import { testDialects } from '../support/databases.ts';
import { buildComment, buildNode, seconds } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { formBody, inputValue } from '../support/form.ts';
import { headersAreWireSafe, rawRequest, socketRequest, type SocketResponse } from '../support/socket-client.ts';
import { StaffAgent } from '../support/staff-agent.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

// Every route class, in both editions, over a real socket and twice: the first request renders
// (and may cache), the second is answered from the page cache on the raw fast path, where an
// invalid header once threw outside every handler and took the process down. app.inject never
// saw it, since it does not validate headers as a socket does.

const ARABIC_SLUG = 'content/صحافة-بيروت';
const ARABIC_NID = 3002;
const ARABIC_CID = 901;
const PASSWORD = 'correct horse battery';
/** A pending comment whose image points at an Arabic path with a trailing slash (a redirect). */
const HOSTILE_IMG = '/%D8%B5%D9%88%D8%B1%D8%A9/';

const configFile = join(mkdtempSync(join(tmpdir(), 'folio-socket-')), 'folio.json');
writeFileSync(configFile, JSON.stringify({ editions: { ar: { commentPolicy: 'open' } } }));

async function seed(runtime: StoreRuntime): Promise<void> {
  await seedFixture(runtime);
  const ar = sanctionedWriter(runtime.editions.get('ar'), 'demo-seed');
  const en = sanctionedWriter(runtime.editions.get('en'), 'demo-seed');
  await runtime.store.writer.saveNodes(ar, [buildNode({
    nid: ARABIC_NID, title: 'صحافة بيروت', path: ARABIC_SLUG, sectionTid: 50, termIds: [50], authorIds: [50],
    publishedAt: seconds('2025-11-19T10:00:00+02:00'), bodyHtml: '<p>نص المقال.</p>',
  })]);
  await runtime.store.writer.saveComments(ar, [buildComment({ cid: ARABIC_CID, nid: ARABIC_NID, thread: '01/', name: 'قارئ', subject: 'تعليق' })]);
  await runtime.store.writer.recountComments(ar);
  await runtime.store.writer.saveComments(en, [buildComment({
    cid: 950, nid: FIXTURE.article.nid, thread: '03/', status: 0, body: 'look', bodyHtml: `<p><img src="${HOSTILE_IMG}" alt="x"></p>`,
  })]);
  await runtime.store.users.createUser({ name: 'mod', email: null, passwordHash: await hashPassword(PASSWORD), role: 'moderator', createdAt: 0 });
}

/** Route classes of one edition (prefix '' or '/ar'), with ids and paths of the fixture. */
function routeClasses(prefix: string): string[] {
  const arabic = prefix === '/ar';
  const article = arabic ? `/${encodeURI(ARABIC_SLUG)}` : `/${FIXTURE.article.path}`;
  const nid = arabic ? ARABIC_NID : FIXTURE.article.nid;
  const cid = arabic ? ARABIC_CID : 1;
  return [
    '/', '/node', `/node/${nid}`, article, `${article}/`, `${article}?page=1`, `/comment/${cid}`, `/comment/reply/${nid}`,
    `/${FIXTURE.politics.path}`, `/${FIXTURE.palestine.path}`, `/${FIXTURE.gazaTag.path}?page=2`, `/taxonomy/term/${FIXTURE.gazaTag.tid}`,
    `/${FIXTURE.author.path}`, '/blog', `/blog/${FIXTURE.blog.uid}`, `/${FIXTURE.blog.path}`, '/archive', '/archive/2014/11', '/archive/2014/13',
    '/search?q=gaza', '/search.json?q=%D8%A8%D9%8A%D8%B1%D9%88%D8%AA', '/rss.xml', `/taxonomy/term/${FIXTURE.gazaTag.tid}/feed`, `/comment/feed/${nid}`,
    '/filter/tips', '/user/login', '/admin/content/comment', '/corrections', '/corrections/feed',
    `/timemap/link${article}`, `/timegate${article}`, `/revisions/1416263400${article}`,
    `/${FIXTURE.article.legacyPath}`, '/no/such/page',
  ].map((p) => `${prefix}${p}`);
}

/** Hostile endings added to a path: Arabic, emoji, bidi, line separator, controls, Latin-1, bad escapes. */
const HOSTILE = [
  '/%D8%A7', '/%D8%A7/', '/%F0%9F%98%80/', '/%E2%80%AE%E2%80%8F/', '/x%E2%80%A8/', '/%0D%0ASet-Cookie:%20a=b/', '/%00/',
  '/cafe%C3%A9x/', '/%E9/', '/%25/', '/%2F%2F/', '/..%2F/', '?page=%D8%A7', '?page=%0D%0A', '?q=%00', '?x=%F0%9F%98%80/',
];

function check(path: string, res: SocketResponse): void {
  assert.ok(res.status < 500, `${path} answered ${res.status}`);
  assert.deepEqual(headersAreWireSafe(res.headers), [], `${path}: headers a socket should never carry`);
  if (res.headers.location !== undefined) assert.match(res.headers.location, /^[\x21-\x7e]+$/, `${path}: Location is a URI reference`);
}

for (const dialect of testDialects()) {
  describe(`HTTP over a real socket (${dialect})`, () => {
    let site: TestSite;
    let port: number;

    before(async () => {
      site = await openTestSite(dialect, seed, { FOLIO_MIN_POST_SECONDS: '0', FOLIO_CONFIG: configFile, FOLIO_TRUST_PROXY: '127.0.0.1' });
      await site.folio.app.listen({ port: 0, host: '127.0.0.1' });
      port = (site.folio.app.server.address() as AddressInfo).port;
    });
    after(async () => {
      await site.close();
    });

    test('every route class of both editions, with hostile paths, answers twice without a 5xx or a bad header', async () => {
      const paths = ['', '/ar'].flatMap((prefix) => routeClasses(prefix).flatMap((p) => [p, ...HOSTILE.map((h) => (p.includes('?') && h.startsWith('?') ? `${p}&${h.slice(1)}` : `${p.replace(/\/$/, '')}${h}`))]));
      for (const path of paths) {
        const first = await socketRequest(port, { path });
        check(path, first);
        const second = await socketRequest(port, { path });
        check(path, second);
        assert.equal(second.status, first.status, `${path}: the cached answer has the first one's status`);
        assert.equal(second.headers.location, first.headers.location, path);
      }
      // The server is still there, and still serving.
      assert.equal((await socketRequest(port, { path: '/' })).status, 200);
    });

    test('the URLs that took the server down redirect to percent-encoded addresses, twice', async () => {
      const expected: [string, number, string][] = [
        ['/%D8%A7/', 301, '/%D8%A7'],
        [`/ar/node/${ARABIC_NID}`, 301, `/ar/${encodeURI(ARABIC_SLUG)}`],
        [`/ar/comment/${ARABIC_CID}`, 301, `/ar/${encodeURI(ARABIC_SLUG)}#comment-${ARABIC_CID}`],
        [`/ar/${encodeURI(ARABIC_SLUG)}/`, 301, `/ar/${encodeURI(ARABIC_SLUG)}`],
        ['/x%E2%80%A8/', 301, '/x%E2%80%A8'],
        ['/cafe%C3%A9x/', 301, '/cafe%C3%A9x'],
      ];
      for (const [path, status, location] of expected) {
        for (let i = 0; i < 2; i++) {
          const res = await socketRequest(port, { path });
          assert.equal(res.status, status, path);
          assert.equal(res.headers.location, location, path);
        }
      }
    });

    test('a redirect that would carry control characters is refused with a readable 400', async () => {
      for (const path of ['/a%0D%0Ab/', '/a%00/', '/ar/a%1B/']) {
        const res = await socketRequest(port, { path });
        assert.equal(res.status, 400, path);
        assert.equal(res.headers.location, undefined);
        assert.match(res.body, /control characters|محارف تحكّم/);
      }
    });

    test('unencoded UTF-8 in the request line is answered, not fatal', async () => {
      for (let i = 0; i < 2; i++) {
        const status = await rawRequest(port, Buffer.from('GET /ا/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'utf8'));
        assert.ok(status > 0 && status < 500, `answered ${status}`);
      }
      assert.equal((await socketRequest(port, { path: '/' })).status, 200);
    });

    test('an Arabic comment post answers 303 with an ASCII Location, and the comment is shown', async () => {
      const page = await socketRequest(port, { path: `/ar/${encodeURI(ARABIC_SLUG)}` });
      assert.equal(page.status, 200);
      const res = await socketRequest(port, {
        method: 'POST', path: `/ar/comment/reply/${ARABIC_NID}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '192.0.2.77' },
        body: formBody({ op: 'save', form_token: inputValue(page.body, 'form_token'), website: '', name: 'سلمى', mail: 'salma@private.example', homepage: '', subject: '', comment: 'تعليق من القارئة عبر مقبس حقيقي.' }),
      });
      assert.equal(res.status, 303);
      assert.match(String(res.headers.location), new RegExp(`^/ar/${encodeURI(ARABIC_SLUG).replace(/%/g, '%')}\\?comment=posted#comment-\\d+$`));
      const after = await socketRequest(port, { path: String(res.headers.location).replace(/#.*/, '') });
      assert.equal(after.status, 200);
      assert.match(after.body, /تعليق من القارئة عبر مقبس حقيقي\./);
    });

    test('the moderation queue opened twice, with a hostile relative image, and the image fetched twice', async () => {
      const mod = new StaffAgent({ port }, '203.0.113.9');
      assert.equal((await mod.signIn('mod', PASSWORD)).status, 303);
      for (let i = 0; i < 2; i++) {
        const queue = await mod.get('/admin/content/comment/approval');
        assert.equal(queue.status, 200);
        assert.ok(queue.body.includes(`src="${HOSTILE_IMG}"`), 'the relative image is in the queue');
        const image = await socketRequest(port, { path: HOSTILE_IMG });
        check(HOSTILE_IMG, image);
        assert.equal(image.status, 301);
      }
    });
  });
}
