import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { can, ROLES, type Permission, type Role } from '../../src/domain/permissions.ts';
import { testDialects } from '../support/databases.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { csrfTokenIn, StaffAgent, type AgentResponse } from '../support/staff-agent.ts';

// Issue 12, point 8: every admin route refuses anonymous users (to the sign-in page) and users
// whose role lacks the permission (403, with a readable page), checked by walking the route
// table the app recorded, so a route added later is covered without anyone listing it here.

const PASSWORD = 'correct horse battery staple';

/**
 * The permission each admin area needs. An admin route matching none of these fails the first
 * test: whoever adds one says here what it needs (and gets the checks below for free).
 */
const AREAS: readonly [RegExp, Permission][] = [
  // Editors see the people page and invite writers; everything done to a person is for admins.
  [/^\/admin\/people(\/invite)?$/, 'invite writers'],
  [/^\/admin\/people(\/|$)/, 'manage people'],
  [/^\/admin\/content\/comment(\/|$)/, 'moderate comments'],
  // An article's revisions: staff who write may read them; restoring is checked again per article (isArticleEditableBy).
  [/^\/admin\/content\/[^/]+\/revisions(\/|$)/, 'write drafts'],
  [/^\/admin\/log(\/|$)/, 'manage settings'],
  // Uploading and captioning photos is part of writing; deleting needs 'edit any article' (media-routes.ts).
  [/^\/admin\/media(\/|$)/, 'write drafts'],
  // The first area that matches decides: emptying the trash is an admin's, the rest of the content pages a writer's.
  [/^\/admin\/content\/trash\/empty$/, 'manage settings'],
  [/^\/admin\/content(\/|$)/, 'write drafts'],
  [/^\/admin\/front$/, 'arrange front page'],
];

/** A node each edition's routes can show (the fixture's): an :nid of 1 would be a 404, not the page. */
const SAMPLE_NID: Readonly<Record<string, number>> = { '': FIXTURE.article.nid, '/ar': FIXTURE.arabic.nid };

