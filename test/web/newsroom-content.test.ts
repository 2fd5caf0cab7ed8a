import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { NODE_STATUS } from '../../src/domain/node-status.ts';
import { toWallClock } from '../../src/text/wall-clock.ts';
import { testDialects } from '../support/databases.ts';
import { seedFixture } from '../support/fixture-site.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { csrfTokenIn, StaffAgent, type AgentResponse } from '../support/staff-agent.ts';

// Issue 12, points 2 and 6: articles in the browser (/admin/content) and the front page (/admin/front).

const PASSWORD = 'correct horse battery staple';

/** The article form's fields, as a browser posts them (unticked checkboxes are simply absent). */
function articleFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'مرفأ بيروت: تقرير من Reuters عن 2020', slug: '', summary: 'ملخّص قصير', body: '<p>نص المقالة مع اسم Lea al-Qazzi والرقم 42.</p>',
    section: 'politics', tags: 'مرفأ، Beirut Port', authors: 'سلمى كاتبة', credit: '(دفتر المشرق)', photoSrc: '', photoCaption: '', photoCredit: '',
    promoted: '1', comments: '', translationOf: '', publishAt: '', op: 'save', ...overrides,
  };
}

function nidFrom(res: AgentResponse): number {
  const m = /\/admin\/content\/(\d+)\/edit/.exec(String(res.headers.location));
  assert.ok(m, `a 303 to the edit page: ${res.status} ${String(res.headers.location)}`);
  return Number(m[1]);
}

