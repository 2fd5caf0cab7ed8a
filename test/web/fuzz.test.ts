import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { testDialects } from '../support/databases.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { headersAreWireSafe, socketRequest, type SocketRequest } from '../support/socket-client.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { SeededRandom } from '../../src/demo/seeded-random.ts';

// A bounded random walk over paths, queries, methods, headers and form bodies, sent over real
// HTTP: no answer may be a 5xx, no header may be one a socket refuses, and the server must still
// answer at the end. The seed is fixed and printed, so a failure can be replayed:
//   FOLIO_FUZZ_SEED=<seed> FOLIO_FUZZ_REQUESTS=<n> npm run test:fuzz
// With FOLIO_FUZZ_PORT=<port> the walk goes to a server already running on 127.0.0.1 (such as
// `npm start`) instead of a test site, once: FOLIO_FUZZ_PORT=8080 npm run test:fuzz

const SEED = Number(process.env.FOLIO_FUZZ_SEED ?? 20261202);
const REQUESTS = Number(process.env.FOLIO_FUZZ_REQUESTS ?? 1500);
/** Requests in flight at once: enough to interleave renders and cache hits, few enough for 2 cores. */
const CONCURRENCY = 6;
/** A running server to walk instead of a test site of each dialect. */
const EXTERNAL_PORT = process.env.FOLIO_FUZZ_PORT ? Number(process.env.FOLIO_FUZZ_PORT) : null;

/** A seeded source in [0, 1) (the demo's SeededRandom), so every run of one seed is the same. */
function generator(seed: number): () => number {
  const rng = new SeededRandom(seed);
  return () => rng.next();
}

const PREFIXES = ['', '', '/ar'];
const SEGMENTS = [
  'node', String(FIXTURE.article.nid), 'comment', '1', 'reply', 'content', FIXTURE.article.path, FIXTURE.arabic.path, FIXTURE.article.legacyPath,
  'taxonomy', 'term', '11', 'feed', 'tags', 'gaza', 'section', 'politics', 'author', 'lea-al-qazzi', 'blog', '77', 'blogs', 'notes-hamra',
  'archive', '2014', '11', '02', '13', '99999', 'search', 'search.json', 'rss.xml', 'sitemap.xml', 'sitemap-1.xml', 'robots.txt', 'filter', 'tips',
  'user', 'login', 'logout', 'admin', 'content', 'approval', 'spam', 'corrections', 'timemap', 'link', 'timegate', 'revisions', '1416263400',
  'assets', 'folio.css', 'stl', 'newsletter', 'editors-corner', '', '.', '..', '%2e%2e', '%2F', '%25', '%', '%zz', '%D8%A7', '%D8%B5%D9%88%D8%B1',
  '%F0%9F%98%80', '%E2%80%AE', '%E2%80%A8', '%E2%81%A6', '%EF%BB%BF', '%C3%A9', '%E9', '%FF', '%C0%AF', '%0D%0A', '%00', '%09', '%7F', '%C2%85',
  'a b', '<script>', '"', "'", '~', '@', ':', ';', '=', '&', '+', '*', '!', '$', '(', ')', ',', '[', ']', '{', '}', '|', '\\', '^', '`',
];
/** Pages that exist, so the walk also renders, caches and serves real pages, not only 404s. */
const REAL = [
  '/', '/node', `/node/${FIXTURE.article.nid}`, `/${FIXTURE.article.path}`, `/${FIXTURE.article.legacyPath}`, `/${FIXTURE.gazaTag.path}`, `/${FIXTURE.politics.path}`,
  `/${FIXTURE.palestine.path}`, `/${FIXTURE.author.path}`, '/blog', `/${FIXTURE.blog.path}`, `/${FIXTURE.blog.post}`, '/comment/1', `/comment/reply/${FIXTURE.article.nid}`,
  '/archive', '/archive/2014', '/archive/2014/11', '/search', '/search.json', '/rss.xml', `/taxonomy/term/${FIXTURE.gazaTag.tid}/feed`, `/comment/feed/${FIXTURE.article.nid}`,
  '/sitemap.xml', '/sitemap-news.xml', '/robots.txt', '/filter/tips', '/user/login', '/corrections', `/timemap/link/${FIXTURE.article.path}`, `/timegate/${FIXTURE.article.path}`,
  `/${FIXTURE.landing.path}`, `/${FIXTURE.newsletter.path}`, '/assets/folio.css', `/ar/${FIXTURE.arabic.path}`, `/ar/node/${FIXTURE.arabic.nid}`, '/ar/', '/ar/archive',
];
const QUERY_KEYS = ['page', 'q', 'sort', 'format', 'comment', 'destination', 'edition', 'x', 'page[]', ''];
const QUERY_VALUES = ['0', '1', '-1', '99999999999999999999', 'gaza', 'غزة', '"gaza', 'a OR', '-', '*', 'newest', 'atom', 'queued', 'posted', '/admin', '//evil.example', 'javascript:alert(1)', '%D8%A7', '%0D%0A', '%00', '%E9', '%', ''];
const METHODS = ['GET', 'GET', 'GET', 'GET', 'HEAD', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];
const ACCEPT_ENCODINGS = ['gzip', 'br', 'gzip, br', 'identity', '*', 'br;q=0', 'x'.repeat(300)];
const TEXTS = ['hello', 'مرحبا بالعالم', '<a href="javascript:alert(1)">x</a>', '<img src="/%D8%A7/">', '‮evil‬', 'x'.repeat(70_000), '<b>'.repeat(500), 'www.example.com', '\u0000', '%E9'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

/** One random request: path from the site's vocabulary and hostile pieces, query, headers, body. */
function randomRequest(rand: () => number): SocketRequest {
  let path: string;
  if (rand() < 0.4) {
    path = pick(rand, REAL);
    if (rand() < 0.3) path += `/${pick(rand, SEGMENTS)}`;
  } else {
    path = pick(rand, PREFIXES);
    const depth = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < depth; i++) path += `/${pick(rand, SEGMENTS)}`;
  }
  if (rand() < 0.2) path += '/';
  // Node's client sends only bytes 0x21-0xFF in a path: encode what it would refuse.
  path = path.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
  if (rand() < 0.4) {
    const pairs = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => `${encodeURIComponent(pick(rand, QUERY_KEYS))}=${pick(rand, QUERY_VALUES).replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c))}`);
    path += `?${pairs.join('&')}`;
  }
  const method = pick(rand, METHODS);
  const headers: Record<string, string> = { 'x-forwarded-for': `198.18.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}` };
  if (rand() < 0.5) headers['accept-encoding'] = pick(rand, ACCEPT_ENCODINGS);
  if (rand() < 0.1) headers['if-none-match'] = pick(rand, ['*', '"x"', 'W/"abc"', '"' + 'a'.repeat(100)]);
  if (rand() < 0.1) headers['accept-datetime'] = pick(rand, ['Tue, 18 Nov 2014 10:00:00 GMT', 'yesterday', '']);
  if (rand() < 0.1) headers.cookie = pick(rand, ['folio_session=abc', 'folio_csrf=; folio_session=' + 'x'.repeat(200), '=;;=', 'a=%E9']);
  if (rand() < 0.05) headers.host = pick(rand, ['ar.example', 'localhost:1', '[::1]', 'xn--mgbh0fb.example']);
  let body: string | undefined;
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    headers['content-type'] = pick(rand, ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded', 'application/json', 'text/plain', 'multipart/form-data']);
    const fields: Record<string, string> = {};
    for (const key of ['op', 'name', 'mail', 'homepage', 'subject', 'comment', 'form_token', 'website', '_csrf', 'pass', 'destination', 'comments[1]']) {
      if (rand() < 0.6) fields[key] = pick(rand, [...TEXTS, 'save', 'preview', 'approve', 'delete', 'a@b.c', 'http://x.example/', 'feed://x', '1']);
    }
    body = headers['content-type'] === 'application/json' ? pick(rand, [JSON.stringify(fields), '{', '[]', 'null']) : new URLSearchParams(fields).toString();
    if (rand() < 0.1) body += '&comment=%E9%FF%C0';
  }
  return { method, path, headers, ...(body !== undefined ? { body } : {}) };
}

