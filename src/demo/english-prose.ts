import type { SeededRandom } from './seeded-random.ts';
import { FAMILY_NAMES, GIVEN_NAMES } from './demo-names.ts';
import {
  ACTORS, BLOG_HEADLINES, BLOG_SENTENCES, CAPTION_SCENES, CONNECTIVES, CULTURE_CLAUSES, CULTURE_HEADLINES, ECONOMY_CLAUSES, ECONOMY_HEADLINES,
  HEADLINE_PREDICATES, HEADLINE_SUBJECTS, HEADLINE_TOPICS, ISSUES, PLACES, POLITICS_CLAUSES, PORTRAIT_CLAUSES, QUOTES, SPEAKERS,
  THEMES, type Region,
} from './english-lexicon.ts';

/** What a piece is about, which picks its vocabulary. */
export type EnglishTopic = 'politics' | 'culture' | 'economy' | 'series' | 'portrait' | 'blog';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const ORDINALS = ['second', 'third', 'fourth', 'fifth', 'sixth'] as const;
const SERIES = ['The camps at sixty-five', 'Rivers of the Levant', 'Forgotten archives', 'The displaced', 'Border towns', 'Lost trades'] as const;
const PORTRAIT_ROLES = ['the radio repairer of', 'a midwife from', 'the last tailor of', 'a poet from', 'the ferryman of', 'a goalkeeper from'] as const;
const ALL_PLACES = Object.values(PLACES).flat();

/** Upper-cases the first letter. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A clause as the start of a sentence: capitalised, and never opening on a numeral. */
function opening(clause: string): string {
  return /^\d/.test(clause) ? `Some ${clause}` : capitalize(clause);
}

/** Escapes text for use inside an HTML element. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Sentences, paragraphs and headlines of generated English, filled from the lexicon. One
 * instance per stream: every choice comes from the generator it was given.
 */
export class EnglishProse {
  constructor(private readonly rng: SeededRandom) {}

  /** A place, usually from the region. */
  place(region: Region): string {
    return this.rng.chance(0.75) ? this.rng.pick(PLACES[region]) : this.rng.pick(ALL_PLACES);
  }

  /** A fictional full name. */
  person(): string {
    return `${this.rng.pick(GIVEN_NAMES)} ${this.rng.pick(FAMILY_NAMES)}`;
  }

