import { revisionFixity } from '../domain/revision-fixity.ts';
import type { FixityQueries } from '../store/types.ts';

/** One damaged item: what was recorded and what the stored content hashes to now. */
export interface FixityProblem {
  /** "revision" when a revision's content no longer matches its fixity value; "node" when a node's current content matches none of its revisions. */
  readonly kind: 'revision' | 'node';
  readonly nid: number;
  /** The node's edition and path, when the node row still exists (for naming it to a person). */
  readonly where: string | null;
  /** The revision's identity (content_hash), or the revision the node was compared with. */
  readonly revision: string | null;
  readonly expected: string | null;
  readonly actual: string;
}

/** What a full check found. */
export interface FixityReport {
  readonly revisions: number;
  readonly nodes: number;
  readonly problems: readonly FixityProblem[];
}

/** Rows read per query: big enough to amortise round trips, small enough for bodies in memory. */
const PAGE = 500;

/**
 * Recomputes every stored fixity value from the stored content (`folio verify`). Two checks:
 * each revision against its recorded SHA-256, and each node's current content against its
 * revisions, so a damaged page is caught whether the damage is in the history or in what is shown.
 */
export class FixityService {
  constructor(private readonly queries: FixityQueries) {}

  /** Checks everything, calling `onProgress(done, total)` as rows are read. */
  async verify(onProgress: (done: number, total: number) => void = () => {}): Promise<FixityReport> {
    const counts = await this.queries.counts();
    const total = counts.revisions + counts.nodes;
    const problems: FixityProblem[] = [];
    let done = 0;
    for (let after: { nid: number; contentHash: string } | null = null; ;) {
      const page = await this.queries.revisionsAfter(after, PAGE);
      if (page.length === 0) break;
      for (const r of page) {
        const actual = revisionFixity(r);
        if (actual !== r.fixitySha256) problems.push({ kind: 'revision', nid: r.nid, where: null, revision: r.contentHash, expected: r.fixitySha256, actual });
      }
      const last = page[page.length - 1]!;
      after = { nid: last.nid, contentHash: last.contentHash };
      onProgress((done += page.length), total);
    }
    for (let afterNid = 0; ;) {
      const nodes = await this.queries.nodesAfter(afterNid, PAGE);
      if (nodes.length === 0) break;
      const stamps = await this.queries.revisionStamps(nodes.map((n) => n.nid));
      for (const node of nodes) {
        const revisions = (stamps.get(node.nid) ?? []).sort((a, b) => b.revisedAt - a.revisedAt);
        // The node's content at a revision's time must hash to that revision's fixity value for one of them.
        if (revisions.some((r) => revisionFixity({ ...node, revisedAt: r.revisedAt }) === r.fixitySha256)) continue;
        const latest = revisions[0];
        problems.push({
          kind: 'node', nid: node.nid, where: `${node.edition}/${node.path ?? `node/${node.nid}`}`, revision: null,
          expected: latest?.fixitySha256 ?? null, actual: revisionFixity({ ...node, revisedAt: latest?.revisedAt ?? node.updatedAt }),
        });
      }
      afterNid = nodes[nodes.length - 1]!.nid;
      onProgress((done += nodes.length), total);
    }
    problems.sort((a, b) => a.nid - b.nid || a.kind.localeCompare(b.kind));
    return { revisions: counts.revisions, nodes: counts.nodes, problems };
  }
}