for (const target of EXTERNAL_PORT === null ? testDialects() : [`port ${EXTERNAL_PORT}`]) {
  describe(`fuzzing the server over HTTP (${target}, seed ${SEED}, ${REQUESTS} requests)`, () => {
    let site: TestSite | undefined;
    let port: number;

    before(async () => {
      if (EXTERNAL_PORT !== null) {
        port = EXTERNAL_PORT;
        return;
      }
      site = await openTestSite(target as 'sqlite' | 'postgres', seedFixture, { FOLIO_MIN_POST_SECONDS: '0', FOLIO_TRUST_PROXY: '127.0.0.1' });
      await site.folio.app.listen({ port: 0, host: '127.0.0.1' });
      port = (site.folio.app.server.address() as AddressInfo).port;
    });
    after(async () => {
      await site?.close();
    });

    test('no 5xx, no header a socket refuses, and the server answers at the end', async (t) => {
      const rand = generator(SEED);
      const requests = Array.from({ length: REQUESTS }, () => randomRequest(rand));
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      let next = 0;
      const worker = async () => {
        while (next < requests.length) {
          const index = next++;
          const req = requests[index]!;
          try {
            const res = await socketRequest(port, req);
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status >= 500) failures.push(`#${index} ${req.method} ${req.path} → ${res.status}`);
            for (const bad of headersAreWireSafe(res.headers)) failures.push(`#${index} ${req.method} ${req.path}: ${bad}`);
          } catch (err) {
            failures.push(`#${index} ${req.method} ${req.path}: ${(err as Error).message}`);
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      t.diagnostic(`seed ${SEED}: ${REQUESTS} requests, answers by status: ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}`);
      assert.deepEqual(failures.slice(0, 20), [], `seed ${SEED}: ${failures.length} failures (replay with FOLIO_FUZZ_SEED=${SEED})`);
      assert.equal((await socketRequest(port, { path: '/' })).status, 200);
    });
  });
}
