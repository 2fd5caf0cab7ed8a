import type { Kysely } from 'kysely';
import type {
  ImportedAuthor, ImportedBlog, ImportedComment, ImportedGone, ImportedRedirect, ImportedNode, ImportedRevision, ImportedTerm, ImportedUser, ImportedCorrection, ImportProvenance,
} from '../../domain/import-record.ts';
import type { CommentPolicy } from '../../domain/edition.ts';
import type { NodeKind, Vocabulary } from '../../domain/content.ts';
import type { Database } from '../schema.ts';
import type { ExportQueries } from '../types.ts';
import { photoOf } from './row-mappers.ts';

const FROM_FOLIO: ImportProvenance = { source: 'folio', originalUrl: null, capturedAt: null };

/**
 * Everything an edition holds, as import records: Folio's JSON export is the importer's own
 * input format, so an export restores through the same code path as any other import.
 */
export class KyselyExportQueries implements ExportQueries {
  constructor(private readonly db: Kysely<Database>) {}

  async editions(): Promise<string[]> {
    const rows = await this.db.selectFrom('nodes').select('edition').distinct().execute();
    const terms = await this.db.selectFrom('terms').select('edition').distinct().execute();
    return [...new Set([...rows, ...terms].map((r) => r.edition))].sort();
  }

  private async legacyPaths(edition: string, type: string, ids: readonly number[]): Promise<Map<number, string[]>> {
    const found = new Map<number, string[]>();
    if (ids.length === 0) return found;
    const rows = await this.db.selectFrom('path_aliases').select(['target_id', 'path']).where('edition', '=', edition)
      .where('target_type', '=', type).where('canonical', '=', 0).where('target_id', 'in', [...ids]).orderBy('path').execute();
    for (const r of rows) found.set(Number(r.target_id), [...(found.get(Number(r.target_id)) ?? []), r.path]);
    return found;
  }

  /**
   * What the importer remembered of items (import_items.state) that has no column of its own: a
   * generic item's source type, the files an item referenced, a term's further parents.
   */
  private async importStates(edition: string, type: string, ids: readonly number[]): Promise<Map<number, { sourceType?: string; files?: string[]; otherParentTids?: number[] }>> {
    const found = new Map<number, { sourceType?: string; files?: string[]; otherParentTids?: number[] }>();
    if (ids.length === 0) return found;
    const rows = await this.db.selectFrom('import_items').select(['folio_id', 'state']).where('edition', '=', edition).where('item_type', '=', type)
      .where('folio_id', 'in', [...ids]).execute();
    for (const r of rows) {
      try {
        found.set(Number(r.folio_id), JSON.parse(r.state) as { sourceType?: string; files?: string[]; otherParentTids?: number[] });
      } catch {
        // A state that is not JSON carries nothing to export.
      }
    }
    return found;
  }

  /** Redirects of old paths to pages at fixed routes (migration 008), as redirect records. */
  async pathRedirects(edition: string): Promise<ImportedRedirect[]> {
    const rows = await this.db.selectFrom('path_redirects').select(['path', 'location']).where('edition', '=', edition).orderBy('path').execute();
    return rows.map((r) => ({ type: 'redirect', from: r.path, to: r.location, fixedRoute: true, provenance: FROM_FOLIO }));
  }

  /**
   * Old paths of blogs and authors (a blogger's `user/<uid>`, an alias of it), as redirects to the
   * canonical path: their records carry no list of old paths. A blog's own `blog/<uid>` is implied.
   */
  async itemRedirects(edition: string): Promise<ImportedRedirect[]> {
    const rows = await this.db.selectFrom('path_aliases as p')
      .innerJoin('path_aliases as c', (j) => j.onRef('c.edition', '=', 'p.edition').onRef('c.target_type', '=', 'p.target_type').onRef('c.target_id', '=', 'p.target_id').on('c.canonical', '=', 1))
      .leftJoin('blogs as b', (j) => j.onRef('b.bid', '=', 'p.target_id').on('p.target_type', '=', 'blog'))
      .select(['p.path as from', 'c.path as to', 'b.uid'])
      .where('p.edition', '=', edition).where('p.canonical', '=', 0).where('p.target_type', 'in', ['blog', 'author']).orderBy('p.path').execute();
    return rows.filter((r) => r.uid === null || r.from !== `blog/${r.uid}`)
      .map((r) => ({ type: 'redirect', from: r.from, to: r.to, provenance: FROM_FOLIO }));
  }

