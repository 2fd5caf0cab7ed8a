import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import type { StoreRuntime } from '../../src/runtime.ts';
import { chooseMemento, mementosOf } from '../../src/services/memento-service.ts';
import { httpDate, parseHttpDate } from '../../src/web/http-date.ts';
import { testDialects } from '../support/databases.ts';
import { buildNode, seconds } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const BASE = 'http://folio.test';
const ARTICLE = `/${FIXTURE.article.path}`;
const PUBLISHED = seconds('2014-11-18T00:30:00+02:00');
const CORRECTED = seconds('2014-11-21T09:00:00+02:00');
const UPDATED = seconds('2014-12-02T18:15:00+02:00');
/** An Arabic slug: header values are ASCII, so its URLs travel percent-encoded. */
const ARABIC_SLUG = 'content/مقال-مصحح';

/** The fixture, with the battle story corrected and then updated by an admin: three versions in all. */
async function seedHistory(runtime: StoreRuntime): Promise<void> {
  await seedFixture(runtime);
  await runtime.auth.addUser({ name: 'Chief', email: null, password: 'a long enough password', role: 'admin' });
  const en = runtime.editions.get('en');
  await runtime.corrections.add({ edition: en, nid: FIXTURE.article.nid, kind: 'correction', text: 'The village is Kfar Kila, not Kfar Kela.', at: CORRECTED, admin: 'Chief' });
  await runtime.corrections.add({ edition: en, nid: FIXTURE.article.nid, kind: 'update', text: 'The ministry has since replied.', at: UPDATED, admin: 'Chief' });
  const ar = runtime.editions.get('ar');
  await runtime.store.writer.saveNodes(sanctionedWriter(ar, 'demo-seed'), [buildNode({
    nid: 3010, title: 'مقال مصحح', path: ARABIC_SLUG, sectionTid: 50, termIds: [50], authorIds: [50], publishedAt: seconds('2025-11-10T10:00:00+02:00'),
  })]);
  await runtime.corrections.add({ edition: ar, nid: 3010, kind: 'correction', text: 'صُحّح التاريخ.', at: seconds('2025-11-12T10:00:00+02:00') });
}

/** One entry of a link-format document (RFC 6690): its URL and its parameters. */
interface LinkEntry {
  readonly url: string;
  readonly params: Readonly<Record<string, string>>;
}

