import type { NodeWrite } from '../store/types.ts';

/** Which items a landing page lists. */
export type LandingRule = (node: NodeWrite, sectionKey: string | null) => boolean;

// A landing page lists a running story's items, newest first; past this many it is an archive,
// and the tag or section listing serves that better.
const MAX_LANDING_ITEMS = 200;

/**
 * Gathers the items of one special-coverage landing page as the stream passes them. Only the
 * newest MAX_LANDING_ITEMS nids are kept, so a 100,000-item seed holds a few hundred numbers.
 */
export class LandingCollector {
  private readonly nids: number[] = [];

  constructor(readonly landingNid: number, private readonly rule: LandingRule) {}

  /** Considers one written item. */
  offer(node: NodeWrite, sectionKey: string | null): void {
    if (node.path === null || !this.rule(node, sectionKey)) return;
    this.nids.push(node.nid);
    if (this.nids.length > MAX_LANDING_ITEMS * 2) this.nids.splice(0, this.nids.length - MAX_LANDING_ITEMS);
  }

  /** The nids to list, newest first. */
  items(): number[] {
    return this.nids.slice(-MAX_LANDING_ITEMS).reverse();
  }
}
