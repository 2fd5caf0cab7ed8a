import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LOGIN_ATTEMPTS_PER_MINUTE } from '../../src/web/routes/auth-routes.ts';
import { PERMISSIONS_POLICY } from '../../src/web/app.ts';
import { testDialects } from '../support/databases.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { inputValue } from '../support/form.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { csrfTokenIn, StaffAgent } from '../support/staff-agent.ts';

// What the security audit of issue 10 found around staff sessions, each checked here:
// forged staff comments, a sign-in limit that each edition counted alone, a missing
// Permissions-Policy, and cookies that must be Secure whenever the request came over TLS.

const PASSWORD = 'correct horse battery staple';

for (const dialect of testDialects()) {
  describe(`staff sessions and headers (${dialect})`, () => {
    let site: TestSite;
    let nextIp = 10;
    const agent = () => new StaffAgent(site.folio.app, `198.51.100.${nextIp++}`);

    before(async () => {
      site = await openTestSite(dialect, seedFixture, { FOLIO_MIN_POST_SECONDS: '0', FOLIO_TRUST_PROXY: '127.0.0.1' });
      await site.runtime.auth.addUser({ name: 'editor', email: 'editor@staff.example', password: PASSWORD, role: 'editor' });
    });
    after(async () => {
      await site.close();
    });

    async function pendingWith(text: string): Promise<boolean> {
      const pending = await site.runtime.store.comments.listForModeration({ status: 0, limit: 50, offset: 0 });
      return pending.items.some((c) => c.body === text);
    }
    async function publishedWith(text: string): Promise<boolean> {
      const published = await site.runtime.store.comments.listForModeration({ status: 1, limit: 50, offset: 0 });
      return published.items.some((c) => c.body === text);
    }

    test('a signed-in editor with a forged CSRF token publishes nothing, and gets the form back with the text', async () => {
      const editor = agent();
      assert.equal((await editor.signIn('editor', PASSWORD)).status, 303);
      const form = await editor.get(`/comment/reply/${FIXTURE.article.nid}`);
      const text = 'Forged staff comment that must not be published.';
      const res = await editor.post(`/comment/reply/${FIXTURE.article.nid}`, {
        op: 'save', form_token: inputValue(form.body, 'form_token'), website: '', subject: '', comment: text, _csrf: 'bogus-token',
      });
      assert.equal(res.status, 403);
      assert.ok(res.body.includes(text), 'the typed text comes back');
      assert.match(res.body, /This form has expired or did not come from this site/);
      assert.equal(await publishedWith(text), false);
      assert.equal(await pendingWith(text), false);
    });

    test('a signed-in editor posting from the reply page, with its CSRF token, comments as themselves', async () => {
      const editor = agent();
      assert.equal((await editor.signIn('editor', PASSWORD)).status, 303);
      const form = await editor.get(`/comment/reply/${FIXTURE.article.nid}`);
      assert.doesNotMatch(form.body, /name="mail"/, 'a signed-in user gives no name or e-mail');
      const text = 'A real staff comment.';
      const res = await editor.post(`/comment/reply/${FIXTURE.article.nid}`, {
        op: 'save', form_token: inputValue(form.body, 'form_token'), website: '', subject: '', comment: text, _csrf: csrfTokenIn(form.body),
      });
      assert.equal(res.status, 303);
      assert.match(String(res.headers.location), /comment=posted/);
      assert.equal(await publishedWith(text), true);
    });

    test('a signed-in editor posting the cached inline form (no CSRF token) is treated as a visitor: moderated', async () => {
      const editor = agent();
      assert.equal((await editor.signIn('editor', PASSWORD)).status, 303);
      const page = await editor.get(`/${FIXTURE.article.path}`);
      const text = 'Posted from the inline form while signed in.';
      const res = await editor.post(`/comment/reply/${FIXTURE.article.nid}`, {
        op: 'save', form_token: inputValue(page.body, 'form_token'), website: '', name: 'Someone', mail: 'someone@private.example', homepage: '', subject: '', comment: text,
      });
      assert.equal(res.status, 303);
      assert.match(String(res.headers.location), /comment=queued/);
      assert.equal(await pendingWith(text), true);
    });

    test('failed sign-ins alternating between the editions share one allowance per address', async () => {
      const a = agent();
      for (let i = 0; i < LOGIN_ATTEMPTS_PER_MINUTE; i++) {
        const res = await a.signIn('nobody', 'wrong password', i % 2 === 0 ? '' : '/ar');
        assert.equal(res.status, 401, `attempt ${i + 1}`);
      }
      for (const prefix of ['', '/ar']) assert.equal((await a.signIn('nobody', 'wrong password', prefix)).status, 429, prefix);
      assert.equal((await agent().signIn('nobody', 'wrong password', '/ar')).status, 401, 'another address has its own allowance');
    });

    test('every page, cached or not, carries a Permissions-Policy', async () => {
      for (const url of ['/', '/', `/ar/${FIXTURE.arabic.path}`, '/user/login', '/no/such/page']) {
        const res = await site.folio.app.inject({ url });
        assert.equal(res.headers['permissions-policy'], PERMISSIONS_POLICY, url);
      }
      assert.match(PERMISSIONS_POLICY, /camera=\(\)/);
    });

    test('cookies are Secure when the request came over TLS through a trusted proxy, and only then', async () => {
      const login = (remoteAddress: string) => site.folio.app.inject({ url: '/user/login', remoteAddress, headers: { 'x-forwarded-proto': 'https' } });
      const proxied = await login('127.0.0.1');
      assert.match(String(proxied.headers['set-cookie']), /folio_csrf=[^;]+;.*Secure/);
      const spoofed = await login('203.0.113.50');
      assert.doesNotMatch(String(spoofed.headers['set-cookie']), /Secure/, 'an untrusted client cannot claim TLS');
      const form = proxied;
      const secret = /folio_csrf=([^;]+)/.exec(String(form.headers['set-cookie']))![1]!;
      const res = await site.folio.app.inject({
        method: 'POST', url: '/user/login', remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.200', 'content-type': 'application/x-www-form-urlencoded', cookie: `folio_csrf=${secret}` },
        payload: new URLSearchParams({ name: 'editor', pass: PASSWORD, _csrf: csrfTokenIn(form.body) }).toString(),
      });
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers['set-cookie']), /folio_session=[^;]+;.*Secure/);
    });
  });
}