/** Parses a Link header or a TimeMap: `<url>; a="b"; c="d", <url>; …` (commas inside quotes kept). */
function parseLinks(text: string): LinkEntry[] {
  return [...text.matchAll(/<([^>]*)>((?:\s*;\s*[a-z]+="[^"]*")*)/g)].map((m) => ({
    url: m[1]!,
    params: Object.fromEntries([...m[2]!.matchAll(/([a-z]+)="([^"]*)"/g)].map((p) => [p[1]!, p[2]!])),
  }));
}

function withRel(links: readonly LinkEntry[], rel: string): LinkEntry[] {
  return links.filter((l) => l.params.rel!.split(' ').includes(rel));
}

describe('Memento helpers', () => {
  test('HTTP dates round-trip, and anything but RFC 1123 is refused', () => {
    assert.equal(httpDate(CORRECTED), 'Fri, 21 Nov 2014 07:00:00 GMT');
    assert.equal(parseHttpDate('Fri, 21 Nov 2014 07:00:00 GMT'), CORRECTED);
    for (const bad of ['2014-11-21T07:00:00Z', 'Fri, 31 Feb 2014 07:00:00 GMT', 'Fri, 21 Nov 2014 07:00:00 +0200', 'yesterday', '', 'Fri, 21 Nov 2014 25:00:00 GMT']) {
      assert.equal(parseHttpDate(bad), undefined, bad);
    }
  });

  test('a node without revision rows is one Memento: its current version', () => {
    const node = { nid: 1, title: 'T', bodyHtml: '<p>x</p>', summary: null, credit: null, photo: null, updatedAt: 100, publishedAt: 90 };
    const mementos = mementosOf(node as never, []);
    assert.deepEqual(mementos.map((m) => m.datetime), [100]);
    assert.equal(chooseMemento(mementos, 5).datetime, 100);
    assert.equal(chooseMemento(mementos, undefined).datetime, 100);
  });
});

for (const dialect of testDialects()) {
  describe(`Memento (RFC 7089) (${dialect})`, () => {
    let site: TestSite;
    const get = (url: string, headers: Record<string, string> = {}) => site.folio.app.inject({ method: 'GET', url, headers });

    before(async () => {
      site = await openTestSite(dialect, seedHistory);
    });
    after(async () => {
      await site.close();
    });

    test('the TimeMap lists the original, the TimeGate, itself and every Memento with its datetime', async () => {
      const res = await get(`/timemap/link/${FIXTURE.article.path}`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/link-format/);
      const links = parseLinks(res.body);
      assert.deepEqual(withRel(links, 'original').map((l) => l.url), [`${BASE}${ARTICLE}`]);
      assert.deepEqual(withRel(links, 'timegate').map((l) => l.url), [`${BASE}/timegate/${FIXTURE.article.path}`]);
      const self = withRel(links, 'self');
      assert.deepEqual(self.map((l) => l.url), [`${BASE}/timemap/link/${FIXTURE.article.path}`]);
      assert.equal(self[0]!.params.type, 'application/link-format');
      assert.equal(self[0]!.params.from, httpDate(PUBLISHED));
      assert.equal(self[0]!.params.until, httpDate(UPDATED));
      const mementos = withRel(links, 'memento');
      assert.deepEqual(mementos.map((l) => l.params.datetime), [PUBLISHED, CORRECTED, UPDATED].map(httpDate));
      assert.deepEqual(mementos.map((l) => l.url), [PUBLISHED, CORRECTED, UPDATED].map((s) => `${BASE}/revisions/${s}/${FIXTURE.article.path}`));
      assert.equal(mementos[0]!.params.rel, 'first memento');
      assert.equal(mementos[2]!.params.rel, 'last memento');
    });

    const cases: [string, string | undefined, number][] = [
      ['before the first Memento: the first', 'Mon, 01 Jan 2001 00:00:00 GMT', PUBLISHED],
      ['exactly the first', httpDate(PUBLISHED), PUBLISHED],
      ['between the first and the second: the first', httpDate(CORRECTED - 1), PUBLISHED],
      ['between the second and the third: the second', httpDate(UPDATED - 60), CORRECTED],
      ['after the last: the last', 'Sun, 01 Jan 2040 00:00:00 GMT', UPDATED],
      ['no Accept-Datetime: the last', undefined, UPDATED],
    ];
    for (const [name, acceptDatetime, expected] of cases) {
      test(`the TimeGate answers 302 with Vary: accept-datetime, ${name}`, async () => {
        const res = await get(`/timegate/${FIXTURE.article.path}`, acceptDatetime ? { 'accept-datetime': acceptDatetime } : {});
        assert.equal(res.statusCode, 302);
        assert.equal(res.headers.location, `${BASE}/revisions/${expected}/${FIXTURE.article.path}`);
        assert.match(String(res.headers.vary), /accept-datetime/i);
        const links = parseLinks(String(res.headers.link));
        assert.deepEqual(withRel(links, 'original').map((l) => l.url), [`${BASE}${ARTICLE}`]);
        assert.deepEqual(withRel(links, 'timemap').map((l) => l.url), [`${BASE}/timemap/link/${FIXTURE.article.path}`]);
      });
    }

    test('a malformed Accept-Datetime is a 400 with a readable message', async () => {
      const res = await get(`/timegate/${FIXTURE.article.path}`, { 'accept-datetime': '2014-11-21' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /RFC 1123/);
      const ar = await get(`/ar/timegate/${FIXTURE.arabic.path}`, { 'accept-datetime': 'not a date' });
      assert.equal(ar.statusCode, 400);
      assert.match(ar.body, /Accept-Datetime/);
    });

    test('an old path and node/<nid> name the same resource; unknown paths are 404', async () => {
      const legacy = await get(`/timegate/${FIXTURE.article.legacyPath}`);
      assert.equal(legacy.headers.location, `${BASE}/revisions/${UPDATED}/${FIXTURE.article.path}`);
      assert.equal((await get('/timemap/link/node/2004')).statusCode, 200);
      assert.equal((await get('/timegate/no/such/article')).statusCode, 404);
      assert.equal((await get(`/revisions/12345/${FIXTURE.article.path}`)).statusCode, 404);
    });

    test('a Memento carries Memento-Datetime, its Link headers and the earlier-version banner', async () => {
      const res = await get(`/revisions/${PUBLISHED}/${FIXTURE.article.path}`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['memento-datetime'], httpDate(PUBLISHED));
      const links = parseLinks(String(res.headers.link));
      assert.deepEqual(withRel(links, 'original').map((l) => l.url), [`${BASE}${ARTICLE}`]);
      assert.equal(withRel(links, 'timegate').length, 1);
      assert.equal(withRel(links, 'timemap').length, 1);
      assert.equal(withRel(links, 'first')[0]!.params.datetime, httpDate(PUBLISHED));
      assert.equal(withRel(links, 'last')[0]!.params.datetime, httpDate(UPDATED));
      assert.match(res.body, /This is an earlier version of this article, as of /);
      assert.match(res.body, new RegExp(`<a href="${ARTICLE}">See the current version</a>`));
      assert.ok(!res.body.includes('Kfar Kila'), 'the first version predates the correction');
      const corrected = await get(`/revisions/${CORRECTED}/${FIXTURE.article.path}`);
      assert.match(corrected.body, /Kfar Kila/);
      assert.ok(!corrected.body.includes('The ministry has since replied'));
    });

    test('the article names its TimeGate and TimeMap and lists its versions', async () => {
      const res = await get(ARTICLE);
      assert.equal(res.statusCode, 200);
      const links = parseLinks(String(res.headers.link));
      assert.deepEqual(withRel(links, 'timegate').map((l) => l.url), [`${BASE}/timegate/${FIXTURE.article.path}`]);
      assert.deepEqual(withRel(links, 'timemap').map((l) => l.url), [`${BASE}/timemap/link/${FIXTURE.article.path}`]);
      assert.match(res.body, /This article was changed after publication: see earlier versions\./);
      for (const s of [PUBLISHED, CORRECTED]) assert.ok(res.body.includes(`href="/revisions/${s}/${FIXTURE.article.path}"`), String(s));
      const cached = await get(ARTICLE);
      assert.equal(cached.headers.link, res.headers.link, 'a cached page keeps its Link header');
    });

    test('an article that never changed has one Memento and no versions list', async () => {
      const res = await get(`/${FIXTURE.coAuthored.path}`);
      assert.ok(!res.body.includes('changed after publication'));
      const map = parseLinks((await get(`/timemap/link/${FIXTURE.coAuthored.path}`)).body);
      assert.equal(withRel(map, 'memento').length, 1);
      assert.equal(withRel(map, 'memento')[0]!.params.rel, 'first last memento');
    });

    test('the Arabic edition is Memento-aware under /ar/', async () => {
      const page = await get(`/ar/${FIXTURE.arabic.path}`);
      assert.deepEqual(withRel(parseLinks(String(page.headers.link)), 'timegate').map((l) => l.url), [`${BASE}/ar/timegate/${FIXTURE.arabic.path}`]);
      const gate = await get(`/ar/timegate/${FIXTURE.arabic.path}`, { 'accept-datetime': 'Mon, 01 Jan 2001 00:00:00 GMT' });
      assert.equal(gate.statusCode, 302);
      const location = String(gate.headers.location);
      assert.ok(location.startsWith(`${BASE}/ar/revisions/`), location);
      const memento = await get(location.slice(BASE.length));
      assert.equal(memento.statusCode, 200);
      assert.ok(memento.headers['memento-datetime']);
      assert.match(memento.body, /<html lang="ar" dir="rtl">/);
    });

    test('Arabic paths travel percent-encoded in Link and Location headers', async () => {
      const encoded = encodeURI(ARABIC_SLUG);
      const page = await get(encodeURI(`/ar/${ARABIC_SLUG}`));
      assert.equal(page.statusCode, 200);
      assert.deepEqual(withRel(parseLinks(String(page.headers.link)), 'timemap').map((l) => l.url), [`${BASE}/ar/timemap/link/${encoded}`]);
      assert.match(page.body, /عُدّل هذا المقال بعد نشره: اطّلع على النسخ السابقة\./);
      const gate = await get(`/ar/timegate/${encoded}`, { 'accept-datetime': 'Mon, 01 Jan 2001 00:00:00 GMT' });
      assert.equal(gate.statusCode, 302);
      assert.equal(gate.headers.location, `${BASE}/ar/revisions/${seconds('2025-11-10T10:00:00+02:00')}/${encoded}`);
      const memento = await get(String(gate.headers.location).slice(BASE.length));
      assert.equal(memento.statusCode, 200);
      assert.match(memento.body, /هذه نسخة سابقة من هذا المقال، كما كانت في /);
      const map = parseLinks((await get(`/ar/timemap/link/${encoded}`)).body);
      assert.equal(withRel(map, 'memento').length, 2);
    });
  });
}
