import { sanctionedWriter } from '../domain/edition-guard.ts';
import { slugify } from '../text/slugify.ts';
import type { ArabicRegion } from './arabic-lexicon.ts';
import { AR_AGENCIES } from './arabic-lexicon.ts';
import { ArabicProse, type ArabicTopic } from './arabic-prose.ts';
import { ARABIC_TAGS } from './arabic-tags.ts';
import { AuthorRoster } from './author-roster.ts';
import { CommentMaker, drawCommentCount } from './comment-maker.ts';
import { interpolate, monthIndex, planDays, timesOfDay, type CalendarDate } from './demo-calendar.ts';
import { arabicPeople } from './demo-people.ts';
import { EditionTally, type EditionCounts } from './demo-report.ts';
import { ARABIC_SECTIONS, placeSections, sectionShares, sectionTable, sectionTerms, type PlacedSection } from './demo-sections.ts';
import type { EditionSeedInput } from './english-edition.ts';
import { escapeHtml } from './english-prose.ts';
import { NodeBatch, finishNode } from './node-batch.ts';
import { PathRegistry } from './path-registry.ts';
import type { SeededRandom } from './seeded-random.ts';
import { TagPicker } from './tag-picker.ts';
import { ARABIC_GIVEN_NAMES, ARABIC_FAMILY_NAMES } from './demo-names.ts';

// The live edition's demo content sits at fixed dates, not "now", so every run is identical.
const FIRST_DAY: CalendarDate = { year: 2024, month: 1, day: 8 };
const LAST_DAY: CalendarDate = { year: 2026, month: 1, day: 31 };
const VOLUME: readonly (readonly [number, number])[] = [[monthIndex(FIRST_DAY), 0.7], [monthIndex(LAST_DAY), 1.2]];
const WEEKDAY_VOLUME = [0.7, 1, 1, 1, 1, 0.9, 0.8]; // Sunday … Saturday
const ARABIC_PEOPLE = 16;
const UNSIGNED = 0.12;
const CO_AUTHORED_OF_SIGNED = 0.04;
const CAPTION_SCENES = ['طفل يمرّ قرب مبنى متضرر', 'محتجون يرددون هتافات', 'نساء في طابور أمام فرن', 'صيادون يصلحون شباكهم', 'طلاب في مسيرة', 'سكان يتفقدون الأنقاض'] as const;
// Teasers and leads are computed from the opening, which must hold well over 150 characters.
const OPENING_TEXT_CHARS = 300;