for (const dialect of testDialects()) {
  describe(`the newsroom's articles and front page (${dialect})`, () => {
    let site: TestSite;
    let nextIp = 10;
    const agents: Record<string, StaffAgent> = {};

    async function post(who: string, url: string, fields: Record<string, string>, formUrl = url): Promise<AgentResponse> {
      const agent = agents[who]!;
      const form = await agent.get(formUrl);
      return agent.post(url, { _csrf: csrfTokenIn(form.body), ...fields });
    }
    async function draft(who: string, fields: Record<string, string> = {}): Promise<number> {
      return nidFrom(await post(who, '/ar/admin/content/new', articleFields(fields)));
    }
    const row = (nid: number) => site.runtime.store.desk.findArticle('ar', nid);

    before(async () => {
      site = await openTestSite(dialect, seedFixture);
      for (const [name, role] of [['writer', 'writer'], ['writer2', 'writer'], ['editor', 'editor'], ['moderator', 'moderator'], ['admin', 'admin']] as const) {
        await site.runtime.auth.addUser({ name, email: null, password: PASSWORD, role });
        const agent = new StaffAgent(site.folio.app, `198.51.100.${nextIp++}`);
        assert.equal((await agent.signIn(name, PASSWORD, '/ar')).status, 303);
        agents[name] = agent;
      }
    });
    after(async () => {
      await site.close();
    });

    test('a writer drafts an Arabic article: a draft with an owner, a revision by them, an audit event, and nothing for readers', async () => {
      const form = await agents.writer!.get('/ar/admin/content/new');
      assert.equal(form.status, 200);
      assert.equal(form.headers['cache-control'], 'no-store');
      assert.equal(form.headers['x-robots-tag'], 'noindex, nofollow');
      assert.match(form.body, /<html[^>]* dir="rtl"/);
      assert.match(form.body, /<textarea id="field-body" name="body"[^>]* data-folio-editor="full_html"/);
      assert.match(form.body, /<input type="checkbox" id="field-promoted" name="promoted" value="1" checked>/, 'promoted by default (FOLIO_PROMOTE_NEW_ARTICLES)');
      assert.doesNotMatch(form.body, /value="publish"/, 'a writer is offered no Publish button');
      const nid = await draft('writer');
      const article = await row(nid);
      assert.equal(article?.status, NODE_STATUS.DRAFT);
      assert.equal(article?.ownerUid, (await site.runtime.store.users.findUserByName('writer'))!.uid);
      assert.deepEqual(article?.tags, ['Beirut Port', 'مرفأ']);
      assert.deepEqual(article?.authors, ['سلمى كاتبة']);
      assert.equal(article?.path, 'content/مرفأ-بيروت-تقرير-من-reuters-عن-2020');
      const revisions = await site.runtime.store.revisions.revisionsOf(nid);
      assert.equal(revisions.length, 1);
      assert.equal(revisions[0]!.revisedBy, article!.ownerUid);
      const log = await site.runtime.audit.list('cli', { limit: 10, subject: { type: 'node', id: String(nid) } });
      assert.deepEqual(log.map((e) => e.action), ['article.create']);
      assert.equal((await agents.editor!.get(`/ar/${article!.path}`)).status, 404, 'a draft does not exist for readers');
      assert.equal((await agents.editor!.get(`/ar/node/${nid}`)).status, 404);
    });

    test('a rejected save comes back with everything typed and each error next to its field', async () => {
      const typed = articleFields({ title: '', slug: 'not a slug!', section: 'nowhere', tags: 'وسم أول، وسم ثان', body: '<p>نص طويل كتبته ولا أريد أن أفقده</p>', comments: '1', translationOf: '999999' });
      const res = await post('writer', '/ar/admin/content/new', typed);
      assert.equal(res.status, 400);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.match(res.body, /role="alert">لم تُحفظ المقالة/);
      assert.match(res.body, /aria-describedby="error-title" aria-invalid="true">\n+<p class="field-error" id="error-title">اكتب عنواناً للمقالة\.<\/p>/);
      assert.match(res.body, /name="slug" value="not a slug!"[^>]*aria-invalid="true"/);
      assert.match(res.body, /id="error-slug">يجب أن يتألف الرابط المختصر/);
      assert.match(res.body, /name="tags" value="وسم أول، وسم ثان"/);
      assert.match(res.body, /name="authors" value="سلمى كاتبة"/);
      assert.match(res.body, /&lt;p&gt;نص طويل كتبته ولا أريد أن أفقده&lt;\/p&gt;<\/textarea>/);
      assert.match(res.body, /<option value="1" selected>مغلقة<\/option>/);
      // The store's checks (section, translation) report together once the shape is right.
      const second = await post('writer', '/ar/admin/content/new', { ...typed, title: 'عنوان', slug: '' });
      assert.equal(second.status, 400);
      assert.match(second.body, /id="error-section">اختر أحد الأقسام/);
      assert.match(second.body, /id="error-translationOf">لا توجد مقالة رقمها 999999/);
      assert.match(second.body, /name="translationOf" value="999999"/);
    });

    test('permissions: a writer cannot publish or touch another\'s draft; a moderator sees nothing; the service refuses too', async () => {
      const nid = await draft('writer');
      const publish = await post('writer', `/ar/admin/content/${nid}/edit`, articleFields({ op: 'publish' }));
      assert.equal(publish.status, 403);
      assert.equal((await row(nid))?.status, NODE_STATUS.DRAFT);
      assert.equal((await agents.writer2!.get(`/ar/admin/content/${nid}/edit`)).status, 403);
      assert.equal((await post('writer2', `/ar/admin/content/${nid}/trash`, {}, '/ar/admin/content')).status, 403);
      assert.equal((await agents.moderator!.get('/ar/admin/content')).status, 403);
      assert.equal((await agents.moderator!.get(`/ar/admin/content/${nid}/edit`)).status, 403);
      const list = await agents.writer2!.get('/ar/admin/content');
      assert.equal(list.status, 200);
      assert.doesNotMatch(list.body, new RegExp(`/admin/content/${nid}/edit`), 'another writer\'s draft is not listed');
      const writer = (await site.runtime.store.users.findUserByName('writer'))!;
      await assert.rejects(site.runtime.newsroom.unpublish(writer, site.runtime.editions.get('ar'), nid), { code: 'FORBIDDEN' });
      await assert.rejects(site.runtime.newsroom.emptyTrash({ ...writer, role: 'editor' }, site.runtime.editions.get('ar')), { code: 'FORBIDDEN' });
    });

    test('an editor publishes: the article reaches its page, /ar/rss.xml, /ar/node and search; saving the same content twice makes one revision', async () => {
      const nid = await draft('writer', { title: 'خبر للنشر عن Hamra', slug: 'خبر-للنشر' });
      const res = await post('editor', `/ar/admin/content/${nid}/edit`, articleFields({ title: 'خبر للنشر عن Hamra', slug: 'خبر-للنشر', op: 'publish' }));
      assert.equal(res.status, 303);
      assert.match(String(res.headers.location), /\?done=published$/);
      assert.equal((await row(nid))?.status, NODE_STATUS.PUBLISHED);
      const page = await agents.editor!.get('/ar/content/خبر-للنشر');
      assert.equal(page.status, 200);
      assert.match(page.body, /خبر للنشر عن Hamra/);
      assert.match((await agents.editor!.get('/ar/rss.xml')).body, /خبر للنشر عن Hamra/);
      assert.match((await agents.editor!.get('/ar/node')).body, /خبر للنشر عن Hamra/);
      assert.match((await agents.editor!.get('/ar/search?q=Hamra')).body, /خبر للنشر عن Hamra/);
      const before = (await site.runtime.store.revisions.revisionsOf(nid)).length;
      await post('editor', `/ar/admin/content/${nid}/edit`, articleFields({ title: 'خبر للنشر عن Hamra', slug: 'خبر-للنشر' }));
      await post('editor', `/ar/admin/content/${nid}/edit`, articleFields({ title: 'خبر للنشر عن Hamra', slug: 'خبر-للنشر' }));
      assert.equal((await site.runtime.store.revisions.revisionsOf(nid)).length, before, 'the same content is one revision');
      const actions = (await site.runtime.audit.list('cli', { limit: 20, subject: { type: 'node', id: String(nid) } })).map((e) => e.action);
      assert.ok(actions.includes('article.publish'));
    });

    test('a published article\'s new slug: the old path answers 301 to the new one, over a real socket too', async () => {
      const nid = await draft('editor', { title: 'عنوان أول', slug: 'عنوان-أول' });
      await post('editor', `/ar/admin/content/${nid}/edit`, articleFields({ title: 'عنوان أول', slug: 'عنوان-أول', op: 'publish' }));
      const renamed = await post('editor', `/ar/admin/content/${nid}/edit`, articleFields({ title: 'عنوان أول', slug: 'عنوان-جديد' }));
      assert.equal(renamed.status, 303);
      assert.equal((await row(nid))?.path, 'content/عنوان-جديد');
      const old = await agents.editor!.get('/ar/content/عنوان-أول');
      assert.equal(old.status, 301);
      assert.equal(old.headers.location, `/ar/content/${encodeURIComponent('عنوان-جديد')}`);
      await site.folio.app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const socket = new StaffAgent({ port: (site.folio.app.server.address() as AddressInfo).port }, '198.51.100.200');
        const wire = await socket.get('/ar/content/عنوان-أول');
        assert.equal(wire.status, 301);
        assert.equal(wire.headers.location, `/ar/content/${encodeURIComponent('عنوان-جديد')}`);
        assert.equal((await socket.get(String(wire.headers.location))).status, 200);
      } finally {
        await site.folio.app.close();
      }
    });
  });
}
