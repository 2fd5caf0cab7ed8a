import type { NodeKind } from '../domain/content.ts';
import type { CommentWrite, NodeWrite } from '../store/types.ts';
import type { DemoFixedItems } from './demo-fixed-items.ts';

/** What was written to one edition. */
export interface EditionCounts {
  readonly nodes: Readonly<Record<NodeKind, number>>;
  readonly nodesTotal: number;
  readonly terms: { readonly section: number; readonly tag: number };
  readonly authors: number;
  readonly blogs: number;
  /** Published comments (status 1) and those left waiting for approval (status 0). */
  readonly comments: { readonly published: number; readonly pending: number };
  readonly corrections: number;
  readonly firstNid: number;
  readonly lastNid: number;
}

/** What `generateDemo` did, for the CLI's closing line and for tests. */
export interface DemoReport {
  readonly seed: number;
  readonly editions: { readonly en: EditionCounts; readonly ar: EditionCounts };
  /** Items tests and pages may rely on (always equal to DEMO_FIXED_ITEMS). */
  readonly fixed: DemoFixedItems;
  /** English articles linked with an Arabic translation. */
  readonly translations: number;
  readonly elapsedMs: number;
}

/** Running counts for one edition while it is being written. */
export class EditionTally {
  private readonly nodes: Record<NodeKind, number> = { article: 0, blog_post: 0, page: 0, landing: 0, newsletter: 0, corrections: 0, generic: 0 };
  private published = 0;
  private pending = 0;
  private firstNid = Number.POSITIVE_INFINITY;
  private lastNid = 0;
  sectionTerms = 0;
  tagTerms = 0;
  authors = 0;
  blogs = 0;
  corrections = 0;

  /** Counts a node and its comments. */
  addNode(node: NodeWrite, comments: readonly CommentWrite[]): void {
    this.nodes[node.kind]++;
    this.firstNid = Math.min(this.firstNid, node.nid);
    this.lastNid = Math.max(this.lastNid, node.nid);
    for (const c of comments) {
      if (c.status === 1) this.published++;
      else this.pending++;
    }
  }

  /** Nodes counted so far. */
  get nodeCount(): number {
    return Object.values(this.nodes).reduce((a, b) => a + b, 0);
  }

  /** The frozen counts. */
  toCounts(): EditionCounts {
    return {
      nodes: { ...this.nodes },
      nodesTotal: this.nodeCount,
      terms: { section: this.sectionTerms, tag: this.tagTerms },
      authors: this.authors,
      blogs: this.blogs,
      comments: { published: this.published, pending: this.pending },
      corrections: this.corrections,
      firstNid: Number.isFinite(this.firstNid) ? this.firstNid : 0,
      lastNid: this.lastNid,
    };
  }
}