  /** Parents before children, so an import files each term under a parent it already has. */
  async terms(edition: string): Promise<ImportedTerm[]> {
    const rows = await this.db.selectFrom('terms').selectAll().where('edition', '=', edition).orderBy('tid').execute();
    const legacy = await this.legacyPaths(edition, 'term', rows.map((r) => Number(r.tid)));
    const states = await this.importStates(edition, 'term', rows.map((r) => Number(r.tid)));
    const byTid = new Map(rows.map((r) => [Number(r.tid), r]));
    const depth = (tid: number, seen = 0): number => {
      const parent = byTid.get(tid)?.parent_tid;
      return parent === null || parent === undefined || seen > 8 ? 0 : 1 + depth(Number(parent), seen + 1);
    };
    return rows.sort((a, b) => depth(Number(a.tid)) - depth(Number(b.tid)) || Number(a.tid) - Number(b.tid)).map((r) => ({
      type: 'term', key: `term/${r.tid}`, tid: Number(r.tid), vocabulary: r.vocabulary as Vocabulary, name: r.name, path: r.path,
      legacyPaths: legacy.get(Number(r.tid)) ?? [], parentKey: r.parent_tid === null ? null : `term/${r.parent_tid}`, weight: Number(r.weight),
      ...((states.get(Number(r.tid))?.otherParentTids?.length ?? 0) > 0 ? { otherParentKeys: states.get(Number(r.tid))!.otherParentTids!.map((t) => `term/${t}`) } : {}),
      provenance: FROM_FOLIO,
    }));
  }

  async authors(edition: string): Promise<ImportedAuthor[]> {
    const rows = await this.db.selectFrom('authors').selectAll().where('edition', '=', edition).orderBy('aid').execute();
    return rows.map((r) => ({ type: 'author', key: `author/${r.slug}`, name: r.name, slug: r.slug, provenance: FROM_FOLIO }));
  }

  async blogs(edition: string): Promise<ImportedBlog[]> {
    const rows = await this.db.selectFrom('blogs').selectAll().where('edition', '=', edition).orderBy('bid').execute();
    return rows.map((r) => ({ type: 'blog', key: `blog/${r.uid}`, uid: Number(r.uid), title: r.title, slug: r.slug, ownerName: r.owner_name, provenance: FROM_FOLIO }));
  }

  /** Nodes after `afterNid`, every revision included (oldest first, the current one last). */
  async nodes(edition: string, afterNid: number, limit: number): Promise<ImportedNode[]> {
    const rows = await this.db.selectFrom('nodes').selectAll().where('edition', '=', edition).where('nid', '>', afterNid).orderBy('nid').limit(limit).execute();
    if (rows.length === 0) return [];
    const nids = rows.map((r) => Number(r.nid));
    const legacy = await this.legacyPaths(edition, 'node', nids);
    const states = await this.importStates(edition, 'node', nids);
    const tags = await this.db.selectFrom('node_terms').innerJoin('terms', 'terms.tid', 'node_terms.tid').select(['node_terms.nid', 'terms.tid'])
      .where('node_terms.nid', 'in', nids).where('terms.vocabulary', '=', 'tag').orderBy('terms.tid').execute();
    const bylines = await this.db.selectFrom('node_authors').innerJoin('authors', 'authors.aid', 'node_authors.aid').select(['node_authors.nid', 'authors.name'])
      .where('node_authors.nid', 'in', nids).orderBy('node_authors.nid').orderBy('node_authors.position').execute();
    const blogs = await this.db.selectFrom('blogs').select(['bid', 'uid']).where('edition', '=', edition).execute();
    const revisions = await this.db.selectFrom('node_revisions').selectAll().where('nid', 'in', nids).orderBy('nid').orderBy('revised_at').orderBy('saved_seq').orderBy('content_hash').execute();
    const sets = new Map((await this.db.selectFrom('translations').select(['nid', 'tnid']).where('nid', 'in', nids).execute()).map((t) => [Number(t.nid), Number(t.tnid)]));
    const listed = await this.db.selectFrom('landing_items').select(['landing_nid as nid', 'nid as item']).where('landing_nid', 'in', nids).orderBy('landing_nid').orderBy('position').execute();
    const group = <T extends { nid: number }>(list: readonly T[]) => {
      const map = new Map<number, T[]>();
      for (const item of list) map.set(Number(item.nid), [...(map.get(Number(item.nid)) ?? []), item]);
      return map;
    };
    const tagsBy = group(tags);
    const bylinesBy = group(bylines);
    const revisionsBy = group(revisions);
    const uidOf = new Map(blogs.map((b) => [Number(b.bid), Number(b.uid)]));
    const listedBy = group(listed);
    return rows.map((r) => {
      const nid = Number(r.nid);
      const current: ImportedRevision = {
        vid: null, title: r.title, body: r.body_html, bodyFormat: 'full_html', summary: r.summary, credit: r.credit,
        photo: photoOf(r), revisedAt: Number(r.updated_at), log: null,
      };
      const stored = (revisionsBy.get(nid) ?? []).map((v): ImportedRevision => ({
        vid: v.source_vid === null ? null : Number(v.source_vid), title: v.title, body: v.body_html, bodyFormat: 'full_html', summary: v.summary,
        credit: v.credit, photo: photoOf(v),
        revisedAt: Number(v.revised_at), log: v.log,
      }));
      // Items published before revisions were kept (the demo, live publishing) have their row as their one version.
      const history = stored.length === 0 ? [current] : stored;
      const blogUid = r.blog_id === null ? undefined : uidOf.get(Number(r.blog_id));
      return {
        type: 'node', key: `node/${nid}`, nid, kind: r.kind as NodeKind, path: r.path, legacyPaths: legacy.get(nid) ?? [], published: Number(r.status) === 1,
        promoted: Number(r.promoted) === 1, publishedAt: Number(r.published_at), showDate: Number(r.show_date) === 1,
        sectionKey: r.section_tid === null ? null : `term/${r.section_tid}`, tagKeys: (tagsBy.get(nid) ?? []).map((t) => `term/${t.tid}`),
        authors: (bylinesBy.get(nid) ?? []).map((a) => a.name), blogKey: blogUid === undefined ? null : `blog/${blogUid}`,
        commentPolicy: r.comment_policy as CommentPolicy | null, revisions: history,
        files: states.get(nid)?.files ?? (r.photo_src ? [r.photo_src] : []),
        ...(states.get(nid)?.sourceType ? { sourceType: states.get(nid)!.sourceType! } : {}),
        // A teaser-only item's count from its old listing (migration 017), so a restore shows it too.
        ...(Number(r.listed_comments) > 0 ? { listedComments: Number(r.listed_comments) } : {}),
        translationSet: sets.get(nid) ?? null, landingItems: (listedBy.get(nid) ?? []).map((l) => `node/${l.item}`), provenance: FROM_FOLIO,
      };
    });
  }

