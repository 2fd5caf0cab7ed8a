import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { parseArticleInput } from '../../src/domain/article-input.ts';
import { renditionOf, type MediaItem } from '../../src/domain/media.ts';
import { MEDIA_BASE } from '../../src/services/media-service.ts';
import { testDialects } from '../support/databases.ts';
import { seedFixture } from '../support/fixture-site.ts';
import { buildImage, GPS_MARK, type TestImageFormat } from '../support/image-factories.ts';
import { csrfTokenIn, StaffAgent } from '../support/staff-agent.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { socketRequest } from '../support/socket-client.ts';

// Issue 12, point 5: /admin/media over HTTP — upload (type sniffed, limits, metadata stripped),
// derivatives at their widths and types, serving with immutable caching, the library's text,
// deletion, search and paging, and srcset on the article page.

const PASSWORD = 'correct horse battery staple';
const TYPED = { caption: 'صورة من ساحة الشهداء في Beirut عام 2024', credit: 'AFP / ليا', alt: 'حشد في الساحة' };
const JPEG_TYPE = /^image\/jpeg$/;

for (const dialect of testDialects()) {
  describe(`the media library (${dialect})`, () => {
    let site: TestSite;
    let nextIp = 10;
    async function signedIn(name: string): Promise<StaffAgent> {
      const agent = new StaffAgent(site.folio.app, `198.51.100.${nextIp++}`);
      assert.equal((await agent.signIn(name, PASSWORD, '/ar')).status, 303, `${name} signs in`);
      return agent;
    }
    async function upload(agent: StaffAgent, bytes: Buffer, fileName: string, type: string, fields = TYPED) {
      const form = await agent.get('/ar/admin/media');
      return agent.postMultipart('/ar/admin/media', { _csrf: csrfTokenIn(form.body), ...fields }, { field: 'file', fileName, type, bytes });
    }
    const items = () => site.runtime.store.media.list({ edition: 'ar', limit: 100 });
    const uid = async (name: string) => (await site.runtime.store.users.findUserByName(name))!.uid;

    before(async () => {
      // Small limits, so the refusals need only small test images.
      site = await openTestSite(dialect, seedFixture, { FOLIO_MEDIA_MAX_MB: '1', FOLIO_MEDIA_MAX_MEGAPIXELS: '2' });
      for (const role of ['writer', 'editor', 'moderator'] as const) {
        await site.runtime.auth.addUser({ name: `the-${role}`, email: null, password: PASSWORD, role });
      }
    });
    after(async () => {
      await site.close();
    });

    test('a writer uploads JPEG, PNG, WebP and AVIF; each gets derivatives at its widths in AVIF, WebP and JPEG, without EXIF or GPS', async () => {
      const writer = await signedIn('the-writer');
      const cases: [TestImageFormat, number, number, string][] = [
        ['jpeg', 1000, 750, 'image/jpeg'], ['png', 600, 400, 'image/png'], ['webp', 1300, 500, 'image/webp'], ['avif', 400, 300, 'image/avif'],
      ];
      for (const [format, width, height, type] of cases) {
        const bytes = await buildImage({ format, width, height, gps: true, alpha: format === 'png' });
        assert.ok(bytes.includes(GPS_MARK), `${format}: the test image carries GPS`);
        const res = await upload(writer, bytes, `photo.${format}`, type);
        assert.equal(res.status, 303, `${format}: ${res.body.slice(0, 300)}`);
        assert.match(String(res.headers.location), /^\/ar\/admin\/media\?done=upload#media-[0-9a-f]{20}$/);
      }
      const stored = await items();
      assert.equal(stored.length, 4);
      const byType = new Map(stored.map((i) => [i.type, i]));
      assert.deepEqual(byType.get('image/jpeg')?.widths, [480, 800, 1000], 'never upscaled: the original width tops the list');
      assert.deepEqual(byType.get('image/png')?.widths, [480, 600]);
      assert.deepEqual(byType.get('image/webp')?.widths, [480, 800, 1200, 1300]);
      assert.deepEqual(byType.get('image/avif')?.widths, [400]);
      for (const item of stored) {
        assert.equal(item.uploadedBy, await uid('the-writer'));
        assert.equal(item.caption, TYPED.caption);
        for (const width of item.widths) {
          for (const [ext, format] of [['avif', 'heif'], ['webp', 'webp'], ['jpg', 'jpeg']] as const) {
            const file = await site.runtime.media.storage.get(`${item.id}-${width}.${ext}`);
            assert.ok(file, `${item.id}-${width}.${ext} is stored`);
            const meta = await sharp(file.bytes).metadata();
            assert.equal(meta.format, format);
            assert.equal(meta.width, width);
            assert.equal(meta.height, Math.round((item.height * width) / item.width));
            assert.equal(meta.exif, undefined, `${item.id}-${width}.${ext} has no EXIF`);
            assert.ok(!file.bytes.includes(GPS_MARK), `${item.id}-${width}.${ext} has no GPS`);
          }
        }
      }
      const log = await site.runtime.audit.list('cli', { limit: 50, actionPrefix: 'media.' });
      assert.equal(log.filter((e) => e.action === 'media.upload').length, 4);
      // The same bytes again find the item already there.
      const again = await upload(writer, await buildImage({ format: 'avif', width: 400, height: 300, gps: true }), 'again.avif', 'image/avif');
      assert.equal(again.status, 303);
      assert.match(String(again.headers.location), /done=existing/);
      assert.equal((await items()).length, 4);
    });

    test('an image turned by its EXIF orientation is stored upright, with its upright size', async () => {
      const editor = await signedIn('the-editor');
      const res = await upload(editor, await buildImage({ format: 'jpeg', width: 600, height: 300, orientation: 6 }), 'turned.jpg', 'image/jpeg', { caption: 'turned', credit: '', alt: '' });
      assert.equal(res.status, 303);
      const item = (await items()).find((i) => i.caption === 'turned')!;
      assert.deepEqual([item.width, item.height], [300, 600]);
      const file = await site.runtime.media.storage.get(`${item.id}-300.jpg`);
      const meta = await sharp(file!.bytes).metadata();
      assert.deepEqual([meta.width, meta.height, meta.orientation], [300, 600, undefined]);
    });

    test('a GIF, a renamed text file, too many pixels and too many bytes are refused in Arabic, with every typed field kept', async () => {
      const writer = await signedIn('the-writer');
      const before = (await items()).length;
      const refusals: [Buffer, string, string, RegExp][] = [
        [await buildImage({ format: 'gif', width: 40, height: 40 }), 'anim.gif', 'image/gif', /لا يمكن استخدام ملف GIF/],
        [Buffer.from('this is not an image at all\n'.repeat(20)), 'photo.jpg', 'image/jpeg', /هذا الملف ليس صورة JPEG أو PNG أو WebP أو AVIF/],
        [await buildImage({ format: 'png', width: 2000, height: 1500 }), 'huge.png', 'image/png', /في الصورة ٣ ميغابكسل، والحد الأقصى ٢|في الصورة 3 ميغابكسل، والحد الأقصى 2/],
        [await buildImage({ format: 'png', width: 700, height: 700, noise: true }), 'noise.png', 'image/png', /حجم الملف أكبر من 1 ميغابايت/],
      ];
      for (const [bytes, name, type, message] of refusals) {
        const res = await upload(writer, bytes, name, type);
        assert.equal(res.status, 400, name);
        assert.equal(res.headers['cache-control'], 'no-store');
        assert.match(res.body, /<html[^>]* dir="rtl"/);
        assert.match(res.body, /<p class="messages error" role="alert" id="media-error">/);
        assert.match(res.body, message, name);
        assert.ok(res.body.includes(`>${TYPED.caption}</textarea>`), `${name}: the caption is kept`);
        assert.ok(res.body.includes(`name="credit" value="${TYPED.credit}"`), `${name}: the credit is kept`);
        assert.ok(res.body.includes(`name="alt" value="${TYPED.alt}"`), `${name}: the alt text is kept`);
      }
      const noFile = await writer.postMultipart('/ar/admin/media', { _csrf: csrfTokenIn((await writer.get('/ar/admin/media')).body), ...TYPED }, null);
      assert.equal(noFile.status, 400);
      assert.match(noFile.body, /اختر صورة لرفعها/);
      assert.equal((await items()).length, before, 'nothing was stored');
    });

    test('derivatives are served at stable URLs with their type and a year of immutable caching, on both editions\' paths', async () => {
      const item = (await items()).find((i) => i.type === 'image/jpeg' && i.caption === TYPED.caption)!;
      for (const prefix of ['', '/ar']) {
        const res = await site.folio.app.inject({ url: `${prefix}/media/${item.id}-480.webp` });
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-type'], 'image/webp');
        assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
        assert.equal((await sharp(res.rawPayload).metadata()).width, 480);
        const again = await site.folio.app.inject({ url: `${prefix}/media/${item.id}-480.webp`, headers: { 'if-none-match': String(res.headers.etag) } });
        assert.equal(again.statusCode, 304);
      }
      const jpg = await site.folio.app.inject({ url: `/media/${item.id}-1000.jpg` });
      assert.match(String(jpg.headers['content-type']), JPEG_TYPE);
      for (const missing of [`/media/${item.id}-1600.jpg`, '/media/../../etc/passwd', `/media/${item.id}.jpg`]) {
        assert.equal((await site.folio.app.inject({ url: missing })).statusCode, 404, missing);
      }
    });

    test('an article\'s lead photo from the library gets <picture> with AVIF and WebP sources, srcset, sizes, its real size and async decoding', async () => {
      const item = (await items()).find((i) => i.type === 'image/jpeg' && i.caption === TYPED.caption)!;
      const photo = await site.runtime.media.photoFor(item.id);
      assert.equal(photo.src, `/media/${item.id}-1000.jpg`);
      const published = await site.runtime.publishing.addArticle(site.runtime.editions.get('ar'), parseArticleInput({
        title: 'مقال بصورة من المكتبة', body: '<p>نص.</p>', published: '2024-05-01T10:00:00Z', section: 'politics', authors: [], tags: [], credit: null,
        photo: { src: photo.src, caption: photo.caption, credit: photo.credit },
      }));
      const page = await site.folio.app.inject({ url: `/ar/${encodeURI(published.path)}` });
      assert.equal(page.statusCode, 200);
      const widths = '480w, .*800w, .*1000w';
      assert.match(page.body, new RegExp(`<picture><source type="image/avif" srcset="/media/${item.id}-480\\.avif 480w, [^"]*" sizes="[^"]+">`));
      assert.match(page.body, new RegExp(`<source type="image/webp" srcset="[^"]*${widths}"`));
      assert.match(page.body, new RegExp(`<img src="/media/${item.id}-1000\\.jpg" srcset="[^"]*${widths}" sizes="\\(min-width: 44rem\\) 42rem, calc\\(100vw - 2rem\\)" alt="${TYPED.alt}" width="1000" height="750" decoding="async"></picture>`));
      assert.doesNotMatch(page.body, /width="800" height="450"/, 'no made-up size');
      // A photo outside the library declares no size rather than a wrong one.
      const outside = await site.runtime.publishing.addArticle(site.runtime.editions.get('ar'), parseArticleInput({
        title: 'مقال بصورة من خارج المكتبة', body: '<p>نص.</p>', published: '2024-05-02T10:00:00Z', section: 'politics', authors: [], tags: [], credit: null,
        photo: { src: '/sites/default/files/old.jpg', caption: 'قديمة', credit: null },
      }));
      const other = await site.folio.app.inject({ url: `/ar/${encodeURI(outside.path)}` });
      assert.match(other.body, /<img src="\/sites\/default\/files\/old\.jpg" alt="قديمة" decoding="async">/);
    });

    test('alt text is required before publishing: requireAlt refuses an item without it', async () => {
      const turned = (await items()).find((i) => i.caption === 'turned')!;
      await assert.rejects(site.runtime.media.requireAlt(turned.id), /no alt text/);
      await assert.rejects(site.runtime.media.requireAltForPhoto(renditionOf(turned, MEDIA_BASE).src), /no alt text/);
      const withAlt = (await items()).find((i) => i.alt === TYPED.alt)!;
      await site.runtime.media.requireAlt(withAlt.id);
      await site.runtime.media.requireAltForPhoto('/sites/default/files/not-in-library.jpg');
    });

    test('editing text: the uploader and editors may, others are refused; too long is refused with the typed text kept', async () => {
      const writer = await signedIn('the-writer');
      const own = (await items()).find((i) => i.type === 'image/png')!;
      const token = csrfTokenIn((await writer.get('/ar/admin/media')).body);
      const saved = await writer.post(`/ar/admin/media/${own.id}/edit`, { _csrf: token, caption: 'تعليق جديد', credit: 'رويترز', alt: 'شجرة زيتون' });
      assert.equal(saved.status, 303);
      assert.deepEqual(await site.runtime.store.media.find(own.id).then((i) => [i?.caption, i?.credit, i?.alt]), ['تعليق جديد', 'رويترز', 'شجرة زيتون']);
      const long = 'ا'.repeat(501);
      const refused = await writer.post(`/ar/admin/media/${own.id}/edit`, { _csrf: token, caption: 'ما كتبته', credit: 'رويترز', alt: long });
      assert.equal(refused.status, 400);
      assert.match(refused.body, /النص البديل طويل جداً/);
      assert.ok(refused.body.includes(`>ما كتبته</textarea>`) && refused.body.includes(`value="${long}"`), 'typed text kept');
      const editorsItem = (await items()).find((i) => i.caption === 'turned')!;
      const notHers = await writer.post(`/ar/admin/media/${editorsItem.id}/edit`, { _csrf: token, caption: 'x', credit: '', alt: '' });
      assert.equal(notHers.status, 403);
      const editor = await signedIn('the-editor');
      const byEditor = await editor.post(`/ar/admin/media/${own.id}/edit`, { _csrf: csrfTokenIn((await editor.get('/ar/admin/media')).body), caption: 'تعليق المحرر', credit: '', alt: 'شجرة' });
      assert.equal(byEditor.status, 303);
      const moderator = await signedIn('the-moderator');
      assert.equal((await moderator.get('/ar/admin/media')).status, 403);
      const edits = await site.runtime.audit.list('cli', { limit: 50, actionPrefix: 'media.edit' });
      assert.equal(edits.length, 2);
      assert.equal(await writer.get(`/ar/admin/media/nothing/edit`).then((r) => r.status), 404);
    });

    test('deleting: writers may not; editors may, except while an article uses the photo; files go with the item', async () => {
      const item = (await items()).find((i) => i.type === 'image/jpeg' && i.caption === TYPED.caption)!;
      const writer = await signedIn('the-writer');
      assert.equal((await writer.post(`/ar/admin/media/${item.id}/delete`, { _csrf: csrfTokenIn((await writer.get('/ar/admin/media')).body) })).status, 403);
      const editor = await signedIn('the-editor');
      const token = csrfTokenIn((await editor.get('/ar/admin/media')).body);
      const inUse = await editor.post(`/ar/admin/media/${item.id}/delete`, { _csrf: token });
      assert.equal(inUse.status, 409);
      assert.match(inUse.body, /هذه الصورة مستخدمة في 1 من المقالات/);
      assert.ok(await site.runtime.store.media.find(item.id));
      const unused = (await items()).find((i) => i.type === 'image/webp')!;
      const deleted = await editor.post(`/ar/admin/media/${unused.id}/delete`, { _csrf: token });
      assert.equal(deleted.status, 303);
      assert.equal(await site.runtime.store.media.find(unused.id), undefined);
      for (const w of unused.widths) assert.equal(await site.runtime.media.storage.get(`${unused.id}-${w}.webp`), null);
      assert.equal((await site.folio.app.inject({ url: `/media/${unused.id}-1300.jpg` })).statusCode, 404);
      const log = await site.runtime.audit.list('cli', { limit: 50, actionPrefix: 'media.delete' });
      assert.deepEqual(log.map((e) => e.subjectId), [unused.id]);
    });

    test('the library searches caption, credit, alt and file name, and pages by keyset', async () => {
      const writer = await signedIn('the-writer');
      const found = await writer.get(`/ar/admin/media?q=${encodeURIComponent('زيتون')}`);
      assert.equal(found.status, 200);
      assert.equal([...found.body.matchAll(/<li class="media-item"/g)].length, 0, 'the alt text was changed by the editor');
      const byCredit = await writer.get(`/ar/admin/media?q=${encodeURIComponent('afp')}`);
      assert.equal([...byCredit.body.matchAll(/<li class="media-item"/g)].length, (await items()).filter((i) => i.credit === TYPED.credit).length);
      const none = await writer.get('/ar/admin/media?q=nothing-like-this');
      assert.match(none.body, /لا توجد صورة مطابقة/);
      // Enough rows for a second page, written below the service (their files are not needed to list them).
      const base = (await items())[0]!;
      for (let i = 0; i < 61; i++) {
        const id = (i + 1).toString(16).padStart(20, '0');
        await site.runtime.store.media.insert({ ...base, id, caption: `filler ${i}`, uploadedAt: 1_000_000 + i, legacyPath: null } satisfies MediaItem);
      }
      const first = await writer.get('/ar/admin/media');
      assert.equal([...first.body.matchAll(/<li class="media-item"/g)].length, 60);
      const older = /href="(\/ar\/admin\/media\?before=[^"]+)" rel="next"/.exec(first.body)?.[1];
      assert.ok(older, 'a link to older photos');
      const second = await writer.get(older.replaceAll('&amp;', '&'));
      const total = (await items()).length;
      assert.equal([...second.body.matchAll(/<li class="media-item"/g)].length, total - 60);
      assert.doesNotMatch(second.body, /rel="next"/);
    });
  });
}

