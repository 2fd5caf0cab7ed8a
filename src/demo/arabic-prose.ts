import {
  AR_ACTORS, AR_CONNECTIVES, AR_CULTURE, AR_CULTURE_HEADLINES, AR_ECONOMY, AR_ECONOMY_HEADLINES, AR_ISSUES, AR_ORDINALS,
  AR_PLACES, AR_POLITICS, AR_PREDICATES, AR_QUOTES, AR_SPEAKERS, AR_SUBJECTS, AR_THEMES, AR_TOPICS, type ArabicRegion,
} from './arabic-lexicon.ts';
import type { SeededRandom } from './seeded-random.ts';

/** What an Arabic piece is about. */
export type ArabicTopic = 'politics' | 'culture' | 'economy';

const AR_WEEKDAYS = ['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد'] as const;
const ALL_PLACES = Object.values(AR_PLACES).flat();

/** Sentences, paragraphs and headlines of generated Arabic. */
export class ArabicProse {
  constructor(private readonly rng: SeededRandom) {}

  /** A place, usually from the region. */
  place(region: ArabicRegion): string {
    return this.rng.chance(0.75) ? this.rng.pick(AR_PLACES[region]) : this.rng.pick(ALL_PLACES);
  }

  /** Replaces {slots} in a template. */
  fill(template: string, region: ArabicRegion): string {
    const rng = this.rng;
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case 'place': return this.place(region);
        case 'issue': return rng.pick(AR_ISSUES);
        case 'actor': return rng.pick(AR_ACTORS);
        case 'theme': return rng.pick(AR_THEMES);
        case 'topic': return rng.pick(AR_TOPICS);
        case 'few': return String(rng.int(3, 9));
        case 'many': return String(rng.int(11, 60));
        case 'hours': return String(rng.int(11, 20));
        case 'ordinal': return rng.pick(AR_ORDINALS);
        default: return slot;
      }
    });
  }

  /** One sentence. */
  sentence(topic: ArabicTopic, region: ArabicRegion): string {
    const r = this.rng.next();
    if (r < 0.22) return this.fill(this.rng.pick(AR_CONNECTIVES), region);
    if (r < 0.36) return this.quote(region);
    const pool = topic === 'culture' ? AR_CULTURE : topic === 'economy' ? AR_ECONOMY : AR_POLITICS;
    const clause = this.fill(this.rng.pick(pool), region);
    switch (this.rng.int(0, 3)) {
      case 0: return `ويوم ${this.rng.pick(AR_WEEKDAYS)}، ${clause}.`;
      case 1: return `وبحسب ${this.rng.pick(AR_SPEAKERS)}، ${clause}.`;
      case 2: return `${clause} — وهو تطور حذّر منه كثيرون منذ أشهر.`;
      default: return `${clause}.`;
    }
  }

  /** A quotation with its speaker. */
  quote(region: ArabicRegion): string {
    const said = this.rng.pick(AR_QUOTES);
    const speaker = this.rng.pick(AR_SPEAKERS);
    switch (this.rng.int(0, 2)) {
      case 0: return `«${said}»، قال ${speaker}.`;
      case 1: return `وقال ${speaker} لـ«دفتر المشرق»: «${said}».`;
      default: return `ويختصر ${speaker} في ${this.place(region)} الأمر بالقول: “${said}”.`;
    }
  }

  /** A paragraph of n sentences, as plain text. */
  paragraphText(topic: ArabicTopic, region: ArabicRegion, n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.sentence(topic, region));
    return out.join(' ');
  }

  /** A headline. */
  headline(topic: ArabicTopic, region: ArabicRegion): string {
    const rng = this.rng;
    if (topic === 'culture') return this.fill(rng.pick(AR_CULTURE_HEADLINES), region);
    if (topic === 'economy') return this.fill(rng.pick(AR_ECONOMY_HEADLINES), region);
    const place = this.place(region);
    switch (rng.int(0, 3)) {
      case 0: return `${place}: ${rng.pick(AR_SUBJECTS)} ${rng.pick(AR_PREDICATES)}`;
      case 1: return `${rng.pick(AR_TOPICS)}: ${rng.pick(AR_SUBJECTS)} في ${place} ${rng.pick(AR_PREDICATES)}`;
      case 2: return `تحليل: ${rng.pick(AR_TOPICS)} في ${place}`;
      default: return `${rng.pick(AR_ISSUES)} في ${place}: ${rng.pick(AR_TOPICS)}`;
    }
  }

  /** An editor's summary under 150 characters. */
  summary(topic: ArabicTopic, region: ArabicRegion): string {
    for (let i = 0; i < 10; i++) {
      const s = this.sentence(topic, region);
      if (s.length < 150) return s;
    }
    return `تقرير من ${this.place(region)}.`;
  }
}