  /** Comments of an edition's nodes after `afterCid`, private fields included (the export marks them). */
  async comments(edition: string, afterCid: number, limit: number): Promise<ImportedComment[]> {
    const rows = await this.db.selectFrom('comments').innerJoin('nodes', 'nodes.nid', 'comments.nid').selectAll('comments')
      .where('nodes.edition', '=', edition).where('comments.cid', '>', afterCid).orderBy('comments.cid').limit(limit).execute();
    return rows.map((c) => ({
      type: 'comment', key: `comment/${c.cid}`, cid: Number(c.cid), nodeKey: `node/${c.nid}`, parentKey: c.pid === null ? null : `comment/${c.pid}`,
      thread: c.thread, published: Number(c.status) === 1, spam: Number(c.status) === 2, name: c.name, email: c.email, homepage: c.homepage,
      hostname: c.hostname, ...(c.uid !== null && Number(c.uid) > 0 ? { accountId: Number(c.uid) } : {}), subject: c.subject, body: c.body, format: c.format as ImportedComment['format'],
      createdAt: Number(c.created_at), changedAt: Number(c.changed_at), provenance: FROM_FOLIO,
    }));
  }

  /** Older paths (canonical=0) after `afterPath` in path order: what must keep redirecting. */
  async legacyAliases(edition: string, afterPath: string, limit: number): Promise<string[]> {
    const rows = await this.db.selectFrom('path_aliases').select('path').where('edition', '=', edition).where('canonical', '=', 0)
      .where('path', '>', afterPath).orderBy('path').limit(limit).execute();
    return rows.map((r) => r.path);
  }

  async corrections(edition: string): Promise<ImportedCorrection[]> {
    const rows = await this.db.selectFrom('corrections').selectAll().where('edition', '=', edition).orderBy('id').execute();
    return rows.map((c) => ({
      type: 'correction', key: `correction/${c.id}`, id: Number(c.id), nodeKey: c.nid === null ? null : `node/${c.nid}`,
      kind: c.kind as ImportedCorrection['kind'], title: c.title, bodyHtml: c.body_html, publishedAt: Number(c.published_at), provenance: FROM_FOLIO,
    }));
  }

  /** Users; their password hashes only when asked (a backup meant to restore sign-ins). */
  async users(includeSecrets: boolean): Promise<ImportedUser[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('uid').execute();
    return rows.map((u) => ({ type: 'user', name: u.name, email: u.email, role: u.role, passwordHash: includeSecrets ? u.password_hash : null, createdAt: Number(u.created_at) }));
  }

  async gone(edition: string): Promise<ImportedGone[]> {
    const rows = await this.db.selectFrom('gone_paths').selectAll().where('edition', '=', edition).orderBy('path').execute();
    return rows.map((g) => ({ type: 'gone', path: g.path, reason: g.reason, provenance: FROM_FOLIO }));
  }
}