for (const dialect of testDialects()) {
  describe(`uploading over a real socket (${dialect})`, () => {
    let site: TestSite;
    let port: number;
    before(async () => {
      site = await openTestSite(dialect, seedFixture, { FOLIO_TRUST_PROXY: '127.0.0.1' });
      await site.runtime.auth.addUser({ name: 'the-writer', email: null, password: PASSWORD, role: 'writer' });
      await site.folio.app.listen({ port: 0, host: '127.0.0.1' });
      port = (site.folio.app.server.address() as { port: number }).port;
    });
    after(async () => {
      await site.close();
    });

    test('a multipart upload through Node\'s HTTP stack lands in the library, and its derivatives come back with their headers', async () => {
      const writer = new StaffAgent({ port }, '203.0.113.77');
      assert.equal((await writer.signIn('the-writer', PASSWORD, '/ar')).status, 303);
      const form = await writer.get('/ar/admin/media');
      assert.equal(form.status, 200);
      assert.match(form.body, /<form class="media-upload" action="\/ar\/admin\/media" method="post" enctype="multipart\/form-data"/);
      const bytes = await buildImage({ format: 'jpeg', width: 820, height: 410, gps: true });
      const res = await writer.postMultipart('/ar/admin/media', { _csrf: csrfTokenIn(form.body), ...TYPED }, { field: 'file', fileName: 'ساحة.jpg', type: 'image/jpeg', bytes });
      assert.equal(res.status, 303, res.body.slice(0, 300));
      const [item] = await site.runtime.store.media.list({ edition: 'ar', limit: 5 });
      assert.equal(item?.originalName, 'ساحة.jpg');
      assert.deepEqual(item?.widths, [480, 800, 820]);
      const page = await writer.get(String(res.headers.location).replace(/#.*$/, ''));
      assert.match(page.body, /أُضيفت الصورة إلى المكتبة/);
      const file = await socketRequest(port, { path: `/ar/media/${item!.id}-480.avif` });
      assert.equal(file.status, 200);
      assert.equal(file.headers['content-type'], 'image/avif');
      assert.equal(file.headers['cache-control'], 'public, max-age=31536000, immutable');
    });
  });
}
