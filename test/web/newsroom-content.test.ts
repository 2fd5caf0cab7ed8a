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
      assert.match(form.body, /<textarea id="field-body" name="body"[^>]* data-folio-editor="staff_html"/);
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

    test('a sticky article stays at the top of /ar/node and /ar/rss.xml above newer ones, as Drupal ordered the front page', async () => {
      const older = await draft('editor', { title: 'خبر مثبّت عن Saida', slug: 'خبر-مثبت', sticky: '1' });
      assert.equal((await post('editor', `/ar/admin/content/${older}/edit`, articleFields({ title: 'خبر مثبّت عن Saida', slug: 'خبر-مثبت', sticky: '1', op: 'publish' }))).status, 303);
      const newer = await draft('editor', { title: 'خبر أحدث عن Tyre', slug: 'خبر-أحدث' });
      assert.equal((await post('editor', `/ar/admin/content/${newer}/edit`, articleFields({ title: 'خبر أحدث عن Tyre', slug: 'خبر-أحدث', op: 'publish' }))).status, 303);
      for (const url of ['/ar/node', '/ar/rss.xml']) {
        const body = (await agents.editor!.get(url)).body;
        assert.ok(body.indexOf('خبر مثبّت عن Saida') >= 0 && body.indexOf('خبر مثبّت عن Saida') < body.indexOf('خبر أحدث عن Tyre'), `${url}: the sticky article first`);
      }
      // Unticked, it takes its place by date again.
      assert.equal((await post('editor', `/ar/admin/content/${older}/edit`, articleFields({ title: 'خبر مثبّت عن Saida', slug: 'خبر-مثبت' }))).status, 303);
      const body = (await agents.editor!.get('/ar/node')).body;
      assert.ok(body.indexOf('خبر أحدث عن Tyre') < body.indexOf('خبر مثبّت عن Saida'));
    });

    test('autosave: a POST of the form with X-Folio-Autosave answers JSON, saves only drafts, and checks CSRF', async () => {
      const agent = agents.writer!;
      const form = await agent.get('/ar/admin/content/new');
      const csrf = csrfTokenIn(form.body);
      const created = await site.folio.app.inject({
        method: 'POST', url: '/ar/admin/content/new', remoteAddress: agent.ip,
        headers: { cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded', 'x-folio-autosave': '1' },
        payload: new URLSearchParams({ _csrf: csrf, ...articleFields({ title: 'مسودة تُحفظ تلقائياً' }) }).toString(),
      });
      assert.equal(created.statusCode, 200);
      assert.equal(created.headers['cache-control'], 'no-store');
      const first = created.json() as { saved: boolean; revision: string; savedAt: number; nid: number; action: string };
      assert.equal(first.saved, true);
      assert.match(first.revision, /^[0-9a-f]{64}$/);
      assert.equal(typeof first.savedAt, 'number');
      assert.equal(first.action, `/ar/admin/content/${first.nid}/edit`);
      const autosave = (fields: Record<string, string>, token: string | null = csrf) => site.folio.app.inject({
        method: 'POST', url: `/ar/admin/content/${first.nid}/edit`, remoteAddress: agent.ip,
        headers: { cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded', 'x-folio-autosave': '1' },
        payload: new URLSearchParams({ ...(token ? { _csrf: token } : {}), ...fields }).toString(),
      });
      const again = await autosave(articleFields({ title: 'مسودة تُحفظ تلقائياً', body: '<p>فقرة ثانية</p>' }));
      assert.equal(again.statusCode, 200);
      assert.notEqual((again.json() as { revision: string }).revision, first.revision);
      const bad = await autosave(articleFields({ title: '' }));
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json(), { saved: false, message: 'لم تُحفظ المقالة: اكتب عنواناً للمقالة.', errors: { title: 'اكتب عنواناً للمقالة.' } });
      const forged = await autosave(articleFields({ title: 'مزوّر' }), null);
      assert.equal(forged.statusCode, 403);
      assert.equal((forged.json() as { saved: boolean }).saved, false);
      assert.equal((await row(first.nid))?.title, 'مسودة تُحفظ تلقائياً');
      // Once published, autosave refuses (a half-typed sentence never reaches readers).
      await post('editor', `/ar/admin/content/${first.nid}/edit`, articleFields({ title: 'مسودة تُحفظ تلقائياً', op: 'publish' }));
      const live = await autosave(articleFields({ title: 'تعديل نصف مكتوب' }));
      assert.equal(live.statusCode, 403, 'the writer may no longer edit it at all');
    });

    test('preview: the reader\'s template with a preview banner, never cached or indexed; suggestions come as JSON', async () => {
      const nid = await draft('writer', { title: 'معاينة مقالة Preview' });
      const preview = await agents.writer!.get(`/ar/admin/content/${nid}/preview`);
      assert.equal(preview.status, 200);
      assert.equal(preview.headers['cache-control'], 'no-store');
      assert.equal(preview.headers['x-robots-tag'], 'noindex, nofollow');
      assert.match(preview.body, /role="status"><p>معاينة: لا يرى القرّاء هذه الصفحة/);
      assert.match(preview.body, /<h1[^>]*>معاينة مقالة Preview<\/h1>/);
      assert.match(preview.body, /نص المقالة مع اسم Lea al-Qazzi/);
      const suggest = await agents.writer!.get('/ar/admin/content/suggest?kind=tag&q=beir');
      assert.equal(suggest.status, 200);
      assert.equal(suggest.headers['cache-control'], 'no-store');
      assert.deepEqual(JSON.parse(suggest.body), { names: ['Beirut Port'] });
      assert.deepEqual(JSON.parse((await agents.writer!.get('/ar/admin/content/suggest?kind=author&q=%25')).body), { names: [] }, 'a LIKE wildcard is matched literally');
      assert.equal((await new StaffAgent(site.folio.app, '198.51.100.250').get('/ar/admin/content/suggest?kind=tag&q=b')).status, 303);
    });

    test('unpublish answers 410; trash answers 410 until restored (as a draft); an admin empties the trash and the URLs stay 410', async () => {
      const nid = await draft('editor', { title: 'مقالة للسحب', slug: 'مقالة-للسحب' });
      await post('editor', `/ar/admin/content/${nid}/edit`, articleFields({ title: 'مقالة للسحب', slug: 'مقالة-للسحب', op: 'publish' }));
      assert.equal((await agents.editor!.get('/ar/content/مقالة-للسحب')).status, 200);
      const down = await post('editor', `/ar/admin/content/${nid}/unpublish`, {}, `/ar/admin/content/${nid}/edit`);
      assert.equal(down.status, 303);
      const gone = await agents.editor!.get('/ar/content/مقالة-للسحب');
      assert.equal(gone.status, 410);
      assert.doesNotMatch(gone.body, /سحب المحررون/, 'FOLIO_UNPUBLISHED=gone: the plain page');
      assert.doesNotMatch((await agents.editor!.get('/ar/rss.xml')).body, /مقالة للسحب/);
      assert.doesNotMatch((await agents.editor!.get('/ar/search?q=%D9%84%D9%84%D8%B3%D8%AD%D8%A8')).body, /مقالة للسحب/);

      const trashed = await post('editor', `/ar/admin/content/${nid}/trash`, {}, `/ar/admin/content/${nid}/edit`);
      assert.equal(trashed.status, 303);
      assert.equal((await agents.editor!.get('/ar/content/مقالة-للسحب')).status, 410);
      const list = await agents.admin!.get('/ar/admin/content?status=trash');
      assert.match(list.body, /<bdi>مقالة للسحب<\/bdi>/);
      assert.match(list.body, /action="\/ar\/admin\/content\/trash\/empty"/);
      assert.doesNotMatch((await agents.editor!.get('/ar/admin/content?status=trash')).body, /trash\/empty/, 'only admins are offered to empty it');
      assert.equal((await post('editor', '/ar/admin/content/trash/empty', {}, '/ar/admin/content')).status, 403);

      const restored = await post('editor', `/ar/admin/content/${nid}/restore`, {}, '/ar/admin/content?status=trash');
      assert.equal(restored.status, 303);
      assert.equal((await row(nid))?.status, NODE_STATUS.DRAFT);
      assert.equal((await row(nid))?.trashedAt, null);
      assert.equal((await agents.editor!.get('/ar/content/مقالة-للسحب')).status, 404, 'a draft again');

      await post('editor', `/ar/admin/content/${nid}/trash`, {}, `/ar/admin/content/${nid}/edit`);
      const emptied = await post('admin', '/ar/admin/content/trash/empty', {}, '/ar/admin/content?status=trash');
      assert.equal(emptied.status, 303);
      assert.match(String(emptied.headers.location), /done=emptied&count=1$/);
      assert.equal(await row(nid), undefined);
      assert.equal((await agents.editor!.get('/ar/content/مقالة-للسحب')).status, 410);
      assert.equal((await agents.editor!.get(`/ar/node/${nid}`)).status, 410);
      const actions = (await site.runtime.audit.list('cli', { limit: 50, actionPrefix: 'trash.' })).map((e) => e.action);
      assert.deepEqual(actions, ['trash.empty']);
      // Sorted: events recorded within one millisecond have no order between them in the log.
      const history = (await site.runtime.audit.list('cli', { limit: 50, subject: { type: 'node', id: String(nid) } })).map((e) => e.action).sort();
      assert.deepEqual(history, ['article.create', 'article.publish', 'article.restore-from-trash', 'article.save', 'article.trash', 'article.trash', 'article.unpublish']);
    });

    test('the front page: an editor chooses the lead story and the section order, and /ar/ shows them; bad choices come back', async () => {
      const nid = await draft('editor', { title: 'الخبر الرئيسي اليوم' });
      await post('editor', `/ar/admin/content/${nid}/edit`, articleFields({ title: 'الخبر الرئيسي اليوم', op: 'publish' }));
      const page = await agents.editor!.get('/ar/admin/front');
      assert.equal(page.status, 200);
      assert.equal(page.headers['cache-control'], 'no-store');
      assert.match(page.body, new RegExp(`<option value="${nid}">الخبر الرئيسي اليوم</option>`));
      const refused = await post('editor', '/ar/admin/front', { lead: '3001x', 'position-50': 'one' }, '/ar/admin/front');
      assert.equal(refused.status, 400);
      assert.match(refused.body, /id="error-sections">الترتيب أعداد صحيحة/);
      assert.match(refused.body, /name="position-50" value="one"/);
      const notPublished = await draft('editor', { title: 'مسودة لا تصلح' });
      const wrongLead = await post('editor', '/ar/admin/front', { lead: String(notPublished), 'position-50': '1' }, '/ar/admin/front');
      assert.equal(wrongLead.status, 400);
      assert.match(wrongLead.body, /id="error-lead">يجب أن يكون الخبر الرئيسي مقالة منشورة/);
      const saved = await post('editor', '/ar/admin/front', { lead: String(nid), 'position-50': '1' }, '/ar/admin/front');
      assert.equal(saved.status, 303);
      const home = await agents.editor!.get('/ar/');
      const lead = home.body.indexOf('block-lead');
      assert.ok(lead > 0, 'the lead block is on the home page');
      assert.ok(lead < home.body.indexOf('id="block-50"'), 'before the sections');
      assert.ok(home.body.indexOf('الخبر الرئيسي اليوم', lead) > lead);
      assert.equal((await agents.writer!.get('/ar/admin/front')).status, 403);
      assert.equal((await agents.editor!.get('/admin/front')).status, 404, 'the archive has no front page to arrange');
      const log = await site.runtime.audit.list('cli', { limit: 5, actionPrefix: 'front.' });
      assert.equal(log.length, 1);
      // Unpublishing the lead takes it off the home page at once.
      await post('editor', `/ar/admin/content/${nid}/unpublish`, {}, `/ar/admin/content/${nid}/edit`);
      assert.doesNotMatch((await agents.editor!.get('/ar/')).body, /block-lead/);
    });

    test('the English archive\'s content page says it is read-only and offers nothing that writes', async () => {
      const res = await agents.editor!.get('/admin/content');
      assert.equal(res.status, 200);
      assert.match(res.body, /This edition is a read-only archive/);
      const forms = [...res.body.matchAll(/<form [^>]*action="([^"]+)"[^>]*method="post"/g)].map((m) => m[1]);
      assert.deepEqual(forms, ['/user/logout'], 'signing out is the only form');
      assert.equal((await agents.editor!.get('/admin/content/new')).status, 404);
      await assert.rejects(site.runtime.newsroom.create((await site.runtime.store.users.findUserByName('editor'))!, site.runtime.editions.get('en'), {
        title: 'x', slug: '', summary: '', body: '', section: 'politics', tags: '', authors: '', credit: '', photoSrc: '', photoCaption: '', photoCredit: '',
        promoted: false, sticky: false, comments: '', translationOf: '', publishAt: '',
      }, 'save'), { code: 'READ_ONLY_EDITION' });
    });

    test('scheduling: a time in Beirut is stored as that instant, unseen until publishDue, which two runtimes on one database run once', async () => {
      const at = new Date(Date.now() + 2 * 3600_000);
      const wall = toWallClock(at, 'Asia/Beirut');
      const nid = await draft('editor', { title: 'مقالة مجدولة', slug: 'مقالة-مجدولة' });
      const past = await post('editor', `/ar/admin/content/${nid}/edit`, articleFields({ title: 'مقالة مجدولة', slug: 'مقالة-مجدولة', op: 'schedule', publishAt: '2020-01-01T10:00' }));
      assert.equal(past.status, 400);
      assert.match(past.body, /id="error-publishAt">يجب أن يكون وقت النشر في المستقبل/);
      assert.match(past.body, /name="publishAt" value="2020-01-01T10:00"/);
      const res = await post('editor', `/ar/admin/content/${nid}/edit`, articleFields({ title: 'مقالة مجدولة', slug: 'مقالة-مجدولة', op: 'schedule', publishAt: wall }));
      assert.equal(res.status, 303);
      const stored = await row(nid);
      assert.equal(stored?.status, NODE_STATUS.SCHEDULED);
      assert.equal(stored?.publishedAt, Math.floor(at.getTime() / 60_000) * 60);
      assert.equal((await agents.editor!.get('/ar/content/مقالة-مجدولة')).status, 404);
      assert.ok(!(await agents.editor!.get('/sitemap-news.xml')).body.includes(encodeURI('/ar/content/مقالة-مجدولة')), 'not in the news sitemap before its time');
      assert.match((await agents.editor!.get(`/ar/admin/content/${nid}/edit`)).body, new RegExp(`name="publishAt" value="${wall}"`));
      // Its time comes (moved back rather than waited for): a second runtime on the same database races the first.
      await site.runtime.store.desk.setStatus(site.runtime.editions.get('ar') as never, nid, NODE_STATUS.SCHEDULED, Math.floor(Date.now() / 1000) - 1, Math.floor(Date.now() / 1000));
      const { openStoreRuntime } = await import('../../src/runtime.ts');
      const other = await openStoreRuntime(site.runtime.config);
      try {
        const [a, b] = await Promise.all([site.runtime.publishing.publishDue(), other.publishing.publishDue()]);
        const published = [...a, ...b].filter((d) => d.nid === nid);
        assert.equal(published.length, 1, 'exactly one instance published it');
      } finally {
        await other.close();
      }
      assert.equal((await agents.editor!.get('/ar/content/مقالة-مجدولة')).status, 200);
      assert.match((await agents.editor!.get('/ar/rss.xml')).body, /مقالة مجدولة/);
      assert.ok((await agents.editor!.get('/sitemap-news.xml')).body.includes(encodeURI('/ar/content/مقالة-مجدولة')), 'in the news sitemap at its time');
      assert.match((await agents.editor!.get('/ar/search?q=%D9%85%D8%AC%D8%AF%D9%88%D9%84%D8%A9')).body, /مقالة مجدولة/, 'and in search');
    });
    // Last: it listens on a socket and closes the app afterwards.
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

for (const dialect of testDialects()) {
  describe(`FOLIO_UNPUBLISHED=notice (${dialect})`, () => {
    let site: TestSite;
    before(async () => {
      site = await openTestSite(dialect, seedFixture, { FOLIO_UNPUBLISHED: 'notice' });
    });
    after(async () => {
      await site.close();
    });

    test('an unpublished article\'s URL still answers 410, with a page saying the editors withdrew it, in the edition\'s language', async () => {
      await site.runtime.auth.addUser({ name: 'editor', email: null, password: PASSWORD, role: 'editor' });
      const editor = (await site.runtime.store.users.findUserByName('editor'))!;
      const ar = site.runtime.editions.get('ar');
      const values = { title: 'مقالة ستُسحب', slug: 'مقالة-ستسحب', summary: '', body: '<p>نص</p>', section: 'politics', tags: '', authors: '', credit: '', photoSrc: '', photoCaption: '', photoCredit: '', promoted: true, sticky: false, comments: '', translationOf: '', publishAt: '' };
      const { nid } = await site.runtime.newsroom.create(editor, ar, values, 'publish');
      assert.equal((await site.folio.app.inject({ url: `/ar/content/${encodeURIComponent('مقالة-ستسحب')}` })).statusCode, 200);
      await site.runtime.newsroom.unpublish(editor, ar, nid);
      const res = await site.folio.app.inject({ url: `/ar/content/${encodeURIComponent('مقالة-ستسحب')}` });
      assert.equal(res.statusCode, 410);
      assert.match(res.body, /سحب المحررون هذه المقالة/);
    });
  });
}