  /** Replaces {slots} in a template. */
  fill(template: string, region: Region): string {
    const rng = this.rng;
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case 'place': return this.place(region);
        case 'issue': return rng.pick(ISSUES);
        case 'actor': return rng.pick(ACTORS);
        case 'speaker': return rng.pick(SPEAKERS);
        case 'theme': return rng.pick(THEMES);
        case 'topic': return rng.pick(HEADLINE_TOPICS).toLowerCase();
        case 'person': return this.person();
        case 'num': return String(rng.int(2, 60));
        case 'age': return String(rng.int(9, 30));
        case 'hours': return String(rng.int(4, 20));
        case 'ordinal': return rng.pick(ORDINALS);
        case 'weekday': return rng.pick(WEEKDAYS);
        case 'year': return String(rng.int(1975, 2006));
        case 'year2': return String(rng.int(2007, 2010));
        default: return slot;
      }
    });
  }

  /** One sentence of the topic's vocabulary. */
  sentence(topic: EnglishTopic, region: Region): string {
    const r = this.rng.next();
    if (topic === 'blog' && r < 0.5) return this.fill(this.rng.pick(BLOG_SENTENCES), region);
    if (r < 0.25) return this.fill(this.rng.pick(CONNECTIVES), region);
    if (r < 0.38) return this.quote(region);
    const clause = this.clause(topic, region);
    const frame = this.rng.int(0, 5);
    if (frame === 0) return `On ${this.rng.pick(WEEKDAYS)}, ${clause}.`;
    if (frame === 1) return `According to ${this.rng.pick(SPEAKERS)}, ${clause}.`;
    // Warnings and repeats belong to news; a festival is nobody's "development".
    if (frame === 2 && (topic === 'politics' || topic === 'economy')) return `${opening(clause)} — a development ${this.rng.pick(ACTORS)} had warned about for months.`;
    if (frame === 3 && topic === 'politics') return `Earlier this month, ${clause}, and few believe it will be the last time.`;
    return `${opening(clause)}.`;
  }

  /** One clause of the topic's vocabulary, without a full stop. */
  clause(topic: EnglishTopic, region: Region): string {
    return this.fill(this.rng.pick(this.clauses(topic)), region);
  }

  /** A quotation with its speaker, in curly quotes. */
  quote(region: Region): string {
    const said = this.rng.pick(QUOTES);
    const speaker = this.fill('{speaker}', region);
    switch (this.rng.int(0, 3)) {
      case 0: return `“${said},” said ${speaker}.`;
      case 1: return `“${said},” ${speaker} told The Levant Ledger.`;
      case 2: return `${capitalize(speaker)} put it bluntly: “${said}.”`;
      default: return `“${said}. We say it every year, and every year it is true,” said ${speaker} in ${this.place(region)}.`;
    }
  }

  /** A paragraph of n sentences, as plain text. */
  paragraphText(topic: EnglishTopic, region: Region, n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.sentence(topic, region));
    return out.join(' ');
  }

  /** A headline for the topic. */
  headline(topic: EnglishTopic, region: Region): string {
    const rng = this.rng;
    switch (topic) {
      case 'culture': return capitalize(this.fill(rng.pick(CULTURE_HEADLINES), region));
      case 'economy': return capitalize(this.fill(rng.pick(ECONOMY_HEADLINES), region));
      case 'blog': return capitalize(this.fill(rng.pick(BLOG_HEADLINES), region));
      case 'series': return `${rng.pick(SERIES)} (Part ${rng.int(1, 9)}): ${rng.pick(HEADLINE_TOPICS).toLowerCase()} in ${this.place(region)}`;
      case 'portrait': return `Portrait: ${this.person()}, ${rng.pick(PORTRAIT_ROLES)} ${this.place(region)}`;
      case 'politics': break;
    }
    const place = this.place(region);
    switch (rng.int(0, 5)) {
      case 0: return `${place}: ${rng.pick(HEADLINE_SUBJECTS)} ${rng.pick(HEADLINE_PREDICATES)}`;
      case 1: return `${rng.pick(HEADLINE_SUBJECTS)} in ${place} ${rng.pick(HEADLINE_PREDICATES)}`;
      case 2: return `${rng.pick(HEADLINE_TOPICS)}: ${rng.pick(HEADLINE_SUBJECTS).toLowerCase()} in ${place} ${rng.pick(HEADLINE_PREDICATES)}`;
      case 3: return `Analysis: ${rng.pick(HEADLINE_TOPICS).toLowerCase()} in ${place}`;
      case 4: return `${place} and ${rng.pick(ISSUES)}: ${rng.pick(HEADLINE_TOPICS).toLowerCase()}`;
      default: return `${rng.int(3, 40)} ${rng.pick(HEADLINE_SUBJECTS).toLowerCase()} ${rng.pick(HEADLINE_PREDICATES)} in ${place}`.replace(/^./, (c) => c.toUpperCase());
    }
  }

  /** An editor's summary: what happened, in one sentence under 150 characters. */
  summary(topic: EnglishTopic, region: Region): string {
    const news: EnglishTopic = topic === 'blog' ? 'politics' : topic;
    for (let i = 0; i < 10; i++) {
      const first = this.clause(news, region);
      const s = this.rng.chance(0.5) ? `${opening(first)}, as ${this.clause(news, region)}.` : `${opening(first)}.`;
      if (s.length < 150) return s;
    }
    return `A report from ${this.place(region)}.`;
  }

  /** A photo caption. */
  caption(region: Region, dateLabel: string): string {
    return `${this.rng.pick(CAPTION_SCENES)} in ${this.place(region)} on ${dateLabel}.`;
  }

  private clauses(topic: EnglishTopic): readonly string[] {
    switch (topic) {
      case 'culture': return CULTURE_CLAUSES;
      case 'economy': return ECONOMY_CLAUSES;
      case 'portrait': return this.rng.chance(0.5) ? PORTRAIT_CLAUSES : CULTURE_CLAUSES;
      case 'series': return this.rng.chance(0.5) ? CULTURE_CLAUSES : POLITICS_CLAUSES;
      default: return POLITICS_CLAUSES;
    }
  }
}
