import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { Parser } from 'htmlparser2';
import { fileForUrl } from '../../../src/export/static/url-files.ts';
import { FIXTURE } from '../../support/fixture-site.ts';
import { OLD_FILES, openExportedSite, type ExportedSite } from './export-site.ts';
import { serveFolder, type StaticServer } from './static-server.ts';

const URL_ATTRIBUTE: Record<string, string> = { a: 'href', link: 'href', img: 'src', script: 'src', form: 'action' };

/** The URLs a page links to, except those naming the live page (canonical, hreflang). */
function linksOf(html: string): string[] {
  const links: string[] = [];
  new Parser({
    onopentag(name, attribs) {
      const value = attribs[URL_ATTRIBUTE[name] ?? ''];
      if (value === undefined || (name === 'link' && (/canonical/.test(attribs.rel ?? '') || attribs.hreflang !== undefined))) return;
      links.push(value);
    },
  }, { decodeEntities: true }).end(html);
  return links;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('folio export static, on the fixture newspaper', () => {
  let exported: ExportedSite;
  let server: StaticServer;
  let live: (url: string) => Promise<{ status: number; body: string }>;

  before(async () => {
    exported = await openExportedSite();
    server = await serveFolder(exported.dir);
    live = async (url) => {
      const res = await exported.site.folio.app.inject({ url });
      return { status: res.statusCode, body: res.body };
    };
  });
  after(async () => {
    await server?.close();
    await exported?.site.close();
    if (exported) rmSync(exported.dir, { recursive: true, force: true });
  });

  test('the old site\'s files are exported at their old URLs, byte for byte, even when no page links them', async () => {
    for (const f of OLD_FILES) {
      assert.deepEqual(readFileSync(join(exported.dir, f.path)), f.bytes, f.path);
      const url = `${server.base}/${f.path.split('/').map(encodeURIComponent).join('/')}`;
      const res = await fetch(url);
      assert.equal(res.status, 200, url);
      assert.deepEqual(Buffer.from(await res.arrayBuffer()), f.bytes);
    }
    assert.equal((await exported.exportAgain()).written, 0, 'a second export rewrites nothing, files included');
  });

  test('served by a plain static server, every link of every page resolves', async () => {
    const pages = filesUnder(exported.dir).filter((f) => f.endsWith('.html'));
    assert.ok(pages.length > 100, `only ${pages.length} pages`);
    const checked = new Map<string, number>();
    const broken: string[] = [];
    for (const page of pages) {
      const pageUrl = new URL(relative(exported.dir, page).split('/').map(encodeURIComponent).join('/'), `${server.base}/`);
      for (const link of linksOf(readFileSync(page, 'utf8'))) {
        const target = new URL(link, pageUrl);
        if (target.origin !== server.base) continue;
        target.search = '';
        target.hash = '';
        if (!checked.has(target.href)) checked.set(target.href, (await fetch(target)).status);
        if (checked.get(target.href) !== 200) broken.push(`${relative(exported.dir, page)} → ${link}`);
      }
    }
    assert.deepEqual(broken, []);
    assert.ok(checked.size > 100);
  });

  test('no page of the live sitemap is missing, and each pager page is a file', async () => {
    const index = await live('/sitemap.xml');
    const locs = [...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const urls: string[] = [];
    for (const sitemap of locs) urls.push(...[...(await live(new URL(sitemap).pathname)).body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    assert.ok(urls.length > 30);
    for (const url of urls) {
      const file = fileForUrl(new URL(url).pathname, '');
      assert.ok(file && existsSync(join(exported.dir, file)), `${url} was not exported`);
    }
    for (const page of [1, 2]) assert.ok(existsSync(join(exported.dir, `tags/gaza/page/${page}/index.html`)));
    for (const file of ['rss.xml', 'sitemap.xml', 'robots.txt', 'filter/tips/index.html', '404.html', 'ar/404.html', 'assets/folio.css', 'archive/2014/index.html', 'comment/feed/2001.xml',
      'favicon.ico', 'ar/favicon.ico', 'manifest.webmanifest', 'ar/manifest.webmanifest', 'assets/icon.svg', 'assets/icon-192.png', 'assets/icon-512.png']) {
      assert.ok(existsSync(join(exported.dir, file)), `${file} is missing`);
    }
    // Pages link the content-hashed stylesheet, and it is there beside the plain name.
    const hashed = /href="[^"]*assets\/(folio\.[0-9a-f]{10}\.css)"/.exec(readFileSync(join(exported.dir, 'index.html'), 'utf8'))?.[1];
    assert.ok(hashed && existsSync(join(exported.dir, 'assets', hashed)), `hashed stylesheet ${hashed} is missing`);
    assert.match(readFileSync(join(exported.dir, '404.html'), 'utf8'), /href="\/index\.html"|href="\/"/, 'the 404 page links from the root, as a host serves it at any depth');
  });

  test('legacy paths become an nginx map, a _redirects file and meta-refresh pages to existing files', async () => {
    const from = `/${FIXTURE.article.legacyPath}`;
    const to = `/${FIXTURE.article.path}/`;
    assert.match(readFileSync(join(exported.dir, '_redirects'), 'utf8'), new RegExp(`^${from} ${to} 301$`, 'm'));
    assert.match(readFileSync(join(exported.dir, 'redirects.nginx.map'), 'utf8'), new RegExp(`^"${from}" "${to}";$`, 'm'));
    const refresh = readFileSync(join(exported.dir, FIXTURE.article.legacyPath, 'index.html'), 'utf8');
    const target = /http-equiv="refresh" content="0; url=([^"]+)"/.exec(refresh)?.[1];
    assert.ok(target);
    const res = await fetch(new URL(target, `${server.base}/${FIXTURE.article.legacyPath}/index.html`));
    assert.equal(res.status, 200);
    assert.match(await res.text(), /The battle for freedom/);
  });

  test('comment forms become a localised "comments are closed" note; sign-in and reply links are gone', async () => {
    const en = readFileSync(join(exported.dir, FIXTURE.article.path, 'index.html'), 'utf8');
    assert.doesNotMatch(en, /<form[^>]*comment-form/);
    assert.doesNotMatch(en, /name="form_token"/);
    assert.match(en, /<section class="comments-closed" id="comment-form"><p>Comments are closed\.<\/p><\/section>/);
    assert.doesNotMatch(en, /user\/login|comment\/reply/);
    assert.match(en, /id="comment-1"/, 'published comments stay');
    const ar = readFileSync(join(exported.dir, 'ar', FIXTURE.arabic.path, 'index.html'), 'utf8');
    assert.match(ar, /التعليقات مغلقة\./);
    assert.doesNotMatch(ar, /<form[^>]*comment-form/);
  });

  test('a second export writes nothing; after a change it rewrites only the pages that show it', async () => {
    const again = await exported.exportAgain();
    assert.equal(again.written, 0);
    assert.equal(again.removed, 0);
    assert.equal(again.unchanged, exported.first.files);

    const manifest = () => JSON.parse(readFileSync(join(exported.dir, '.folio-static-manifest.json'), 'utf8')) as Record<string, string>;
    const before = manifest();
    // A photo caption shows on the article and on the teasers of the two front listings only.
    const db = new Database(exported.site.db.url.replace(/^sqlite:/, ''));
    db.prepare('UPDATE nodes SET photo_caption = ? WHERE nid = ?').run('A new caption.', FIXTURE.article.nid);
    db.close();
    exported.site.runtime.reader.invalidate('en');
    exported.site.folio.contentChanged('en');
    const changed = await exported.exportAgain();
    const after = manifest();
    const differing = Object.keys(after).filter((f) => after[f] !== before[f]).sort();
    assert.deepEqual(differing, [`${FIXTURE.article.path}/index.html`, 'index.html', 'node/index.html']);
    assert.equal(changed.written, differing.length);
    assert.match(readFileSync(join(exported.dir, FIXTURE.article.path, 'index.html'), 'utf8'), /A new caption\./);
  });

  test('a file the export no longer produces is removed', async () => {
    const manifestPath = join(exported.dir, '.folio-static-manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
    manifest['gone/index.html'] = 'x';
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(join(exported.dir, 'gone'));
    writeFileSync(join(exported.dir, 'gone/index.html'), 'old');
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const report = await exported.exportAgain();
    assert.equal(report.removed, 1);
    assert.equal(existsSync(join(exported.dir, 'gone')), false);
  });

  test('--base-url makes links absolute under it', async () => {
    const report = await exported.exportAgain('https://archive.example.org/levant');
    assert.ok(report.written > 100);
    const home = readFileSync(join(exported.dir, 'index.html'), 'utf8');
    assert.match(home, new RegExp(`href="https://archive.example.org/levant/${FIXTURE.article.path}/"`));
    await exported.exportAgain();
  });
});
