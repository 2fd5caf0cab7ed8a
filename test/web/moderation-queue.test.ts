import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';
import type { StoreRuntime } from '../../src/runtime.ts';
import { hashPassword } from '../../src/services/password-hash.ts';
import { testDialects } from '../support/databases.ts';
import { buildComment, seconds } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { csrfTokenIn, StaffAgent } from '../support/staff-agent.ts';

const PASSWORD = 'correct horse battery staple';
const PENDING = '/admin/content/comment/approval';
const PUBLISHED = '/admin/content/comment';
const SPAM = '/admin/content/comment/spam';
/** Old enough to sort after every other pending comment (the queue is newest first). */
const LONG_AGO = seconds('2012-01-01T00:00:00+02:00');

/** Drupal's vancode for a top-level thread key: 0 → "00", 35 → "0z", 36 → "110". */
function thread(n: number): string {
  const digits = n.toString(36);
  return `${digits.length - 1}${digits}/`;
}

/** The fixture plus comments each test owns, so the tests do not depend on one another's order. */
async function seed(runtime: StoreRuntime): Promise<void> {
  await seedFixture(runtime);
  const en = sanctionedWriter(runtime.editions.get('en'), 'demo-seed');
  const ar = sanctionedWriter(runtime.editions.get('ar'), 'demo-seed');
  await runtime.store.writer.saveComments(en, [
    // A pending reply to comment 1, to show its parent in the queue.
    buildComment({ cid: 6, nid: FIXTURE.article.nid, pid: 1, thread: '01.01/', status: 0, subject: 'A pending reply', homepage: 'http://six.example.org/', body: 'I <em>disagree</em>.' }),
    buildComment({ cid: 20, nid: FIXTURE.coAuthored.nid, thread: '01/', status: 0, subject: 'Bulk one' }),
    buildComment({ cid: 21, nid: FIXTURE.coAuthored.nid, thread: '02/', status: 0, subject: 'Bulk two' }),
    buildComment({ cid: 22, nid: FIXTURE.coAuthored.nid, thread: '03/', status: 0, subject: 'Buy cheap watches' }),
    buildComment({ cid: 23, nid: FIXTURE.coAuthored.nid, thread: '04/', status: 1, subject: 'Doomed parent' }),
    buildComment({ cid: 24, nid: FIXTURE.coAuthored.nid, pid: 23, thread: '04.00/', status: 1, subject: 'Doomed reply' }),
    buildComment({ cid: 25, nid: FIXTURE.coAuthored.nid, thread: '05/', status: 2, subject: 'Caught as spam' }),
    ...Array.from({ length: 51 }, (_, i) => buildComment({
      cid: 100 + i, nid: FIXTURE.nodeOnly.nid, thread: thread(i + 1), status: 0, subject: `Old pending ${i}`, createdAt: LONG_AGO + i,
    })),
  ]);
  await runtime.store.writer.saveComments(ar, [
    buildComment({ cid: 30, nid: FIXTURE.arabic.nid, thread: '01/', status: 0, name: 'قارئ', subject: 'تعليق بانتظار الاعتماد', body: 'نص التعليق.', email: 'qari@private.example' }),
  ]);
  await runtime.store.writer.recountComments(en);
  await runtime.store.writer.recountComments(ar);
}

/** The cids of the comments listed on a queue page, in order. */
function listed(body: string): number[] {
  return [...body.matchAll(/<article class="moderated-comment" id="comment-(\d+)"/g)].map((m) => Number(m[1]));
}