/** Writes the live Arabic edition: its sections, tags and authors, then `items` articles with comments. */
export async function seedArabicEdition(input: EditionSeedInput): Promise<EditionCounts> {
  const { writer, ids, rng } = input;
  const ed = sanctionedWriter(input.edition, 'demo-seed');
  const tz = input.edition.timeZone;
  const tally = new EditionTally();
  const paths = new PathRegistry();

  const sections = placeSections(ARABIC_SECTIONS, ids.counter('term'));
  await writer.saveTerms(ed, sectionTerms(sections));
  tally.sectionTerms = sections.length;
  const shares = sectionShares(ARABIC_SECTIONS);
  const tags = new TagPicker(rng.fork('tags'), ARABIC_TAGS, (k) => shares.get(k) ?? 0, null, ids.counter('term'), paths);
  const { people, slugs } = arabicPeople(rng.fork('people'), ARABIC_PEOPLE);
  const roster = new AuthorRoster(rng.fork('authors'), people, input.items * (1 - UNSIGNED), ids.counter('author'), (n) => slugs.get(n) ?? slugify(n));
  const comments = new CommentMaker(rng.fork('comments'), 'ar', ids.counter('comment'), input.render);
  const table = sectionTable(sections);
  const batch = new NodeBatch(writer, ed, tally, async () => {
    const terms = tags.drainNewTerms();
    if (terms.length > 0) await writer.saveTerms(ed, terms);
    const authors = roster.drainNewAuthors();
    if (authors.length > 0) await writer.saveAuthors(ed, authors);
  }, input.progress);

  const itemRng = rng.fork('items');
  const prose = new ArabicProse(itemRng);
  const weight = (d: CalendarDate, weekday: number): number => interpolate(VOLUME, monthIndex(d)) * (WEEKDAY_VOLUME[weekday] ?? 1);
  for (const day of planDays(FIRST_DAY, LAST_DAY, input.items, weight, rng.fork('calendar'))) {
    for (const publishedAt of timesOfDay(day, day.count, tz, itemRng)) {
      const nid = ids.next('node');
      const section = table.draw(itemRng);
      const topic: ArabicTopic = section.topic === 'culture' ? 'culture' : section.topic === 'economy' ? 'economy' : 'politics';
      const region = regionFor(itemRng, section);
      let title = prose.headline(topic, region);
      for (let i = 0; i < 5 && paths.has(`content/${slugify(title)}`); i++) title = prose.headline(topic, region);
      const body = arabicBody(prose, itemRng, topic, region);
      const authorIds = itemRng.chance(UNSIGNED) ? [] : [roster.next()];
      if (authorIds.length === 1 && itemRng.chance(CO_AUTHORED_OF_SIGNED)) authorIds.push(roster.coAuthor(authorIds[0] as number));
      const tagIds = tags.pick(section.key);
      const node = finishNode({
        nid, kind: 'article', title, path: paths.claim('content', slugify(title) || `article-${nid}`),
        summary: itemRng.chance(0.2) ? prose.summary(topic, region) : null, opening: body.opening, bodyHtml: body.html,
        credit: authorIds.length === 0 ? `(${itemRng.pick(AR_AGENCIES)}، دفتر المشرق)` : itemRng.chance(0.35) ? '(دفتر المشرق)' : null,
        photo: itemRng.chance(0.5) ? photo(itemRng, prose, region) : null,
        publishedAt, updatedAt: publishedAt, showDate: true, promoted: itemRng.chance(0.1), sectionTid: section.tid,
        termIds: [...section.termIds, ...tagIds], authorIds, blogId: null, commentPolicy: null,
      });
      const published = drawCommentCount(itemRng);
      await batch.push(node, comments.forNode(nid, publishedAt, published, itemRng.chance(0.05) ? 1 : 0));
    }
  }
  await batch.flush();
  await writer.recountComments(ed);
  tally.tagTerms = tags.termCount;
  tally.authors = roster.authorCount;
  return tally.toCounts();
}

function regionFor(rng: SeededRandom, section: PlacedSection): ArabicRegion {
  if (section.key === 'politics/palestine') return 'palestine';
  if (section.key === 'politics/syria') return 'syria';
  if (section.key === 'politics/lebanon') return 'lebanon';
  const r = rng.next();
  return r < 0.7 ? 'lebanon' : r < 0.9 ? 'palestine' : 'syria';
}

function arabicBody(prose: ArabicProse, rng: SeededRandom, topic: ArabicTopic, region: ArabicRegion): { html: string; opening: string } {
  const paragraphs: string[] = [];
  const dateline = rng.chance(0.4) ? `${prose.place(region)} – ` : '';
  const count = rng.int(3, 7);
  for (let i = 0; i < count; i++) {
    const text = prose.paragraphText(topic, region, i === 0 ? rng.int(2, 3) : rng.int(1, 4));
    paragraphs.push(`<p>${escapeHtml(i === 0 ? dateline + text : text)}</p>`);
  }
  let n = 0;
  let chars = 0;
  while (n < paragraphs.length && chars <= OPENING_TEXT_CHARS) chars += (paragraphs[n++] as string).length;
  return { html: paragraphs.join('\n'), opening: paragraphs.slice(0, n).join('\n') };
}

function photo(rng: SeededRandom, prose: ArabicProse, region: ArabicRegion): { src: string; caption: string | null; credit: string | null } {
  const photographer = `${rng.pick(ARABIC_GIVEN_NAMES)} ${rng.pick(ARABIC_FAMILY_NAMES)}`;
  return {
    src: `/assets/demo/photo-${rng.int(1, 48)}.svg`,
    caption: rng.chance(0.85) ? `${rng.pick(CAPTION_SCENES)} في ${prose.place(region)}.` : null,
    credit: `(${rng.pick(AR_AGENCIES)} - ${photographer})`,
  };
}
