import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../support/databases.ts';
import { seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { csrfTokenIn, StaffAgent } from '../support/staff-agent.ts';
import { RESET_REQUESTS_PER_MINUTE } from '../../src/web/routes/password-routes.ts';

// Issue 12, point 1: /admin/people, invitations, roles, disabling, and password resets by link.

const PASSWORD = 'correct horse battery staple';
const LINK = /http:\/\/folio\.test(\/(?:ar\/)?user\/(?:invite|reset)\/[A-Za-z0-9_-]{43})/;

for (const dialect of testDialects()) {
  describe(`the people page (${dialect})`, () => {
    let site: TestSite;
    let nextIp = 10;
    const logged: string[] = [];
    const agent = () => new StaffAgent(site.folio.app, `203.0.113.${nextIp++}`);
    async function signedIn(name: string, password = PASSWORD): Promise<StaffAgent> {
      const a = agent();
      const res = await a.signIn(name, password);
      assert.equal(res.status, 303, `${name} signs in`);
      return a;
    }
    const uidOf = async (name: string) => (await site.runtime.store.users.findUserByName(name))!.uid;

    before(async () => {
      site = await openTestSite(dialect, seedFixture, {}, undefined, (msg) => void logged.push(msg));
      await site.runtime.auth.addUser({ name: 'Admin', email: 'admin@staff.example', password: PASSWORD, role: 'admin' });
      await site.runtime.auth.addUser({ name: 'Editor', email: 'editor@staff.example', password: PASSWORD, role: 'editor' });
      await site.runtime.auth.addUser({ name: 'Moderator', email: null, password: PASSWORD, role: 'moderator' });
    });
    after(async () => {
      await site.close();
    });

    test('an admin sees everyone with role and status, in both editions, right-to-left in Arabic, never cached', async () => {
      const admin = await signedIn('Admin');
      const en = await admin.get('/admin/people');
      assert.equal(en.status, 200);
      assert.equal(en.headers['cache-control'], 'no-store');
      assert.equal(en.headers['x-robots-tag'], 'noindex, nofollow');
      assert.match(en.body, /<bdi>Editor<\/bdi><\/td>\n<td><bdi dir="ltr">editor@staff\.example<\/bdi><\/td>\n<td>Editor<\/td>\n<td>Active<\/td>/);
      assert.match(en.body, /<bdi>Admin<\/bdi> \(you\)/);
      const landing = await admin.get('/user/login');
      // Every staff area the admin may use, in one order: queue, articles, media, people, log (no front page in the archive).
      const links = [...landing.body.matchAll(/<li><a href="(\/admin[^"]*)">[^<]+<\/a><\/li>/g)].map((m) => m[1]);
      assert.deepEqual(links, ['/admin/content/comment/approval', '/admin/content', '/admin/media', '/admin/people', '/admin/log']);
      const ar = await admin.get('/ar/admin/people');
      assert.equal(ar.status, 200);
      assert.match(ar.body, /<html[^>]* dir="rtl"/);
      assert.match(ar.body, /<h1 class="page-title">الأشخاص<\/h1>/);
      assert.match(ar.body, /<td>محرّر<\/td>\n<td>فعّال<\/td>/);
      assert.match(ar.body, /action="\/ar\/admin\/people\/invite"/);
    });

    test('anonymous visitors are sent to sign in; a moderator is refused with a readable 403', async () => {
      const anonymous = await agent().get('/admin/people');
      assert.equal(anonymous.status, 303);
      assert.equal(anonymous.headers.location, '/user/login?destination=%2Fadmin%2Fpeople');
      const res = await (await signedIn('Moderator')).get('/ar/admin/people');
      assert.equal(res.status, 403);
      assert.match(res.body, /الوصول مرفوض/);
      assert.equal(res.headers['cache-control'], 'no-store');
    });

    test('an editor sees the newsroom and invites writers, but changes nobody and invites no other role', async () => {
      const editor = await signedIn('Editor');
      const page = await editor.get('/ar/admin/people');
      assert.equal(page.status, 200);
      assert.doesNotMatch(page.body, /\/admin\/people\/\d+\/(role|disable|enable|reset)/, 'no form acts on a person');
      assert.match(page.body, /<select id="invite-role" name="role"><option value="writer" selected>[^<]+<\/option><\/select>/, 'writer is the only role offered');
      const token = csrfTokenIn(page.body);
      const refused = await editor.post('/ar/admin/people/invite', { _csrf: token, email: 'chief@staff.example', role: 'admin' });
      assert.equal(refused.status, 403);
      assert.match(refused.body, /يدعو المحررون كتّاباً فقط/);
      assert.match(refused.body, /value="chief@staff\.example"/, 'what was typed comes back');
      const invited = await editor.post('/ar/admin/people/invite', { _csrf: token, email: 'new.writer@staff.example', role: 'writer' });
      assert.equal(invited.status, 200);
      assert.match(invited.body, LINK);
      const pending = await site.runtime.store.people.listPendingInvitations(0);
      assert.ok(pending.some((i) => i.email === 'new.writer@staff.example' && i.role === 'writer'));
      const log = await site.runtime.audit.list('cli', { limit: 5, actionPrefix: 'user.invite' });
      assert.equal(log[0]?.actorName, 'Editor');
      assert.equal(log[0]?.after, 'writer');
      const role = await editor.post(`/ar/admin/people/${await uidOf('Moderator')}/role`, { _csrf: token, role: 'admin' });
      assert.equal(role.status, 403, 'changing a role is for admins');
    });

    test('an invitation (no SMTP) is shown to the admin and logged; the invitee picks name and password; the link works once', async () => {
      const admin = await signedIn('Admin');
      const page = await admin.get('/ar/admin/people');
      const res = await admin.post('/ar/admin/people/invite', { _csrf: csrfTokenIn(page.body), email: 'new.writer@example.org', role: 'writer' });
      assert.equal(res.status, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      const link = LINK.exec(res.body);
      assert.ok(link, 'the link is on the page');
      assert.match(res.body, /خادم البريد غير مضبوط/);
      assert.ok(logged.some((line) => line.includes(link[0])), 'and in the server log');
      assert.match(res.body, /<bdi dir="ltr">new\.writer@example\.org<\/bdi><\/td><td>كاتب<\/td>/, 'listed as an open invitation');
      // Only a hash is kept.
      const stored = JSON.stringify(await site.runtime.store.people.listPendingInvitations(0));
      assert.ok(!stored.includes(link[1]!.split('/').pop()!));

      const invitee = agent();
      const form = await invitee.get(link[1]!);
      assert.equal(form.status, 200);
      assert.match(form.body, /أنت مدعو بدور كاتب/);
      const mismatch = await invitee.post(link[1]!, { _csrf: csrfTokenIn(form.body), name: 'سلمى Writer', pass: 'a long password 1', pass2: 'a long password 2' });
      assert.equal(mismatch.status, 400);
      assert.match(mismatch.body, /كلمتا المرور غير متطابقتين/);
      assert.match(mismatch.body, /value="سلمى Writer"/, 'the name typed comes back');
      const taken = await invitee.post(link[1]!, { _csrf: csrfTokenIn(mismatch.body), name: 'editor', pass: 'a long password 1', pass2: 'a long password 1' });
      assert.equal(taken.status, 400, 'a taken name leaves the link usable');
      const done = await invitee.post(link[1]!, { _csrf: csrfTokenIn(taken.body), name: 'سلمى Writer', pass: 'a long password 1', pass2: 'a long password 1' });
      assert.equal(done.status, 200);
      assert.match(done.body, /حسابك جاهز/);
      const user = await site.runtime.store.users.findUserByName('سلمى writer');
      assert.equal(user?.role, 'writer');
      assert.equal(user?.email, 'new.writer@example.org');
      const writer = agent();
      const signIn = await writer.signIn('سلمى Writer', 'a long password 1', '/ar');
      assert.equal(signIn.status, 303);
      assert.equal(signIn.headers.location, '/ar/user/login', 'a writer lands on the signed-in page, not a queue that refuses them');
      const home = await writer.get('/ar/user/login');
      assert.match(home.body, /سلمى Writer/);
      assert.doesNotMatch(home.body, /admin\/people|admin\/content\/comment|admin\/front/);
      assert.match(home.body, /<li><a href="\/ar\/admin\/content">المقالات<\/a><\/li>/, 'a writer is shown the articles, where their drafts are');

      const again = await invitee.get(link[1]!);
      assert.equal(again.status, 404);
      assert.match(again.body, /هذه الدعوة غير صالحة/);
    });

    test('a bad invitation address comes back on the page with the error and what was typed', async () => {
      const admin = await signedIn('Admin');
      const page = await admin.get('/admin/people');
      const res = await admin.post('/admin/people/invite', { _csrf: csrfTokenIn(page.body), email: 'not an address', role: 'editor' });
      assert.equal(res.status, 400);
      assert.match(res.body, /role="alert" id="people-error">Give an e-mail address/);
      assert.match(res.body, /value="not an address"/);
      assert.match(res.body, /<option value="editor" selected>/);
    });

    test('an admin changes a role; nobody changes their own; a forged or missing CSRF token changes nothing', async () => {
      await site.runtime.auth.addUser({ name: 'Rami', email: null, password: PASSWORD, role: 'moderator' });
      const uid = await uidOf('Rami');
      const admin = await signedIn('Admin');
      const page = await admin.get('/admin/people');
      const forged = await admin.post(`/admin/people/${uid}/role`, { _csrf: 'forged', role: 'admin' });
      assert.equal(forged.status, 403);
      assert.equal((await site.runtime.store.users.findUserByName('Rami'))?.role, 'moderator');
      const res = await admin.post(`/admin/people/${uid}/role`, { _csrf: csrfTokenIn(page.body), role: 'editor' });
      assert.equal(res.status, 303);
      assert.equal(res.headers.location, `/admin/people?done=role&uid=${uid}`);
      assert.equal((await site.runtime.store.users.findUserByName('Rami'))?.role, 'editor');
      const after = await admin.get(String(res.headers.location));
      assert.match(after.body, /role="status">Rami is now Editor\./);
      const own = await admin.post(`/admin/people/${await uidOf('Admin')}/role`, { _csrf: csrfTokenIn(after.body), role: 'writer' });
      assert.equal(own.status, 409);
      assert.match(own.body, /You cannot change your own role/);
      assert.equal((await site.runtime.store.users.findUserByName('Admin'))?.role, 'admin');
    });

    test('disabling ends that user\'s sessions at once, on the next request, and they cannot sign in again until enabled', async () => {
      await site.runtime.auth.addUser({ name: 'Nadia', email: null, password: PASSWORD, role: 'moderator' });
      const uid = await uidOf('Nadia');
      const nadia = await signedIn('Nadia');
      assert.equal((await nadia.get('/admin/content/comment/approval')).status, 200);
      const admin = await signedIn('Admin');
      const page = await admin.get('/admin/people');
      const res = await admin.post(`/admin/people/${uid}/disable`, { _csrf: csrfTokenIn(page.body) });
      assert.equal(res.status, 303);
      assert.equal(res.headers.location, `/admin/people?done=disabled&uid=${uid}&ended=1`);
      const queue = await nadia.get('/admin/content/comment/approval');
      assert.equal(queue.status, 303, 'her open session is over');
      assert.match(String(queue.headers.location), /^\/user\/login/);
      const again = await agent().signIn('Nadia', PASSWORD);
      assert.equal(again.status, 401);
      assert.match(again.body, /This account has been disabled/);
      const wrong = await agent().signIn('Nadia', 'wrong password!!');
      assert.doesNotMatch(wrong.body, /disabled/, 'only the right password learns the account is disabled');
      const listed = await admin.get(String(res.headers.location));
      assert.match(listed.body, /Nadia is disabled; 1 sessions ended\./);
      const enable = await admin.post(`/admin/people/${uid}/enable`, { _csrf: csrfTokenIn(listed.body) });
      assert.equal(enable.status, 303);
      assert.equal((await agent().signIn('Nadia', PASSWORD)).status, 303);
    });

    test('the last admin cannot be disabled or demoted (by the CLI either)', async () => {
      const uid = await uidOf('Admin');
      await assert.rejects(site.runtime.people.disable({ kind: 'cli' }, uid), /last active admin/);
      await assert.rejects(site.runtime.people.changeRole({ kind: 'cli' }, uid, 'editor'), /last active admin/);
    });

    test('an admin makes a reset link (no SMTP: shown to them); it sets a new password once and ends the old sessions', async () => {
      await site.runtime.auth.addUser({ name: 'Omar', email: 'omar@example.org', password: PASSWORD, role: 'editor' });
      const omar = await signedIn('Omar');
      const admin = await signedIn('Admin');
      const page = await admin.get('/admin/people');
      const res = await admin.post(`/admin/people/${await uidOf('Omar')}/reset`, { _csrf: csrfTokenIn(page.body) });
      assert.equal(res.status, 200);
      const link = LINK.exec(res.body)?.[1];
      assert.ok(link);
      const visitor = agent();
      const form = await visitor.get(link);
      assert.equal(form.status, 200);
      const short = await visitor.post(link, { _csrf: csrfTokenIn(form.body), pass: 'short', pass2: 'short' });
      assert.equal(short.status, 400);
      assert.match(short.body, /at least 10 characters/);
      const done = await visitor.post(link, { _csrf: csrfTokenIn(short.body), pass: 'a brand new password', pass2: 'a brand new password' });
      assert.equal(done.status, 200);
      assert.match(done.body, /Your password is changed/);
      assert.equal((await omar.get('/admin/content/comment/approval')).status, 303, 'the old session ended');
      assert.equal((await agent().signIn('Omar', PASSWORD)).status, 401);
      assert.equal((await agent().signIn('Omar', 'a brand new password')).status, 303);
      const reused = await visitor.post(link, { _csrf: csrfTokenIn(short.body), pass: 'another new password', pass2: 'another new password' });
      assert.equal(reused.status, 404);
      assert.match(reused.body, /used already or has expired/);
    });

    test('/user/password answers the same whatever is typed; a known account gets a link in the log', async () => {
      await site.runtime.auth.addUser({ name: 'Huda', email: 'huda@example.org', password: PASSWORD, role: 'writer' });
      const answers: string[] = [];
      for (const typed of ['Huda', 'nobody-at-all', 'huda@example.org', 'nobody@example.org']) {
        const a = agent();
        const form = await a.get('/ar/user/password');
        assert.equal(form.status, 200);
        const before = logged.length;
        const res = await a.post('/ar/user/password', { _csrf: csrfTokenIn(form.body), name: typed });
        assert.equal(res.status, 200);
        answers.push(res.body);
        await site.runtime.people.settled();
        const links = logged.slice(before).filter((line) => /\/ar\/user\/reset\//.test(line));
        assert.equal(links.length, typed.includes('nobody') ? 0 : 1, typed);
      }
      assert.equal(new Set(answers).size, 1, 'one answer for every case');
      assert.match(answers[0]!, /إن طابق حساب ما أدخلته/);
      // Asking again made the earlier link useless: only the newest works.
      const last = LINK.exec(logged.filter((l) => l.includes('/ar/user/reset/')).at(-1)!)![1]!;
      const first = LINK.exec(logged.filter((l) => l.includes('/ar/user/reset/')).at(-2)!)![1]!;
      assert.equal((await agent().get(first)).status, 404);
      assert.equal((await agent().get(last)).status, 200);
    });

    test('a malformed token is a plain 404; a forged one is the "not valid" page', async () => {
      assert.equal((await agent().get('/user/reset/short')).status, 404);
      const forged = await agent().get(`/user/reset/${'A'.repeat(43)}`);
      assert.equal(forged.status, 404);
      assert.match(forged.body, /This link is not valid/);
      assert.equal(forged.headers['cache-control'], 'no-store');
    });

    test('reset requests are limited per address, with a readable 429', async () => {
      const a = new StaffAgent(site.folio.app, dialect === 'sqlite' ? '198.18.1.1' : '198.18.2.1');
      const statuses: number[] = [];
      for (let i = 0; i <= RESET_REQUESTS_PER_MINUTE; i++) {
        const form = await a.get('/ar/user/password');
        const res = await a.post('/ar/user/password', { _csrf: csrfTokenIn(form.body), name: `nobody-${i}` });
        statuses.push(res.status);
        if (res.status === 429) assert.match(res.body, /طلبات كثيرة جداً/);
      }
      assert.deepEqual(statuses, [...Array(RESET_REQUESTS_PER_MINUTE).fill(200), 429]);
    });
  });
}
