import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDialects } from '../support/databases.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { formBody, inputValue } from '../support/form.ts';
import { newsroomArticle } from '../support/revision-factories.ts';
import { NODE_STATUS } from '../../src/domain/node-status.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const configDir = mkdtempSync(join(tmpdir(), 'folio-comments-'));
const configFile = join(configDir, 'folio.json');
writeFileSync(configFile, JSON.stringify({
  editions: { ar: { commentPolicy: 'open' } },
  comments: { blockedWords: ['كلمةمحظورة', 'spamword'], blockedEmails: ['@blocked.example'], blockedNetworks: ['198.51.100.0/24'] },
}));

const good = { name: 'Rana', mail: 'rana@private.example', homepage: 'https://rana.example.org/', subject: '', comment: 'First line\nsecond line\n\nA new paragraph with www.example.com in it.' };

for (const dialect of testDialects()) {
  describe(`comment posting (${dialect})`, () => {
    let site: TestSite;
    let ip = 10;
    const articleUrl = `/${FIXTURE.article.path}`;

    /** Loads the page, then posts its form as a browser would, from its own address. */
    async function post(fields: Record<string, string>, options: { url?: string; action?: string; from?: string } = {}) {
      const page = await site.folio.app.inject({ url: options.url ?? articleUrl });
      const token = inputValue(page.body, 'form_token');
      const res = await site.folio.app.inject({
        method: 'POST', url: options.action ?? `/comment/reply/${FIXTURE.article.nid}`, remoteAddress: options.from ?? `192.0.2.${ip++}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody({ op: 'save', form_token: token, website: '', ...fields }),
      });
      return res;
    }

    before(async () => {
      site = await openTestSite(dialect, seedFixture, { FOLIO_MIN_POST_SECONDS: '0', FOLIO_CONFIG: configFile });
    });
    after(async () => {
      await site.close();
    });

    test('the article page carries the form with the original labels, in order', async () => {
      const res = await site.folio.app.inject({ url: articleUrl });
      const body = res.body;
      const order = ['<h2 id="comment-form-title">Post new comment</h2>', '>Name', '>E-mail', 'The content of this field is kept private and will not be shown publicly.',
        '>Homepage', '>Subject', '>Comment', 'Web page addresses and e-mail addresses turn into links automatically.',
        'Allowed HTML tags: &lt;a&gt; &lt;em&gt; &lt;strong&gt; &lt;cite&gt; &lt;code&gt; &lt;ul&gt; &lt;ol&gt; &lt;li&gt; &lt;dl&gt; &lt;dt&gt; &lt;dd&gt;&lt;img&gt;&lt;h1&gt;',
        'Lines and paragraphs break automatically.', 'More information about formatting options', '>Save</button>', '>Preview</button>'];
      let from = 0;
      for (const needle of order) {
        const at = body.indexOf(needle, from);
        assert.ok(at >= 0, `missing or out of order: ${needle}`);
        from = at;
      }
      const ar = await site.folio.app.inject({ url: `/ar/${FIXTURE.arabic.path}` });
      assert.match(ar.body, /انشر تعليقاً جديداً/);
      assert.match(ar.body, /محتوى هذا الحقل خاص ولن يُعرض علناً/);
    });

    test('an anonymous comment on the archive is queued, kept private, and not yet shown', async () => {
      const res = await post(good);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${articleUrl}?comment=queued#comment-form`);
      const after = await site.folio.app.inject({ url: res.headers.location as string });
      assert.match(after.body, /Your comment has been queued for moderation by site administrators and will be published after approval\./);
      assert.doesNotMatch(after.body, /A new paragraph with/);
      const pending = await site.runtime.store.comments.listForModeration({ status: 0, limit: 10, offset: 0 });
      const mine = pending.items.find((c) => c.body === good.comment);
      assert.ok(mine);
      assert.equal(mine.email, good.mail);
      assert.equal(mine.subject, 'First line', 'a blank subject comes from the body: Drupal\'s word-safe cut stops at the first line break');
      assert.match(mine.bodyHtml.html, /<p>First line<br \/>\nsecond line<\/p>/);
      assert.match(mine.bodyHtml.html, /<a href="http:\/\/www\.example\.com" rel="nofollow ugc noopener">www\.example\.com<\/a>/);
    });

    test('preview shows the comment as it will be published and keeps every field', async () => {
      const res = await post({ ...good, op: 'preview', subject: 'My <subject>' });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<h1 class="page-title">Preview comment<\/h1>/);
      assert.match(res.body, /<h3 class="comment-subject">My &lt;subject&gt;<\/h3>/);
      assert.match(res.body, /<p>First line<br \/>\nsecond line<\/p>/);
      assert.equal(inputValue(res.body, 'name'), good.name);
      assert.equal(inputValue(res.body, 'mail'), good.mail);
      assert.equal(inputValue(res.body, 'subject'), 'My <subject>');
      assert.match(res.body, /<textarea[^>]*>First line\nsecond line\n\nA new paragraph/);
      assert.equal(res.headers['cache-control'], 'no-store');
    });

    test('invalid fields are refused with Drupal\'s messages and everything typed kept', async () => {
      const res = await post({ name: '', mail: 'not-an-address', homepage: 'example.com', subject: 'Kept subject', comment: 'Kept <em>text</em> & more' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Name field is required\./);
      assert.match(res.body, /The e-mail address you specified is not valid\./);
      assert.match(res.body, /The URL of your homepage is not valid\. Remember that it must be fully qualified/);
      assert.equal(inputValue(res.body, 'subject'), 'Kept subject');
      assert.equal(inputValue(res.body, 'mail'), 'not-an-address');
      assert.match(res.body, /<textarea[^>]*>Kept &lt;em&gt;text&lt;\/em&gt; &amp; more<\/textarea>/);
      assert.match(res.body, /aria-invalid="true"/);
      const long = await post({ ...good, name: 'x'.repeat(61) });
      assert.match(long.body, /Name cannot be longer than 60 characters but is currently 61 characters long\./);
    });

    test('a homepage that is not http(s) is refused in either language, with everything typed kept (docs/url-schemes.md)', async () => {
      for (const homepage of ['ftp://rana.example.org/', 'feed://rana.example.org/rss']) {
        const en = await post({ ...good, homepage, subject: 'Kept subject' });
        assert.equal(en.statusCode, 400, homepage);
        assert.match(en.body, /Your homepage must be a web address starting with http:\/\/ or https:\/\//);
        assert.equal(inputValue(en.body, 'homepage'), homepage);
        assert.equal(inputValue(en.body, 'subject'), 'Kept subject');
        assert.match(en.body, /<textarea[^>]*>First line\nsecond line/);
      }
      const ar = await post({ ...good, homepage: 'ftp://rana.example.org/' }, { url: `/ar/${FIXTURE.arabic.path}`, action: `/ar/comment/reply/${FIXTURE.arabic.nid}` });
      assert.equal(ar.statusCode, 400);
      assert.match(ar.body, /يجب أن تكون صفحتك الشخصية عنوان ويب/);
      assert.equal(inputValue(ar.body, 'homepage'), 'ftp://rana.example.org/');
    });

    test('markup over the filter\'s bounds is a field error in either language, the text kept (issue 10)', async () => {
      const deep = `${'<em>'.repeat(4_000)}deep`; // within COMMENT_LIMITS.comment
      const en = await post({ ...good, comment: deep });
      assert.equal(en.statusCode, 400);
      assert.match(en.body, /The text nests HTML tags more than 40 levels deep/);
      assert.match(en.body, /<textarea[^>]*>(?:&lt;em&gt;){4000}deep<\/textarea>/);
      assert.equal(inputValue(en.body, 'name'), good.name);
      const preview = await post({ ...good, op: 'preview', comment: `<em ${'lang=x '.repeat(100)}>x</em>` });
      assert.equal(preview.statusCode, 400);
      assert.match(preview.body, /more than 64 attributes/);
      const ar = await post({ ...good, comment: deep }, { url: `/ar/${FIXTURE.arabic.path}`, action: `/ar/comment/reply/${FIXTURE.arabic.nid}` });
      assert.equal(ar.statusCode, 400);
      assert.match(ar.body, /يتداخل النص في وسوم HTML أكثر من 40 مستوى/);
      assert.match(ar.body, /<textarea[^>]*>(?:&lt;em&gt;){4000}deep<\/textarea>/);
    });

    test('NUL bytes and invalid UTF-8 are refused with a message, never silently dropped', async () => {
      const nul = await post({ ...good, comment: 'before\u0000after' });
      assert.equal(nul.statusCode, 400);
      assert.match(nul.body, /NUL character/);
      const page = await site.folio.app.inject({ url: articleUrl });
      const token = inputValue(page.body, 'form_token');
      const raw = `op=save&form_token=${encodeURIComponent(token)}&website=&name=Rana&mail=rana%40private.example&comment=bad%C0bytes`;
      const bad = await site.folio.app.inject({ method: 'POST', url: `/comment/reply/${FIXTURE.article.nid}`, remoteAddress: '192.0.2.250', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: raw });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /not valid UTF-8/);
      assert.match(bad.body, /bad\uFFFDbytes/);
    });

    test('the honeypot, blocked words (after Arabic and Latin folding), addresses and networks are refused with the text kept', async () => {
      const honeypot = await post({ ...good, website: 'http://spam.example' });
      assert.equal(honeypot.statusCode, 403);
      assert.match(honeypot.body, /Leave this field blank/);
      assert.match(honeypot.body, /A new paragraph with www\.example\.com/);
      // Diacritics, tatweel and a hamza form must not slip past the word list.
      const arabic = await post({ ...good, comment: 'نص فيه كلـمةمَحظورة هنا' });
      assert.equal(arabic.statusCode, 403);
      assert.match(arabic.body, /not allowed here/);
      const latin = await post({ ...good, comment: 'Buy SPAMWORD now' });
      assert.equal(latin.statusCode, 403);
      const partial = await post({ ...good, comment: 'spamwords are a different word' });
      assert.equal(partial.statusCode, 303, 'only whole words match');
      const mail = await post({ ...good, mail: 'x@blocked.example' });
      assert.equal(mail.statusCode, 403);
      const network = await post(good, { from: '198.51.100.7' });
      assert.equal(network.statusCode, 403);
      assert.match(network.body, /Comments from your network are not accepted/);
    });

    test('a forged or missing form token is refused', async () => {
      const res = await post({ ...good, form_token: '123.forgedforgedforgedforged' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /The form has become outdated/);
    });

    test('flood control: the sixth comment in ten minutes from one address is a 429 with the text kept', async () => {
      const from = '203.0.113.9';
      for (let i = 0; i < 5; i++) assert.equal((await post({ ...good, comment: `flood ${i}` }, { from })).statusCode, 303);
      const sixth = await post({ ...good, comment: 'the sixth one' }, { from });
      assert.equal(sixth.statusCode, 429);
      assert.match(sixth.body, /You cannot post more than 5 comments in 10 minutes/);
      assert.match(sixth.body, /the sixth one/);
    });

    test('closed articles show their comments and say comments are closed instead of the form', async () => {
      const page = await site.folio.app.inject({ url: `/${FIXTURE.closed.path}` });
      assert.match(page.body, /<p class="comments-closed">Comments are closed\.<\/p>/);
      assert.doesNotMatch(page.body, /comment-form-title/);
      const res = await site.folio.app.inject({ method: 'POST', url: `/comment/reply/${FIXTURE.closed.nid}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody(good) });
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /<p class="comments-closed">Comments are closed\.<\/p>/);
    });

    test('where comments are open they publish at once, land on their anchor, and count in listings', async () => {
      const action = `/ar/comment/reply/${FIXTURE.arabic.nid}`;
      const res = await post({ ...good, comment: 'تعليق منشور مباشرة' }, { url: `/ar/${FIXTURE.arabic.path}`, action });
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), /^\/ar\/content\/arabic-article\?comment=posted#comment-\d+$/);
      const page = await site.folio.app.inject({ url: String(res.headers.location).replace(/#.*/, '') });
      assert.match(page.body, /نُشر تعليقك/);
      assert.match(page.body, /تعليق منشور مباشرة/);
      const listing = await site.folio.app.inject({ url: `/ar/${FIXTURE.arabic.sectionPath}` });
      assert.match(listing.body, /تعليق واحد/);
      const links = await post({ ...good, comment: 'http://a.example http://b.example http://c.example http://d.example' }, { url: `/ar/${FIXTURE.arabic.path}`, action });
      assert.match(String(links.headers.location), /comment=queued/, 'many links are held for approval even where comments are open');
    });

    test('an anonymous commenter may not take a registered user\'s name; the text is kept', async () => {
      await site.runtime.store.users.createUser({ name: 'Registered Rana', email: null, passwordHash: 'not a login', role: 'subscriber', createdAt: 0 });
      const res = await post({ ...good, name: 'Registered Rana' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /The name you used belongs to a registered user\./);
      assert.match(res.body, /A new paragraph with www\.example\.com in it\./);
    });

    test('a name someone joins with is refused to anonymous commenters at once, though it passed a moment before', async () => {
      assert.equal((await post({ ...good, name: 'Lina Joins' })).statusCode, 303);
      let token = '';
      await site.runtime.people.invite({ kind: 'cli' }, { email: 'lina@example.org', role: 'writer' }, (t) => { token = t; return `/user/invite/${t}`; });
      await site.runtime.people.acceptInvitation(token, { name: 'Lina Joins', password: 'a long enough password' });
      // The same name, typed the same way: the post path keeps its answer for a second unless told.
      const res = await post({ ...good, name: 'Lina Joins' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /The name you used belongs to a registered user\./);
      assert.match(res.body, /A new paragraph with www\.example\.com in it\./);
    });

    test('an article withdrawn right after a post takes no more: what posts read of it is dropped on change', async () => {
      const rt = site.runtime;
      const nid = 7301;
      await newsroomArticle(rt, 'ar', { nid, path: 'content/withdrawn-soon', title: 'مقال سيُسحب', bodyHtml: '<p>نص</p>', at: 1_700_000_000, ownerUid: null, status: NODE_STATUS.PUBLISHED });
      const page = await site.folio.app.inject({ url: '/ar/content/withdrawn-soon' });
      const send = (comment: string) => site.folio.app.inject({
        method: 'POST', url: `/ar/comment/reply/${nid}`, remoteAddress: `192.0.2.${ip++}`, headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody({ op: 'save', form_token: inputValue(page.body, 'form_token'), website: '', ...good, comment }),
      });
      assert.equal((await send('قبل السحب')).statusCode, 303);
      await rt.newsroom.unpublish({ uid: 0, name: 'test', role: 'admin' }, rt.editions.get('ar'), nid);
      assert.equal((await send('بعد السحب')).statusCode, 404);
      const stored = await rt.store.comments.listForModeration({ limit: 100, offset: 0 });
      assert.deepEqual(stored.items.filter((c) => c.nid === nid).map((c) => c.body), ['قبل السحب']);
    });

    test('replies thread under their parent; a reply to a comment elsewhere is a 404', async () => {
      const res = await post({ ...good, comment: 'a reply' }, { action: `/comment/reply/${FIXTURE.article.nid}/1` });
      assert.equal(res.statusCode, 303);
      const reply = (await site.runtime.store.comments.listForModeration({ status: 0, limit: 100, offset: 0 })).items.find((c) => c.body === 'a reply');
      assert.equal(reply?.thread, '01.01/');
      assert.equal(reply?.pid, 1);
      const form = await site.folio.app.inject({ url: `/comment/reply/${FIXTURE.article.nid}/1` });
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Reply to comment/);
      assert.equal((await site.folio.app.inject({ url: `/comment/reply/${FIXTURE.article.nid}/4` })).statusCode, 404);
    });

    test('a body outside the form\'s schema: a readable 400 page with the reader\'s text back, nothing saved, never a JSON error', async () => {
      const before = (await site.runtime.store.comments.listForModeration({ status: 0, limit: 500, offset: 0 })).total;
      // A button the form does not have (form-encoded, as a browser or a script would send it).
      const bogus = await post({ ...good, subject: 'Kept subject', comment: 'Every word I typed, kept.', op: 'publish-now' });
      assert.equal(bogus.statusCode, 400);
      assert.match(String(bogus.headers['content-type']), /^text\/html/);
      assert.match(bogus.body, /Part of this form could not be read/);
      assert.match(bogus.body, /Every word I typed, kept\./);
      assert.match(bogus.body, /value="Kept subject"/);
      assert.match(bogus.body, /value="Rana"/);
      // A JSON body whose comment is not text: the fields that are text come back; the other is empty, not "[object Object]".
      const page = await site.folio.app.inject({ url: `/ar/${FIXTURE.arabic.path}` });
      const json = await site.folio.app.inject({
        method: 'POST', url: `/ar/comment/reply/${FIXTURE.arabic.nid}`, remoteAddress: '192.0.2.250', headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ op: 'save', form_token: inputValue(page.body, 'form_token'), website: '', name: 'رنا', subject: 'عنوان محفوظ', comment: { html: '<script>' } }),
      });
      assert.equal(json.statusCode, 400);
      assert.match(String(json.headers['content-type']), /^text\/html/);
      assert.match(json.body, /تعذّرت قراءة جزء من هذا النموذج/);
      assert.match(json.body, /value="عنوان محفوظ"/);
      assert.doesNotMatch(json.body, /object Object|"statusCode"|FST_ERR_VALIDATION/);
      assert.equal((await site.runtime.store.comments.listForModeration({ status: 0, limit: 500, offset: 0 })).total, before, 'nothing was saved');
    });

    test('hostile markup is stored safe', async () => {
      await post({ ...good, comment: '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a><a href=" &#14;  javascript:alert(4)">y</a>' });
      const stored = (await site.runtime.store.comments.listForModeration({ status: 0, limit: 100, offset: 0 })).items.find((c) => c.body.startsWith('<script>'));
      assert.ok(stored);
      assert.doesNotMatch(stored.bodyHtml.html, /<script|onerror|javascript:/i);
    });

    test('the archive still refuses content writes around the comment routes', async () => {
      const res = await site.folio.app.inject({ method: 'POST', url: `/node/${FIXTURE.article.nid}`, payload: {} });
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /archival purposes only/);
    });
  });
}
