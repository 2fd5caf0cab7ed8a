import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.ts';
import { openRuntime } from '../src/runtime.ts';
import type { ArticleFormValues } from '../src/domain/article-form.ts';
import { percentile } from './cluster-bench.ts';

/** What the article save benchmark measured, in milliseconds. */
export interface ArticleSaveResult {
  readonly saves: number;
  readonly save: { readonly p50: number; readonly p99: number };
  readonly baseline: { readonly p50: number; readonly p99: number };
}

const BODY = Array.from({ length: 12 }, (_, i) => `<p>فقرة ${i + 1} من تقرير عن مرفأ بيروت، مع اسم Lea al-Qazzi والرقم ${i * 7}. <a href="https://example.org/${i}">مصدر</a></p>`).join('\n');

/**
 * An editor's save through ArticleEditingService (checks, sanitising, tags and authors, one
 * transaction with its revision, the audit event), `count` times on one article with a changed
 * body each time; the baseline is `folio article add`'s path (PublishingService.addArticle) in
 * the same run, on the same database.
 */
export async function measureArticleSave(count: number): Promise<ArticleSaveResult> {
  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-save-'));
  const runtime = await openRuntime(loadConfig({ FOLIO_BASE_URL: 'http://bench.test' }, { databaseUrl: `sqlite:${join(dir, 'folio.db')}`, port: 0 }));
  try {
    const ar = runtime.editions.get('ar');
    await runtime.publishing.addSection(ar, { name: 'سياسة', slug: 'politics' });
    await runtime.auth.addUser({ name: 'bench-editor', email: null, password: 'a long bench password', role: 'editor' });
    const editor = (await runtime.people.findUser('bench-editor'))!;
    const values = (i: number): ArticleFormValues => ({
      title: `تقرير رقم ${i}`, slug: '', summary: '', body: `${BODY}\n<p>${i}</p>`, section: 'politics', tags: 'مرفأ، Beirut', authors: 'سلمى', credit: '(دفتر المشرق)',
      photoSrc: '', photoCaption: '', photoCredit: '', promoted: true, sticky: false, comments: '', translationOf: '', publishAt: '',
    });
    const { nid } = await runtime.newsroom.create(editor, ar, values(0), 'save');
    const time = async (work: () => Promise<unknown>) => {
      const start = process.hrtime.bigint();
      await work();
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const saves: number[] = [];
    const adds: number[] = [];
    for (let i = 1; i <= count; i++) {
      saves.push(await time(() => runtime.newsroom.save(editor, ar, nid, values(i), 'save')));
      adds.push(await time(() => runtime.publishing.addArticle(ar, {
        title: `تقرير CLI ${i}`, body: `${BODY}\n<p>${i}</p>`, published: new Date(), section: 'politics', authors: ['سلمى'], tags: ['مرفأ', 'Beirut'],
        credit: '(دفتر المشرق)', summary: null, slug: null, photo: null, comments: null, translationOf: null,
      })));
    }
    return { saves: count, save: { p50: percentile(saves, 50), p99: percentile(saves, 99) }, baseline: { p50: percentile(adds, 50), p99: percentile(adds, 99) } };
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run bench -- newsroom`: prints the article save row. */
export async function articleSaveSection(count = Number(process.env.FOLIO_BENCH_SAVES ?? 300)): Promise<void> {
  const r = await measureArticleSave(count);
  const f = (n: number) => n.toFixed(2);
  console.log(`\nArticle save benchmark: ${r.saves} saves of one Arabic article through ArticleEditingService (SQLite), against \`folio article add\`'s path in the same run\n`);
  console.log(`article save p50/p99: ${f(r.save.p50)} / ${f(r.save.p99)} ms; baseline (PublishingService.addArticle) ${f(r.baseline.p50)} / ${f(r.baseline.p99)} ms; ratio p50 ${f(r.save.p50 / r.baseline.p50)}, p99 ${f(r.save.p99 / r.baseline.p99)}`);
}
