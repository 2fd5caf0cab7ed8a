import type { ImportedBlog } from '../domain/import-record.ts';
import type { MutableBatch } from './batch.ts';
import type { ReportedItem } from './import-report.ts';
import { actionOf, itemRow, type RunState } from './run-state.ts';

/** Turns blog records into blog rows, keeping the owner's uid as the blog id when it is free (/blog/<uid>). */
export class BlogBuilder {
  constructor(private readonly run: RunState) {}

  async resolve(records: readonly ImportedBlog[], batch: MutableBatch, reported: ReportedItem[]): Promise<void> {
    const { run } = this;
    const stored = await run.service.findItems(run.edition, 'blog', records.map((r) => r.key));
    const taken = await run.service.takenIds('blog', records.map((r) => r.uid));
    for (const r of records) {
      const before = run.blogIds.get(r.key) ?? (stored.has(r.key) ? { bid: stored.get(r.key)!.id, state: stored.get(r.key)!.state } : undefined);
      const bid = before?.bid ?? (!taken.has(r.uid) && !run.ids.blog.claimedInRun(r.uid) ? run.ids.blog.claim(r.uid) : run.ids.blog.fresh());
      const state = JSON.stringify({ uid: r.uid, title: r.title, slug: r.slug, ownerName: r.ownerName });
      run.blogIds.set(r.key, { bid, state });
      const action = actionOf(before?.state, state);
      reported.push({ type: 'blog', key: r.key, id: bid, action, path: `blogs/${r.slug}`, legacyPaths: [`blog/${r.uid}`] });
      if (action === 'unchanged') continue;
      batch.blogs.push({ bid, uid: r.uid, title: r.title, slug: r.slug, ownerName: r.ownerName });
      batch.items.push(itemRow('blog', r.key, bid, state, r.provenance));
    }
  }
}