for (const dialect of testDialects()) {
  describe(`moderation queue (${dialect})`, () => {
    let site: TestSite;
    let mod: StaffAgent;
    let nextIp = 10;
    const agent = () => new StaffAgent(site.folio.app, `203.0.113.${nextIp++}`);

    /** Ticks the boxes of `cids` on a queue page and presses the button of `op`. */
    async function decide(who: StaffAgent, queue: string, op: string, cids: readonly number[]) {
      const page = await who.get(queue);
      const fields: Record<string, string> = { _csrf: csrfTokenIn(page.body), page: '0', op };
      for (const cid of cids) fields[`comments[${cid}]`] = '1';
      return who.post(queue, fields);
    }

    before(async () => {
      site = await openTestSite(dialect, seed);
      await site.runtime.auth.addUser({ name: 'mod', email: 'mod@staff.example', password: PASSWORD, role: 'moderator' });
      mod = agent();
      assert.equal((await mod.signIn('mod', PASSWORD)).status, 303);
    });
    after(async () => {
      await site.close();
    });

    test('anonymous visitors are sent to sign in, and come back afterwards', async () => {
      const visitor = agent();
      for (const path of [PENDING, PUBLISHED, SPAM, '/admin/content/comment/5/history', `/ar${PENDING}`]) {
        const res = await visitor.get(path);
        assert.equal(res.status, 303, path);
        assert.equal(res.headers['cache-control'], 'no-store');
        const prefix = path.startsWith('/ar/') ? '/ar' : '';
        assert.equal(res.headers.location, `${prefix}/user/login?destination=${encodeURIComponent(path)}`);
        assert.doesNotMatch(res.body, /private\.example/);
      }
      const back = await visitor.signIn('mod', PASSWORD, '', { destination: SPAM });
      assert.equal(back.headers.location, SPAM);
      // A POST from someone not signed in does nothing and asks them to sign in.
      const anonymous = agent();
      const form = await anonymous.get('/user/login');
      const res = await anonymous.post(PENDING, { _csrf: csrfTokenIn(form.body), op: 'approve', 'comments[5]': '1' });
      assert.equal(res.status, 303);
      assert.match(String(res.headers.location), /^\/user\/login\?destination=/);
    });

    test('a signed-in user without "moderate comments" gets 403', async () => {
      await site.runtime.store.users.createUser({ name: 'reader', email: null, passwordHash: await hashPassword(PASSWORD), role: 'subscriber', createdAt: 0 });
      const reader = agent();
      assert.equal((await reader.signIn('reader', PASSWORD)).status, 303);
      for (const path of [PENDING, '/admin/content/comment/5/history']) {
        const res = await reader.get(path);
        assert.equal(res.status, 403, path);
        assert.match(res.body, /<h1 class="page-title">Access denied<\/h1>/);
        assert.doesNotMatch(res.body, /private\.example/);
      }
      const form = await reader.get('/user/login');
      const post = await reader.post(PENDING, { _csrf: csrfTokenIn(form.body), op: 'approve', 'comments[5]': '1' });
      assert.equal(post.status, 403);
      assert.match((await mod.get(PENDING)).body, /id="comment-5"/, 'still pending');
    });

    test('the approval queue shows everything a moderator decides on, e-mail included, never cached', async () => {
      const res = await mod.get(PENDING);
      assert.equal(res.status, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.match(res.body, /<h1 class="page-title">Unapproved comments<\/h1>/);
      assert.deepEqual(listed(res.body).slice(0, 5), [22, 21, 20, 6, 5]);
      const six = res.body.slice(res.body.indexOf('id="comment-6"'), res.body.indexOf('</article>', res.body.indexOf('id="comment-6"')));
      assert.match(six, /<input type="checkbox" id="select-6" name="comments\[6\]" value="1"> <label for="select-6">Select comment 6<\/label>/);
      assert.match(six, /<h2 class="comment-subject" id="comment-6-subject">A pending reply<\/h2>/);
      assert.match(six, /<dt>Author<\/dt><dd>Reader 6<\/dd>/);
      assert.match(six, /<dt>E-mail<\/dt><dd><span dir="ltr">reader6@private\.example<\/span><\/dd>/);
      assert.match(six, /<dt>Homepage<\/dt><dd><span dir="ltr">http:\/\/six\.example\.org\/<\/span><\/dd>/);
      assert.match(six, /<dt>Host<\/dt><dd><span dir="ltr">192\.0\.2\.1<\/span><\/dd>/);
      assert.match(six, /<dt>Posted<\/dt><dd><time datetime="2014-11-19T08:06:00\+02:00">Wed, 11\/19\/2014 - 08:06<\/time><\/dd>/);
      assert.match(six, new RegExp(`<dt>Posted in</dt><dd><a href="/${FIXTURE.article.path}">The battle for freedom: X vs. the authorities</a></dd>`));
      assert.match(six, /<div class="comment-body"><p>I <em>disagree<\/em>\.<\/p><\/div>/, 'the stored HTML is rendered, not escaped');
      assert.match(six, /In reply to: <strong>Subject 1<\/strong> – Reader 1<\/p>\s*<div class="comment-body"><p>Comment 1 body\.<\/p><\/div>/);
      assert.match(six, /Article excerpt: <a href="\/content\/battle-freedom-x-vs-authorities">/);
      assert.match(six, /Damascus – The first paragraph/);
      assert.match(six, /href="\/admin\/content\/comment\/6\/history"/);
      assert.match(res.body, /<button type="submit" name="op" value="approve">Approve<\/button>/);
      assert.match(res.body, /<button type="submit" name="op" value="spam">Mark as spam<\/button>/);
      assert.match(res.body, /<button type="submit" name="op" value="delete" class="danger">Delete<\/button>/);
      assert.doesNotMatch(res.body, /value="unpublish"/, 'pending comments are already unpublished');
      assert.doesNotMatch(res.body, /id="comment-30"/, 'Arabic comments are in the Arabic queue');
      // Nothing of it reached the shared page cache: the next visitor is still sent to sign in.
      assert.equal((await agent().get(PENDING)).status, 303);
    });

    test('published and spam queues; e-mail addresses never reach public pages', async () => {
      const published = await mod.get(PUBLISHED);
      assert.match(published.body, /<h1 class="page-title">Published comments<\/h1>/);
      assert.ok(listed(published.body).includes(1));
      assert.ok(!listed(published.body).includes(5));
      assert.match(published.body, /value="unpublish">Unpublish</);
      assert.match(published.body, /href="\/comment\/1#comment-1">View on the page/);
      const spam = await mod.get(SPAM);
      assert.deepEqual(listed(spam.body), [25]);
      for (const url of [`/${FIXTURE.article.path}`, `/${FIXTURE.unsigned.path}`, '/section/economy', '/']) {
        const page = await agent().get(url);
        for (const email of FIXTURE.emails) assert.doesNotMatch(page.body, new RegExp(email.replace(/\./g, '\\.')), `${url} ${email}`);
      }
    });

    test('approving publishes the comment on its article (cache invalidated) and counts it in listings', async () => {
      const before = await agent().get(`/${FIXTURE.unsigned.path}`);
      assert.doesNotMatch(before.body, /id="comment-5"/);
      assert.match((await agent().get('/section/economy')).body, /#comments">1 Comment<\/a>/);
      const res = await decide(mod, PENDING, 'approve', [5]);
      assert.equal(res.status, 303);
      assert.equal(res.headers.location, `${PENDING}?done=approve&changed=5`);
      const queue = await mod.get(String(res.headers.location));
      assert.match(queue.body, /<p class="messages" role="status">Approved and published: #5\.<\/p>/);
      assert.ok(!listed(queue.body).includes(5));
      const afterPage = await agent().get(`/${FIXTURE.unsigned.path}`);
      assert.match(afterPage.body, /id="comment-5"/);
      assert.match((await agent().get('/section/economy')).body, /#comments">2 Comments<\/a>/);
      assert.ok(listed((await mod.get(PUBLISHED)).body).includes(5));
    });

    test('bulk approve: several comments in one decision', async () => {
      const res = await decide(mod, PENDING, 'approve', [20, 21]);
      assert.equal(res.headers.location, `${PENDING}?done=approve&changed=20,21`);
      const queue = await mod.get(String(res.headers.location));
      assert.match(queue.body, /Approved and published: #20, #21\./);
      const article = await agent().get(`/${FIXTURE.coAuthored.path}`);
      assert.match(article.body, /id="comment-20"/);
      assert.match(article.body, /id="comment-21"/);
    });

    test('unpublish takes a comment off its page and back to the approval queue', async () => {
      const res = await decide(mod, PUBLISHED, 'unpublish', [3]);
      assert.equal(res.headers.location, `${PUBLISHED}?done=unpublish&changed=3`);
      assert.match((await mod.get(String(res.headers.location))).body, /Unpublished and returned to the approval queue: #3\./);
      assert.doesNotMatch((await agent().get(`/${FIXTURE.article.path}`)).body, /id="comment-3"/);
      assert.ok(listed((await mod.get(PENDING)).body).includes(3));
    });

    test('mark as spam moves a comment to the spam queue', async () => {
      const res = await decide(mod, PENDING, 'spam', [22]);
      assert.equal(res.headers.location, `${PENDING}?done=spam&changed=22`);
      assert.match((await mod.get(String(res.headers.location))).body, /Marked as spam: #22\./);
      assert.deepEqual(listed((await mod.get(SPAM)).body).sort(), [22, 25]);
    });

    test('delete removes a comment and its replies from the page; the record stays', async () => {
      assert.match((await agent().get(`/${FIXTURE.coAuthored.path}`)).body, /id="comment-24"/);
      const res = await decide(mod, PUBLISHED, 'delete', [23]);
      assert.equal(res.headers.location, `${PUBLISHED}?done=delete&changed=23,24`);
      assert.match((await mod.get(String(res.headers.location))).body, /Deleted, together with any replies to them: #23, #24\./);
      const article = await agent().get(`/${FIXTURE.coAuthored.path}`);
      assert.doesNotMatch(article.body, /id="comment-23"/);
      assert.doesNotMatch(article.body, /id="comment-24"/);
      const history = await mod.get('/admin/content/comment/24/history');
      assert.match(history.body, /<td>mod<\/td><td>Deleted<\/td><td>published → deleted<\/td>/);
    });

    test('every decision is recorded: who, when, what', async () => {
      const res = await mod.get('/admin/content/comment/5/history');
      assert.equal(res.status, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.match(res.body, /<h1 class="page-title">Moderation history of comment 5<\/h1>/);
      assert.match(res.body, /<caption>Every decision about comment 5, oldest first<\/caption>/);
      assert.match(res.body, /<th scope="col">When<\/th><th scope="col">By<\/th><th scope="col">Decision<\/th><th scope="col">Status<\/th>/);
      assert.match(res.body, /<tr><td><time datetime="[^"]+">[^<]+<\/time><\/td><td>mod<\/td><td>Approved<\/td><td>unapproved → published<\/td><\/tr>/);
      const none = await mod.get('/admin/content/comment/1/history');
      assert.match(none.body, /No decision about this comment has been recorded\./);
      const log = await site.runtime.moderation.history({ kind: 'cli', login: 'test' }, 22);
      assert.deepEqual(log.map((r) => [r.actor, r.action, r.fromStatus, r.toStatus]), [['mod', 'spam', 0, 2]]);
      assert.ok(Math.abs(log[0]!.at - Date.now() / 1000) < 600);
    });

    test('no box ticked: nothing happens and the queue says so', async () => {
      const page = await mod.get(PENDING);
      const res = await mod.post(PENDING, { _csrf: csrfTokenIn(page.body), page: '0', op: 'approve' });
      assert.equal(res.headers.location, `${PENDING}?error=select`);
      assert.match((await mod.get(String(res.headers.location))).body, /<p class="messages error" role="alert">Select at least one comment first\.<\/p>/);
      const unknown = await mod.post(PENDING, { _csrf: csrfTokenIn(page.body), op: 'publish-all', 'comments[6]': '1' });
      assert.equal(unknown.status, 400);
      // The schema refuses it, and the moderator gets the error page in their language, not Fastify's JSON.
      assert.match(String(unknown.headers['content-type']), /^text\/html/);
      assert.match(unknown.body, /Choose approve, unpublish, spam or delete\./);
    });

    test('a decision without a valid CSRF token is refused with 403 and changes nothing', async () => {
      const missing = await mod.post(PENDING, { op: 'approve', 'comments[6]': '1' });
      assert.equal(missing.status, 403);
      const forged = await mod.post(PENDING, { _csrf: 'forged-token', op: 'delete', 'comments[6]': '1' });
      assert.equal(forged.status, 403);
      assert.match(forged.body, /This form has expired or did not come from this site\./);
      assert.ok(listed((await mod.get(PENDING)).body).includes(6));
      assert.deepEqual(await site.runtime.moderation.history({ kind: 'cli', login: 'test' }, 6), []);
    });

    test('50 a page with the pager', async () => {
      const first = await mod.get(PENDING);
      const total = Number(/Comments in this queue: (\d+)/.exec(first.body)?.[1]);
      assert.ok(total > 50);
      assert.equal(listed(first.body).length, 50);
      assert.match(first.body, /<nav class="pager" aria-label="Pages">/);
      assert.match(first.body, /href="\/admin\/content\/comment\/approval\?page=1"/);
      const second = await mod.get(`${PENDING}?page=1`);
      assert.equal(listed(second.body).length, total - 50);
      assert.match(second.body, /<input type="hidden" name="page" value="1">/);
      assert.equal((await mod.get(`${PENDING}?page=x`)).status, 400);
    });

    test('the Arabic queue: Arabic comments and interface; approving shows the comment on the Arabic article', async () => {
      const queue = await mod.get(`/ar${PENDING}`);
      assert.equal(queue.status, 200);
      assert.match(queue.body, /<html lang="ar" dir="rtl">/);
      assert.match(queue.body, /<h1 class="page-title">التعليقات غير المعتمدة<\/h1>/);
      assert.deepEqual(listed(queue.body), [30]);
      assert.match(queue.body, /<label for="select-30">تحديد التعليق ٣٠<\/label>/);
      assert.match(queue.body, /qari@private\.example/);
      assert.match(queue.body, /<button type="submit" name="op" value="approve">اعتماد<\/button>/);
      const res = await decide(mod, `/ar${PENDING}`, 'approve', [30]);
      assert.equal(res.headers.location, `/ar${PENDING}?done=approve&changed=30`);
      assert.match((await mod.get(String(res.headers.location))).body, /اعتُمدت ونُشرت: #٣٠\./);
      const article = await agent().get(`/ar/${FIXTURE.arabic.path}`);
      assert.match(article.body, /id="comment-30"/);
      assert.doesNotMatch(article.body, /qari@private\.example/);
      const history = await mod.get('/ar/admin/content/comment/30/history');
      assert.match(history.body, /<td>mod<\/td><td>اعتُمد<\/td><td>غير معتمد → منشور<\/td>/);
    });
  });
}
