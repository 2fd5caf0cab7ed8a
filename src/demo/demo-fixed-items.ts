import type { NodeKind } from '../domain/content.ts';
import { slugify } from '../text/slugify.ts';
import type { CalendarDate } from './demo-calendar.ts';
import { ENGLISH_SECTIONS } from './demo-sections.ts';
import { ENGLISH_FIXED_TAGS } from './english-tags.ts';
import { FIRST_IDS } from './id-allocator.ts';

/** A node tests and pages can count on. */
export interface FixedNode {
  readonly nid: number;
  readonly path: string | null;
  readonly title: string;
}

/** The demo's landmark items: one of each special case the site must handle. */
export interface DemoFixedItems {
  /** "Editor's Corner", the corrections page. */
  readonly correctionsPage: FixedNode;
  /** The special-coverage landing page at /stl. */
  readonly landing: FixedNode;
  readonly landings: readonly FixedNode[];
  /** Two titles with the same slug: the second has "-0". */
  readonly slugCollision: readonly [FixedNode, FixedNode];
  /** An article with no alias, reachable only as /node/<nid>. */
  readonly nodeOnly: FixedNode;
  readonly coAuthored: FixedNode;
  readonly unsigned: FixedNode;
  /** An article with exactly one published comment (and none pending). */
  readonly oneComment: FixedNode;
  /** The first weekly newsletter. */
  readonly newsletter: FixedNode;
  /** The tag with no alias, reachable only as /taxonomy/term/<tid>; the node-only article carries it. */
  readonly taxonomyOnlyTag: { readonly tid: number; readonly name: string };
}

/** One landmark item of the English edition: placed at a fixed date with a reserved nid. */
export interface FixedItemSpec {
  readonly key: Exclude<keyof DemoFixedItems, 'landings' | 'taxonomyOnlyTag' | 'slugCollision'> | 'collisionFirst' | 'collisionSecond' | 'gazaLanding';
  /** Offset from the first English nid. */
  readonly slot: number;
  readonly kind: NodeKind;
  readonly title: string;
  /** null: no alias; 'root': the slug at the top level; 'content': content/<slug>; 'newsletter'. */
  readonly alias: 'root' | 'content' | 'newsletter' | null;
  /** An explicit slug instead of the title's. */
  readonly slug?: string;
  readonly date: CalendarDate;
  readonly time: readonly [number, number];
  readonly section?: string;
}

/** The English landmark items, in nid order. Their dates fall inside the archive's range. */
export const ENGLISH_FIXED_ITEMS: readonly FixedItemSpec[] = [
  { key: 'correctionsPage', slot: 0, kind: 'corrections', title: "Editor's Corner", alias: 'root', slug: 'editors-corner', date: { year: 2011, month: 9, day: 5 }, time: [10, 0] },
  { key: 'landing', slot: 1, kind: 'landing', title: 'Special Tribunal for Lebanon', alias: 'root', slug: 'stl', date: { year: 2012, month: 1, day: 16 }, time: [9, 30] },
  { key: 'gazaLanding', slot: 2, kind: 'landing', title: 'Gaza Under Fire', alias: 'root', slug: 'gaza-2014', date: { year: 2014, month: 7, day: 10 }, time: [11, 15] },
  { key: 'collisionFirst', slot: 3, kind: 'article', title: 'Bread queues in Tripoli, again', alias: 'content', date: { year: 2012, month: 5, day: 14 }, time: [13, 5], section: 'politics/lebanon' },
  { key: 'collisionSecond', slot: 4, kind: 'article', title: 'Bread Queues in Tripoli — Again', alias: 'content', date: { year: 2013, month: 2, day: 11 }, time: [16, 40], section: 'economy' },
  { key: 'nodeOnly', slot: 5, kind: 'article', title: 'Notes from a closed camp', alias: null, date: { year: 2012, month: 10, day: 3 }, time: [12, 20], section: 'politics/lebanon' },
  { key: 'coAuthored', slot: 6, kind: 'article', title: 'Two reporters, one border: a joint dispatch from Arsal', alias: 'content', date: { year: 2013, month: 6, day: 20 }, time: [18, 10], section: 'politics/lebanon' },
  { key: 'unsigned', slot: 7, kind: 'article', title: 'Ceasefire talks resume in Geneva amid low expectations', alias: 'content', date: { year: 2014, month: 3, day: 12 }, time: [8, 45], section: 'politics/international' },
  { key: 'oneComment', slot: 8, kind: 'article', title: 'The last ferry from Tyre', alias: 'content', date: { year: 2012, month: 11, day: 7 }, time: [15, 0], section: 'culture-society' },
  // The first newsletter's slot is reserved here; its body is built from the articles of its week.
  { key: 'newsletter', slot: 9, kind: 'newsletter', title: 'Week of Monday January 23, 2012', alias: 'newsletter', date: { year: 2012, month: 1, day: 30 }, time: [8, 0] },
];

/** Nids the regular stream leaves to the landmark items. */
export const RESERVED_NID_SLOTS = 10;

/** The canonical path a landmark item gets (collisions resolved as pathauto would). */
export function fixedItemPath(spec: FixedItemSpec): string | null {
  const slug = spec.slug ?? slugify(spec.title);
  switch (spec.alias) {
    case null: return null;
    case 'root': return slug;
    case 'newsletter': return `newsletter/${slug}`;
    case 'content': return spec.key === 'collisionSecond' ? `content/${slug}-0` : `content/${slug}`;
  }
}

/** The landmark items for a store whose English nids start at nidBase and term ids at tidBase. */
export function fixedItemsFor(nidBase: number, tidBase: number): DemoFixedItems {
  const node = (key: FixedItemSpec['key']): FixedNode => {
    const spec = ENGLISH_FIXED_ITEMS.find((s) => s.key === key) as FixedItemSpec;
    return { nid: nidBase + spec.slot, path: fixedItemPath(spec), title: spec.title };
  };
  const pathlessIndex = ENGLISH_FIXED_TAGS.findIndex((t) => t.pathless);
  const pathless = ENGLISH_FIXED_TAGS[pathlessIndex];
  return {
    correctionsPage: node('correctionsPage'),
    landing: node('landing'),
    landings: [node('landing'), node('gazaLanding')],
    slugCollision: [node('collisionFirst'), node('collisionSecond')],
    nodeOnly: node('nodeOnly'),
    coAuthored: node('coAuthored'),
    unsigned: node('unsigned'),
    oneComment: node('oneComment'),
    newsletter: node('newsletter'),
    // Sections are numbered first, then the fixed tags in list order.
    taxonomyOnlyTag: { tid: tidBase + ENGLISH_SECTIONS.length + pathlessIndex, name: pathless?.name ?? '' },
  };
}

/** The landmark items on a fresh store (English nids from 1000, term ids from 1). */
export const DEMO_FIXED_ITEMS: DemoFixedItems = fixedItemsFor(FIRST_IDS.node, FIRST_IDS.term);
