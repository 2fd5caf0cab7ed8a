import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_FAILED_LOGINS } from '../../src/services/auth-service.ts';
import { LOGIN_ATTEMPTS_PER_MINUTE } from '../../src/web/routes/auth-routes.ts';
import { testDialects } from '../support/databases.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { csrfTokenIn, StaffAgent } from '../support/staff-agent.ts';

const PASSWORD = 'correct horse battery staple';

for (const dialect of testDialects()) {
  describe(`sign-in and sign-out (${dialect})`, () => {
    let site: TestSite;
    let nextIp = 10;
    // Each test comes from its own address, so the per-address limit only bites where tested.
    const agent = () => new StaffAgent(site.folio.app, `198.51.100.${nextIp++}`);
    const addUser = (name: string) => site.runtime.auth.addUser({ name, email: `${name}@staff.example`, password: PASSWORD, role: 'moderator' });

    before(async () => {
      site = await openTestSite(dialect, seedFixture);
    });
    after(async () => {
      await site.close();
    });

    test('the form: name, password and a CSRF token, never stored or indexed', async () => {
      const res = await agent().get('/user/login');
      assert.equal(res.status, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers['x-robots-tag'], 'noindex, nofollow');
      assert.match(res.body, /<h1 class="page-title">Sign in<\/h1>/);
      assert.match(res.body, /<label for="edit-name">Username<\/label>\s*<input type="text" id="edit-name" name="name"/);
      assert.match(res.body, /<label for="edit-pass">Password<\/label>\s*<input type="password" id="edit-pass" name="pass"/);
      assert.ok(csrfTokenIn(res.body).length > 10);
      assert.ok(res.setCookies.get('folio_csrf'), 'the CSRF secret cookie is set');
      const ar = await agent().get('/ar/user/login');
      assert.equal(ar.status, 200);
      assert.match(ar.body, /<html lang="ar" dir="rtl">/);
      assert.match(ar.body, /<h1 class="page-title">تسجيل الدخول<\/h1>/);
      assert.match(ar.body, /action="\/ar\/user\/login"/);
    });

    test('success sets an HttpOnly session cookie and goes to the approval queue', async () => {
      await addUser('ok-user');
      const res = await agent().signIn('ok-user', PASSWORD);
      assert.equal(res.status, 303);
      assert.equal(res.headers.location, '/admin/content/comment/approval');
      assert.ok(res.setCookies.get('folio_session'));
      assert.match(String(res.headers['set-cookie']), /folio_session=[^;]+;.*HttpOnly/);
      const ar = await agent().signIn('ok-user', PASSWORD, '/ar');
      assert.equal(ar.headers.location, '/ar/admin/content/comment/approval');
    });

    test('a local destination is honoured; anything pointing off the site is ignored', async () => {
      const to = async (destination: string) => (await agent().signIn('ok-user', PASSWORD, '', { destination })).headers.location;
      assert.equal(await to('/admin/content/comment/spam?page=1'), '/admin/content/comment/spam?page=1');
      assert.equal(await to('/ar/content/مقال'), '/ar/content/%D9%85%D9%82%D8%A7%D9%84');
      for (const evil of ['//evil.example/', '/\\evil.example/', 'https://evil.example/', 'evil', '/\nx', '/\tx']) {
        assert.equal(await to(evil), '/admin/content/comment/approval', JSON.stringify(evil));
      }
      // Already-encoded line breaks stay encoded: no header can be injected.
      assert.equal(await to('/%0d%0aSet-Cookie:x=1'), '/%0d%0aSet-Cookie:x=1');
      // The form carries the destination from the redirect to the POST.
      const form = await agent().get('/user/login?destination=%2Fadmin%2Fcontent%2Fcomment');
      assert.match(form.body, /<input type="hidden" name="destination" value="\/admin\/content\/comment">/);
      const offsite = await agent().get('/user/login?destination=%2F%2Fevil.example');
      assert.doesNotMatch(offsite.body, /name="destination"/);
    });

    test('a wrong password: 401, the form again with the name kept and the password not', async () => {
      await addUser('typo-user');
      const res = await agent().signIn('typo-user', 'not the password at all');
      assert.equal(res.status, 401);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.match(res.body, /<p class="messages error" role="alert" id="login-error">Unrecognized username or password\.<\/p>/);
      assert.match(res.body, /name="name" value="typo-user"/);
      assert.doesNotMatch(res.body, /not the password at all/);
      assert.equal(res.setCookies.get('folio_session'), undefined);
      const ar = await agent().signIn('typo-user', 'wrong', '/ar');
      assert.equal(ar.status, 401);
      assert.match(ar.body, /اسم المستخدم أو كلمة المرور غير معروفين\./);
      assert.equal((await agent().signIn('nobody-at-all', 'whatever')).status, 401);
    });

    test('a body outside the sign-in schema: 400, the readable form again with the name kept, nobody signed in', async () => {
      await addUser('schema-user');
      const who = agent();
      const form = await who.get('/user/login');
      const res = await site.folio.app.inject({
        method: 'POST', url: '/user/login', remoteAddress: '198.51.100.250',
        headers: { 'content-type': 'application/json', cookie: [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        payload: JSON.stringify({ _csrf: csrfTokenIn(form.body), name: 'schema-user', pass: [PASSWORD, PASSWORD] }),
      });
      assert.equal(res.statusCode, 400);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      assert.match(res.body, /Part of this form could not be read/);
      assert.match(res.body, /name="name" value="schema-user"/);
      assert.doesNotMatch(res.body, /FST_ERR_VALIDATION|"statusCode"/);
      assert.equal(res.cookies.find((c) => c.name === 'folio_session'), undefined);
    });

    test(`after ${MAX_FAILED_LOGINS} failures the account locks: even the right password is refused with 429`, async () => {
      await addUser('locked-user');
      const a = agent();
      for (let i = 0; i < MAX_FAILED_LOGINS; i++) assert.equal((await a.signIn('locked-user', `wrong ${i}`)).status, 401);
      const res = await a.signIn('locked-user', PASSWORD);
      assert.equal(res.status, 429);
      assert.match(res.body, /This account is locked after 5 failed sign-ins\. Try again in 15 minutes\./);
      assert.match(res.body, /name="name" value="locked-user"/);
      assert.equal(res.setCookies.get('folio_session'), undefined);
      const ar = await agent().signIn('locked-user', PASSWORD, '/ar');
      assert.equal(ar.status, 429);
      assert.match(ar.body, /هذا الحساب مقفل/);
    });

    test('a POST without a valid CSRF token is refused with 403 and signs nobody in', async () => {
      await addUser('csrf-user');
      const a = agent();
      const form = await a.get('/user/login');
      const missing = await a.post('/user/login', { name: 'csrf-user', pass: PASSWORD });
      assert.equal(missing.status, 403);
      assert.match(missing.body, /This form has expired or did not come from this site\./);
      assert.equal(missing.setCookies.get('folio_session'), undefined);
      const forged = await a.post('/user/login', { name: 'csrf-user', pass: PASSWORD, _csrf: `${csrfTokenIn(form.body).slice(0, -2)}xx` });
      assert.equal(forged.status, 403);
      // A token without its secret cookie (another browser's token) is refused too.
      const stranger = await agent().post('/user/login', { name: 'csrf-user', pass: PASSWORD, _csrf: csrfTokenIn(form.body) });
      assert.equal(stranger.status, 403);
      assert.equal(stranger.setCookies.get('folio_session'), undefined);
      const ar = await agent().post('/ar/user/login', { name: 'csrf-user', pass: PASSWORD });
      assert.equal(ar.status, 403);
      assert.match(ar.body, /انتهت صلاحية هذا النموذج/);
    });

    test(`one address gets ${LOGIN_ATTEMPTS_PER_MINUTE} sign-in attempts a minute, then our 429 page`, async () => {
      const a = agent();
      for (let i = 0; i < LOGIN_ATTEMPTS_PER_MINUTE; i++) assert.equal((await a.signIn(`guess-${i}`, 'guess')).status, 401);
      const res = await a.signIn('guess-x', 'guess');
      assert.equal(res.status, 429);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.ok(Number(res.headers['retry-after']) > 0);
      assert.match(res.body, /<html lang="en" dir="ltr">/);
      assert.match(res.body, /<h1 class="page-title">Too many requests<\/h1>/);
      assert.match(res.body, /Too many sign-in attempts from your address\./);
      // Another address is not affected, and pages still load for this one.
      assert.equal((await agent().signIn('guess-y', 'guess')).status, 401);
      assert.equal((await a.get('/user/login')).status, 200);
    });

    test('signed in, the sign-in page says so; public pages stay the same for everyone', async () => {
      await addUser('cache-user');
      const a = agent();
      await a.signIn('cache-user', PASSWORD);
      const page = await a.get('/user/login');
      assert.match(page.body, /You are signed in as cache-user\./);
      const anonymous = await agent().get(`/${FIXTURE.article.path}`);
      const signedIn = await a.get(`/${FIXTURE.article.path}`);
      assert.equal(signedIn.body, anonymous.body);
      assert.doesNotMatch(signedIn.body, /cache-user/);
    });

    test('sign-out: a confirm page, a POST with CSRF, and the old cookie stops working', async () => {
      await addUser('leaving-user');
      const a = agent();
      await a.signIn('leaving-user', PASSWORD);
      const oldSession = a.cookies.get('folio_session')!;
      assert.equal((await a.get('/admin/content/comment/approval')).status, 200);
      const confirm = await a.get('/user/logout');
      assert.equal(confirm.status, 200);
      assert.equal(confirm.headers['cache-control'], 'no-store');
      assert.match(confirm.body, /<form class="logout-form" action="\/user\/logout" method="post">/);
      assert.match(confirm.body, /<button type="submit">Sign out<\/button>/);
      const forged = await a.post('/user/logout', {});
      assert.equal(forged.status, 403);
      assert.equal((await a.get('/admin/content/comment/approval')).status, 200, 'a forged sign-out changes nothing');
      const out = await a.post('/user/logout', { _csrf: csrfTokenIn(confirm.body) });
      assert.equal(out.status, 303);
      assert.equal(out.headers.location, '/');
      assert.equal(out.setCookies.get('folio_session'), '');
      const replay = new StaffAgent(site.folio.app, a.ip);
      replay.cookies.set('folio_session', oldSession);
      const res = await replay.get('/admin/content/comment/approval');
      assert.equal(res.status, 303);
      assert.match(String(res.headers.location), /^\/user\/login\?destination=/);
    });

    test('sign-out in the Arabic edition goes to the Arabic home page', async () => {
      await addUser('arabic-user');
      const a = agent();
      await a.signIn('arabic-user', PASSWORD, '/ar');
      const confirm = await a.get('/ar/user/logout');
      assert.match(confirm.body, /هل تريد تسجيل الخروج من/);
      const out = await a.post('/ar/user/logout', { _csrf: csrfTokenIn(confirm.body) });
      assert.equal(out.headers.location, '/ar/');
      assert.equal((await a.get('/ar/admin/content/comment/approval')).status, 303);
    });
  });
}
