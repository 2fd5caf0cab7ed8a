import type { CorrectionInput } from '../domain/content.ts';
import type { NodeWrite } from '../store/types.ts';
import { localDateParts, monthName } from '../text/dates.ts';
import { escapeHtml } from './english-prose.ts';
import { FAMILY_NAMES, GIVEN_NAMES } from './demo-names.ts';
import type { SeededRandom } from './seeded-random.ts';

/** An entry of the Editor's Corner page. */
export type CorrectionWrite = CorrectionInput;

const MISTAKES = [
  'misspelled the name of the village', 'gave the wrong date for the meeting', 'misidentified the speaker in the fourth paragraph',
  'overstated the number of families displaced', 'attributed a quotation to the wrong minister', 'gave an incorrect figure for the budget deficit',
] as const;
const FIXES = [
  'The text has been corrected.', 'We regret the error.', 'The article has been updated accordingly.',
] as const;
const LETTER_LINES = [
  'I read your article with great interest, but I would like to add some context.', 'As a long-time reader, I was disappointed by the tone of this piece.',
  'Thank you for giving a voice to people who are rarely heard.', 'Your reporter left out the role played by the municipality.',
  'My family lived through these events, and the article brought back many memories.', 'I hope you will follow this story in the months to come.',
] as const;
const CITIES = ['Beirut', 'Montreal', 'Sidon', 'London', 'Amman', 'Detroit', 'Paris', 'Tripoli', 'São Paulo', 'Berlin'] as const;
const DAY = 86_400;

/**
 * The Editor's Corner: corrections, updates and readers' letters about written articles. The
 * first three articles after the page exists get one of each kind, so every kind is present
 * even in a tiny demo; after that they come at the rates a careful desk would produce.
 */
export class CorrectionsDesk {
  private readonly entries: CorrectionWrite[] = [];
  private forced = 0;

  constructor(private readonly rng: SeededRandom, private readonly opensAt: number, private readonly closesAt: number, private readonly tz: string) {}

  /** Considers one published article. */
  offer(node: NodeWrite): void {
    if (node.kind !== 'article' || node.publishedAt < this.opensAt) return;
    const kinds: CorrectionWrite['kind'][] = ['correction', 'letter', 'update'];
    let kind: CorrectionWrite['kind'] | undefined = kinds[this.forced];
    if (kind !== undefined) this.forced++;
    else {
      const r = this.rng.next();
      kind = r < 0.01 ? 'correction' : r < 0.015 ? 'letter' : r < 0.018 ? 'update' : undefined;
    }
    if (kind !== undefined) this.entries.push(this.entry(kind, node));
  }

  /** Everything gathered, for saveCorrections. */
  all(): readonly CorrectionWrite[] {
    return this.entries;
  }

  private entry(kind: CorrectionWrite['kind'], node: NodeWrite): CorrectionWrite {
    const rng = this.rng;
    const publishedAt = Math.min(this.closesAt, node.publishedAt + rng.int(DAY / 2, 5 * DAY));
    const p = localDateParts(node.publishedAt, this.tz);
    const when = `${monthName(p.month, 'en')} ${p.day}, ${p.year}`;
    const title = escapeHtml(node.title);
    switch (kind) {
      case 'correction':
        return { nid: node.nid, kind, title: `Correction: ${node.title}`, publishedAt,
          bodyHtml: `<p>The article “${title}”, published on ${when}, ${rng.pick(MISTAKES)}. ${rng.pick(FIXES)}</p>` };
      case 'update':
        return { nid: node.nid, kind, title: `Update: ${node.title}`, publishedAt,
          bodyHtml: `<p>Since “${title}” was published on ${when}, new information has come to light. The article has been updated with a statement from the ministry.</p>` };
      case 'letter': {
        const lines = rng.sample(LETTER_LINES, rng.int(2, 3)).map((l) => `<p>${escapeHtml(l)}</p>`);
        const signature = `${rng.pick(GIVEN_NAMES)} ${rng.pick(FAMILY_NAMES)}, ${rng.pick(CITIES)}`;
        return { nid: node.nid, kind, title: `Letter: on “${node.title}”`, publishedAt,
          bodyHtml: `${lines.join('\n')}\n<p>– ${escapeHtml(signature)}</p>` };
      }
    }
  }
}
