import type { SeededRandom } from './seeded-random.ts';
import { BRACKET_OPENERS, QUOTE_OPENERS, QUOTES, type Region } from './english-lexicon.ts';
import { capitalize, escapeHtml, type EnglishProse, type EnglishTopic } from './english-prose.ts';
import { TEASER_LIMIT } from '../text/teaser.ts';

/** How a generated body should open and what it carries. */
export interface EnglishBodyOptions {
  readonly topic: EnglishTopic;
  readonly region: Region;
  readonly paragraphs: number;
  /** "Damascus – " in front of the first paragraph. */
  readonly dateline: string | null;
  /** "Updated at 7:06 pm: " in front of the first paragraph. */
  readonly updatedAt: string | null;
  readonly editorsNote: 'top' | 'bottom' | null;
  /** Arrange the first paragraph so the teaser cut lands just after an opening quote or bracket. */
  readonly teaserTrap: 'quote' | 'bracket' | null;
}

/** A body as HTML, plus its opening paragraphs, which are all the teaser and lead need. */
export interface GeneratedBody {
  readonly html: string;
  /** The first paragraphs, holding well over TEASER_LIMIT characters of text. */
  readonly opening: string;
}

const EDITORS_NOTES = [
  'This article was updated to correct the name of a village in the fourth paragraph.',
  'The following is a translation of an article that first appeared in the Arabic edition.',
  'Names of some of the people quoted have been changed at their request.',
  'An earlier version of this article misstated the date of the meeting. It has been corrected.',
  'This is the second part of a series. The first part was published last week.',
] as const;

const QUOTE_BRIDGES = [' A spokesman said:', ' One resident put it simply:', ' The statement read:', ' He added:', ' She answered:', ' The reply was short:'];
const BRACKET_BRIDGES = [', according to the new council', ', the ministry said in a statement', ', said the committee', ', the report found', ', the mayor said'];
const BRACKET_TAILS = ['at the request of the mediators', 'known by another name until last year', 'about a third of the total', 'in a photograph released on Friday'];

// Teasers are cut from the whole body text, which the opening must cover with room to spare.
const OPENING_TEXT_CHARS = TEASER_LIMIT * 2;

/** Generates an English body of <p> paragraphs. */
export function englishBody(prose: EnglishProse, rng: SeededRandom, o: EnglishBodyOptions): GeneratedBody {
  const paragraphs: string[] = [];
  if (o.editorsNote === 'top') paragraphs.push(editorsNote(rng));
  const lead = `${o.updatedAt ? `Updated at ${o.updatedAt}: ` : ''}${o.dateline ? `${o.dateline} – ` : ''}`;
  const trapped = o.teaserTrap && o.editorsNote !== 'top' ? trapParagraph(prose, rng, o, lead) : undefined;
  paragraphs.push(`<p>${escapeHtml(trapped ?? lead + prose.paragraphText(o.topic, o.region, rng.int(2, 3)))}</p>`);
  for (let i = 1; i < o.paragraphs; i++) paragraphs.push(`<p>${escapeHtml(prose.paragraphText(o.topic, o.region, rng.int(1, 4)))}</p>`);
  if (o.editorsNote === 'bottom') paragraphs.push(editorsNote(rng));

  let openingCount = 0;
  let textChars = 0;
  while (openingCount < paragraphs.length && textChars <= OPENING_TEXT_CHARS) textChars += (paragraphs[openingCount++] as string).length;
  return { html: paragraphs.join('\n'), opening: paragraphs.slice(0, openingCount).join('\n') };
}

function editorsNote(rng: SeededRandom): string {
  // The label is printed as the original printed it, with a straight apostrophe.
  return `<p><em>Editor's Note: ${rng.pick(EDITORS_NOTES)}</em></p>`;
}

/**
 * A first paragraph whose character TEASER_LIMIT falls inside a long word right after "“" or
 * "(", so the word-boundary cut leaves the bracket in front of "..." as on the original site.
 */
function trapParagraph(prose: EnglishProse, rng: SeededRandom, o: EnglishBodyOptions, lead: string): string | undefined {
  for (let attempt = 0; attempt < 25; attempt++) {
    let text = lead + prose.sentence(o.topic, o.region);
    for (let i = 0; i < 3 && text.length < 90; i++) text += ` ${prose.sentence(o.topic, o.region)}`;
    if (text.length > 136) continue;
    if (o.teaserTrap === 'bracket' && !/[a-z]\.$/.test(text)) continue; // the bracket replaces a plain full stop
    const bridges = o.teaserTrap === 'quote' ? QUOTE_BRIDGES : BRACKET_BRIDGES;
    const openers: readonly string[] = o.teaserTrap === 'quote' ? QUOTE_OPENERS : BRACKET_OPENERS;
    for (const bridge of rng.sample(bridges, bridges.length)) {
      let body = text;
      if (o.teaserTrap === 'bracket') body = body.replace(/\.$/, '');
      const at = body.length + bridge.length + 1; // index of the opening mark
      const opener = openers.find((w) => at <= TEASER_LIMIT - 2 && at + 1 + w.length > TEASER_LIMIT);
      if (opener === undefined) continue;
      if (o.teaserTrap === 'quote') {
        return `${body}${bridge} “${opener}, ${rng.pick(QUOTES).toLowerCase()}.” ${prose.sentence(o.topic, o.region)}`;
      }
      return `${body}${bridge} (${opener} ${rng.pick(BRACKET_TAILS)}). ${capitalize(prose.sentence(o.topic, o.region))}`;
    }
  }
  return undefined;
}
