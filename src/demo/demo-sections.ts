import type { TermWrite } from '../store/types.ts';
import { slugify } from '../text/slugify.ts';
import type { Region } from './english-lexicon.ts';
import type { EnglishTopic } from './english-prose.ts';
import { WeightedTable } from './seeded-random.ts';

/** A section of the demo paper: where it sits in the tree and how much of the output it gets. */
export interface SectionSpec {
  /** Stable key used by the generators, e.g. "politics/syria". */
  readonly key: string;
  readonly name: string;
  /** Latin slug for the path; when absent the slug of the name is used. */
  readonly slug?: string;
  readonly parent?: string;
  /** Share of sectioned items filed directly here (parents may have 0 and only count via children). */
  readonly share: number;
  readonly topic: EnglishTopic;
  readonly region: Region;
}

/** A section with its term id and path, ready to file nodes under. */
export interface PlacedSection extends SectionSpec {
  readonly tid: number;
  readonly parentTid: number | null;
  readonly path: string;
  /** The section and its parent: what a node's termIds must carry for both listings. */
  readonly termIds: readonly number[];
}

// Shares follow docs/original-site.md "Content shape" (of all items: Politics 45%, Culture &
// Society 25%, Economy 7%, Series and Features 5%, Portraits 3%); here they are relative to the
// sectioned items, and the generator scales them by the sectioned fraction.
/** The English edition's sections. */
export const ENGLISH_SECTIONS: readonly SectionSpec[] = [
  { key: 'politics', name: 'Politics', share: 0, topic: 'politics', region: 'lebanon' },
  { key: 'politics/lebanon', name: 'Lebanon', parent: 'politics', share: 12, topic: 'politics', region: 'lebanon' },
  { key: 'politics/syria', name: 'Syria', parent: 'politics', share: 12, topic: 'politics', region: 'syria' },
  { key: 'politics/palestine', name: 'Palestine', parent: 'politics', share: 8, topic: 'politics', region: 'palestine' },
  { key: 'politics/arab-world', name: 'Arab World', parent: 'politics', share: 6, topic: 'politics', region: 'arab-world' },
  { key: 'politics/iraq', name: 'Iraq', parent: 'politics', share: 2.5, topic: 'politics', region: 'iraq' },
  { key: 'politics/egypt', name: 'Egypt', parent: 'politics', share: 2, topic: 'politics', region: 'egypt' },
  { key: 'politics/gulf', name: 'Gulf', parent: 'politics', share: 1.5, topic: 'politics', region: 'gulf' },
  { key: 'politics/international', name: 'International', parent: 'politics', share: 1, topic: 'politics', region: 'international' },
  { key: 'culture-society', name: 'Culture & Society', share: 25, topic: 'culture', region: 'lebanon' },
  { key: 'economy', name: 'Economy', share: 7, topic: 'economy', region: 'lebanon' },
  { key: 'series-features', name: 'Series and Features', share: 5, topic: 'series', region: 'syria' },
  { key: 'portraits', name: 'Portraits', share: 3, topic: 'portrait', region: 'lebanon' },
];

/** The Arabic edition's sections (Latin slugs, as the original's Arabic site used). */
export const ARABIC_SECTIONS: readonly SectionSpec[] = [
  { key: 'politics', name: 'سياسة', slug: 'politics', share: 0, topic: 'politics', region: 'lebanon' },
  { key: 'politics/lebanon', name: 'لبنان', slug: 'lebanon', parent: 'politics', share: 25, topic: 'politics', region: 'lebanon' },
  { key: 'politics/palestine', name: 'فلسطين', slug: 'palestine', parent: 'politics', share: 18, topic: 'politics', region: 'palestine' },
  { key: 'politics/syria', name: 'سوريا', slug: 'syria', parent: 'politics', share: 12, topic: 'politics', region: 'syria' },
  { key: 'culture-society', name: 'ثقافة ومجتمع', slug: 'culture-society', share: 28, topic: 'culture', region: 'lebanon' },
  { key: 'economy', name: 'اقتصاد', slug: 'economy', share: 17, topic: 'economy', region: 'lebanon' },
];

/** Section terms with ids from `nextTid`, paths `section/<slug>` and `section/<parent>/<child>`. */
export function placeSections(specs: readonly SectionSpec[], nextTid: () => number): PlacedSection[] {
  const placed = new Map<string, PlacedSection>();
  specs.forEach((spec) => {
    const parent = spec.parent === undefined ? undefined : placed.get(spec.parent);
    if (spec.parent !== undefined && parent === undefined) throw new RangeError(`Section ${spec.key} listed before its parent`);
    const tid = nextTid();
    const slug = spec.slug ?? slugify(spec.name);
    const path = parent ? `${parent.path}/${slug}` : `section/${slug}`;
    placed.set(spec.key, { ...spec, tid, parentTid: parent?.tid ?? null, path, termIds: parent ? [tid, parent.tid] : [tid] });
  });
  return [...placed.values()];
}

/** The TermWrites for placed sections; weights keep the menu in the order listed. */
export function sectionTerms(sections: readonly PlacedSection[]): TermWrite[] {
  return sections.map((s, i) => ({ tid: s.tid, vocabulary: 'section', name: s.name, path: s.path, parentTid: s.parentTid, weight: i }));
}

/** A weighted draw over the sections that take items directly. */
export function sectionTable(sections: readonly PlacedSection[]): WeightedTable<PlacedSection> {
  const leaves = sections.filter((s) => s.share > 0);
  return new WeightedTable(leaves, leaves.map((s) => s.share));
}

/** Fraction of sectioned items filed under each section key (children counted on their own key). */
export function sectionShares(sections: readonly SectionSpec[]): Map<string, number> {
  const total = sections.reduce((a, s) => a + s.share, 0);
  return new Map(sections.map((s) => [s.key, s.share / total]));
}
