import type { ImportedAuthor } from '../domain/import-record.ts';
import { slugify } from '../text/slugify.ts';
import type { MutableBatch } from './batch.ts';
import type { ImportAction, ReportedItem } from './import-report.ts';
import { itemRow, type RunState } from './run-state.ts';

/** Turns author records into author rows, keyed by slug so a byline and its record meet. */
export class AuthorBuilder {
  constructor(private readonly run: RunState) {}

  async resolve(records: readonly ImportedAuthor[], batch: MutableBatch, reported: ReportedItem[]): Promise<void> {
    const { run } = this;
    const stored = await run.service.authorsBySlug(run.edition, records.map((r) => r.slug ?? slugify(r.name)));
    for (const r of records) {
      const slug = r.slug ?? (slugify(r.name) || 'author');
      run.authorSlugs.set(r.name, slug);
      const known = run.authorIds.get(slug);
      if (known && known.name === r.name) continue;
      const aid = known?.aid ?? stored.get(slug) ?? run.ids.author.fresh();
      run.ids.author.claim(aid);
      const action: ImportAction = known === undefined && !stored.has(slug) ? 'imported' : 'updated';
      run.authorIds.set(slug, { aid, name: r.name });
      if (stored.has(slug) && known === undefined) {
        reported.push({ type: 'author', key: r.key, id: aid, action: 'unchanged', path: `author/${slug}`, legacyPaths: [] });
        continue;
      }
      batch.authors.push({ aid, name: r.name, slug });
      batch.items.push(itemRow('author', r.key, aid, JSON.stringify({ name: r.name, slug }), r.provenance));
      reported.push({ type: 'author', key: r.key, id: aid, action, path: `author/${slug}`, legacyPaths: [] });
    }
  }
}
