import type { TermWrite } from '../store/types.ts';
import { slugify } from '../text/slugify.ts';
import type { PathRegistry } from './path-registry.ts';
import { WeightedTable, type SeededRandom } from './seeded-random.ts';

/** A tag every edition has from the start, with the share of items it should end up on. */
export interface FixedTagSpec {
  readonly name: string;
  /** Latin slug for the path; when absent the slug of the name is used. */
  readonly slug?: string;
  /** Target share of tagged-eligible items carrying this tag. */
  readonly share: number;
  /** A section key whose items carry the tag with `boostProbability` (the rest make up the share). */
  readonly boostSection?: string;
  readonly boostProbability?: number;
  /** No alias: reachable only as /taxonomy/term/<tid>. */
  readonly pathless?: boolean;
}

/** The long tail: many small tags made on first use. */
export interface TailSpec {
  /** Probability that an item gets a first, and then a second, tail tag. */
  readonly first: number;
  readonly second: number;
  /** Invents a tag name; may repeat, the picker makes names unique. */
  readonly name: (rng: SeededRandom) => string;
}

interface FixedTag {
  readonly tid: number;
  readonly base: number;
  readonly boostSection: string | undefined;
  readonly boost: number;
}

interface OpenTailTag {
  tid: number;
  left: number;
}

// Tail tags end up with 1 to 8 items (docs/original-site.md "Content shape": "a long tail of 1 to 8 items"), small ones commonest.
const TAIL_SIZES = new WeightedTable([1, 2, 3, 4, 5, 6, 7, 8], [30, 20, 14, 10, 8, 7, 6, 5]);
// Several tail tags are open at once, so a small story's items are spread over a few days.
const OPEN_TAIL_TAGS = 8;

/**
 * Chooses the tags of each item: fixed tags by probability (giant and mid-sized ones, boosted
 * in their own section) plus long-tail tags created the first time they are used. Every tag is
 * written only once something uses it, so none is empty; new terms wait in `drainNewTerms()`
 * for the next batch.
 */
export class TagPicker {
  private readonly fixed: FixedTag[] = [];
  private readonly fixedByName = new Map<string, number>();
  private readonly open: (OpenTailTag | undefined)[] = new Array<OpenTailTag | undefined>(OPEN_TAIL_TAGS).fill(undefined);
  private readonly names = new Set<string>();
  private pending: TermWrite[] = [];
  // Fixed tags get their ids up front (so they are numbered in list order) but are written on
  // first use: a small edition may never use a rare one, and an empty tag page helps no one.
  private readonly unwritten = new Map<number, TermWrite>();
  private created = 0;
  /** Tid of the one fixed tag without an alias, if any. */
  readonly pathlessTid: number | undefined;

  constructor(
    private readonly rng: SeededRandom,
    fixed: readonly FixedTagSpec[],
    sectionShare: (key: string) => number,
    private readonly tail: TailSpec | null,
    private readonly nextTid: () => number,
    private readonly paths: PathRegistry,
  ) {
    let pathless: number | undefined;
    for (const spec of fixed) {
      const tid = this.newTerm(spec.name, spec.pathless ? null : spec.slug);
      if (spec.pathless) pathless = tid;
      this.fixedByName.set(spec.name, tid);
      const s = spec.boostSection === undefined ? 0 : sectionShare(spec.boostSection);
      const boost = spec.boostProbability ?? 0;
      // Solve share = s·boost + (1 − s)·base for the base probability outside the boosted section.
      const base = s >= 1 ? 0 : Math.max(0, (spec.share - s * boost) / (1 - s));
      this.fixed.push({ tid, base, boostSection: spec.boostSection, boost });
    }
    this.pathlessTid = pathless;
  }

  /** Tag ids for one item filed under `sectionKey` (null for unsectioned items such as blog posts). */
  pick(sectionKey: string | null): number[] {
    const out: number[] = [];
    for (const tag of this.fixed) {
      const p = tag.boostSection !== undefined && tag.boostSection === sectionKey ? tag.boost : tag.base;
      if (this.rng.chance(p)) out.push(this.use(tag.tid));
    }
    if (this.tail && this.rng.chance(this.tail.first)) {
      out.push(this.takeTail());
      if (this.rng.chance(this.tail.second)) {
        const second = this.takeTail();
        if (!out.includes(second)) out.push(second);
      }
    }
    return out;
  }

  /** Marks a fixed tag as used by an item chosen outside `pick` (a landmark item), and returns it. */
  use(tid: number): number {
    const term = this.unwritten.get(tid);
    if (term) {
      this.unwritten.delete(tid);
      this.pending.push(term);
      this.created++;
    }
    return tid;
  }

  /** The tid of a fixed tag by name. */
  fixedTid(name: string): number | undefined {
    return this.fixedByName.get(name);
  }

  /** Terms created since the last call, to be saved before the nodes that use them. */
  drainNewTerms(): TermWrite[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  /** Number of tag terms written (or queued to be) so far. */
  get termCount(): number {
    return this.created;
  }

  private takeTail(): number {
    const slot = this.rng.int(0, OPEN_TAIL_TAGS - 1);
    let tag = this.open[slot];
    if (!tag || tag.left <= 0) {
      tag = { tid: this.use(this.newTerm(this.uniqueName(), undefined)), left: TAIL_SIZES.draw(this.rng) };
      this.open[slot] = tag;
    }
    tag.left--;
    return tag.tid;
  }

  private uniqueName(): string {
    const tail = this.tail as TailSpec;
    for (let i = 0; i < 4; i++) {
      const name = tail.name(this.rng);
      if (!this.names.has(name.toLowerCase())) return name;
    }
    const base = tail.name(this.rng);
    for (let n = 2; ; n++) if (!this.names.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
  }

  /** Numbers a tag (written on first use); slug null means no alias, undefined means the slug of the name. */
  private newTerm(name: string, slug: string | null | undefined): number {
    const tid = this.nextTid();
    this.names.add(name.toLowerCase());
    let path: string | null = null;
    if (slug !== null) {
      const base = slug ?? (slugify(name) || `term-${tid}`);
      path = this.paths.claim('tags', base);
    }
    this.unwritten.set(tid, { tid, vocabulary: 'tag', name, path, parentTid: null, weight: 0 });
    return tid;
  }
}