/** Form posts that are not staff actions: a visitor's comment is checked by its own form token instead. */
const NOT_CSRF_CHECKED = [/^(\/ar)?\/comment\/reply\//];

/** The nid of a draft the-writer owns in the live edition, which every role with "write drafts" may open (set in before()). */
let writersDraft = 0;

/**
 * A concrete URL for a route pattern: an :nid becomes the-writer's draft in the live edition and the
 * fixture's article in the archive (an :nid of 1 would be a 404, not the page), every other parameter 1,
 * a wildcard "x".
 */
function concrete(url: string): string {
  const nid = url.startsWith('/ar/') ? writersDraft : SAMPLE_NID['']!;
  return url.replace(/:nid(\([^/]*?\$\))?/g, String(nid)).replace(/:[A-Za-z]+(\([^/]*?\$\))?/g, '1').replace(/\*$/, 'x');
}

function unprefixed(url: string): string {
  return url.replace(/^\/ar(?=\/)/, '');
}

function isReadableRefusal(res: AgentResponse): boolean {
  return res.status === 403 && /<h1[^>]*>[^<]*(Access denied|الوصول مرفوض)/.test(res.body) && res.headers['cache-control'] === 'no-store';
}

for (const dialect of testDialects()) {
  describe(`the route table's staff routes (${dialect})`, () => {
    let site: TestSite;
    let nextIp = 10;
    const agents = new Map<Role, StaffAgent>();
    let adminRoutes: { method: string; url: string }[];

    before(async () => {
      site = await openTestSite(dialect, seedFixture);
      for (const role of ROLES) {
        await site.runtime.auth.addUser({ name: `the-${role}`, email: null, password: PASSWORD, role });
        const agent = new StaffAgent(site.folio.app, `192.0.2.${nextIp++}`);
        assert.equal((await agent.signIn(`the-${role}`, PASSWORD)).status, 303);
        agents.set(role, agent);
      }
      const writer = (await site.runtime.store.users.findUserByName('the-writer'))!;
      writersDraft = (await site.runtime.newsroom.create(writer, site.runtime.editions.get('ar'), {
        title: 'مسودة الكاتب', slug: '', summary: '', body: '<p>نص</p>', section: 'politics', tags: '', authors: '', credit: '',
        photoSrc: '', photoCaption: '', photoCredit: '', promoted: true, sticky: false, comments: '', translationOf: '', publishAt: '',
      }, 'save')).nid;
      adminRoutes = site.folio.routes.filter((r) => r.method !== 'HEAD' && /^\/admin(\/|$)/.test(unprefixed(r.url)));
    });
    after(async () => {
      await site.close();
    });

    test('the walk finds the admin routes, and each one belongs to an area with a permission', () => {
      const urls = adminRoutes.map((r) => r.url);
      for (const known of ['/admin/people', '/ar/admin/people', '/admin/content/comment/approval', '/ar/admin/people/invite', '/admin/log', '/ar/admin/log']) assert.ok(urls.includes(known), known);
      for (const known of ['/admin/content/:nid(^\\d{1,10}$)/revisions', '/ar/admin/content/:nid(^\\d{1,10}$)/revisions/diff', '/ar/admin/content/:nid(^\\d{1,10}$)/revisions/restore']) assert.ok(urls.includes(known), known);
      // The archive's revisions are read-only: no restore route there.
      assert.ok(!urls.includes('/admin/content/:nid(^\\d{1,10}$)/revisions/restore'));
      for (const known of ['/admin/people', '/ar/admin/people', '/admin/content/comment/approval', '/ar/admin/people/invite', '/ar/admin/media', '/ar/admin/media/:id/delete']) assert.ok(urls.includes(known), known);
      for (const known of ['/admin/people', '/ar/admin/people', '/admin/content/comment/approval', '/ar/admin/people/invite', '/admin/content', '/ar/admin/content/new', '/ar/admin/front']) assert.ok(urls.includes(known), known);
      const orphans = adminRoutes.filter((r) => !AREAS.some(([area]) => area.test(unprefixed(r.url))));
      assert.deepEqual(orphans, []);
    });

    test('anonymous: every admin GET and POST answers a 303 to the sign-in page (or 403), never a page, never stored', async () => {
      for (const route of adminRoutes) {
        const visitor = new StaffAgent(site.folio.app, `192.0.2.${nextIp++}`);
        const prefix = route.url.startsWith('/ar/') ? '/ar' : '';
        const url = concrete(route.url);
        let res: AgentResponse;
        if (route.method === 'GET') res = await visitor.get(url);
        else {
          // With a valid CSRF token, so the refusal is the sign-in check's, not the token's.
          const form = await visitor.get(`${prefix}/user/login`);
          res = await visitor.post(url, { _csrf: csrfTokenIn(form.body), role: 'admin', email: 'x@example.org' });
        }
        const toSignIn = res.status === 303 && String(res.headers.location).startsWith(`${prefix}/user/login`);
        assert.ok(toSignIn || isReadableRefusal(res), `${route.method} ${url}: ${res.status} ${String(res.headers.location)}`);
        assert.equal(res.headers['cache-control'], 'no-store', `${route.method} ${url}`);
      }
    });

    test('signed in without the permission: a readable 403 on every admin GET and POST; with it, GETs answer 200 and no-store', async () => {
      for (const route of adminRoutes) {
        const permission = AREAS.find(([area]) => area.test(unprefixed(route.url)))![1];
        const url = concrete(route.url);
        for (const role of ROLES) {
          const agent = agents.get(role)!;
          if (can(role, permission)) {
            if (route.method !== 'GET') continue;
            const res = await agent.get(url);
            assert.equal(res.status, 200, `${role} GET ${url}`);
            assert.equal(res.headers['cache-control'], 'no-store', `${role} GET ${url}`);
            assert.equal(res.headers['x-robots-tag'], 'noindex, nofollow', `${role} GET ${url}`);
            continue;
          }
          const prefix = route.url.startsWith('/ar/') ? '/ar' : '';
          const res = route.method === 'GET'
            ? await agent.get(url)
            : await agent.post(url, { _csrf: csrfTokenIn((await agent.get(`${prefix}/user/logout`)).body), role: 'admin', email: 'x@example.org', op: 'delete' });
          assert.ok(isReadableRefusal(res), `${role} ${route.method} ${url}: ${res.status}`);
        }
      }
      // Nobody's role changed and no invitation was made by any refused POST.
      for (const role of ROLES) assert.equal((await site.runtime.store.users.findUserByName(`the-${role}`))?.role, role);
      assert.deepEqual(await site.runtime.store.people.listPendingInvitations(0), []);
    });

    test('CSRF on every state change: every POST route in the table refuses an admin\'s post without a token', async () => {
      const admin = agents.get('admin')!;
      const posts = site.folio.routes.filter((r) => r.method === 'POST' && !NOT_CSRF_CHECKED.some((p) => p.test(r.url)));
      assert.ok(posts.length >= 10, `found ${posts.length} POST routes`);
      for (const route of posts) {
        const url = concrete(route.url).replace(/\/1(?=\/|$)/, (m) => (route.url.includes(':token') ? `/${'A'.repeat(43)}` : m));
        const res = await admin.post(url, { role: 'writer', email: 'x@example.org', name: 'the-writer', pass: 'x'.repeat(12), pass2: 'x'.repeat(12) });
        assert.equal(res.status, 403, `POST ${url}`);
      }
      assert.equal((await admin.get('/admin/people')).status, 200, 'still signed in: the sign-out post was refused too');
    });

    test('no admin or account page is in any sitemap', async () => {
      const index = await site.folio.app.inject({ url: '/sitemap.xml' });
      assert.equal(index.statusCode, 200);
      const maps = [...index.body.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]!);
      assert.ok(maps.length > 0);
      for (const path of [...maps, '/sitemap-news.xml']) {
        const map = await site.folio.app.inject({ url: path });
        assert.doesNotMatch(map.body, /\/admin\/|\/user\//, path);
      }
    });
  });
}
