import type { Person } from './author-roster.ts';
import {
  ALTERNATE_GIVEN, ARABIC_FAMILY_NAMES, ARABIC_GIVEN_NAMES, FAMILY_NAMES, GIVEN_NAMES, arabicNameSlug,
} from './demo-names.ts';
import type { SeededRandom } from './seeded-random.ts';

// About 60 bylines (docs/original-site.md "Content shape"): 57 people, three of them also printed under a second spelling.
const ENGLISH_PEOPLE = 57;
// Mid-ranking writers: prolific enough that both spellings show up, not so prolific that it jars.
const TWO_SPELLINGS_AT = [4, 9, 16] as const;

/** The English edition's writers, most prolific first. */
export function englishPeople(rng: SeededRandom): Person[] {
  const names = new Set<string>();
  const people: Person[] = [];
  while (people.length < ENGLISH_PEOPLE) {
    const index = people.length;
    const wantsAlternate = (TWO_SPELLINGS_AT as readonly number[]).includes(index);
    const given = rng.pick(GIVEN_NAMES);
    const family = rng.pick(FAMILY_NAMES);
    const name = `${given} ${family}`;
    if (names.has(name)) continue;
    if (!wantsAlternate) {
      names.add(name);
      people.push({ name });
      continue;
    }
    const alternate = alternateSpelling(given, family);
    if (names.has(alternate)) continue;
    names.add(name);
    names.add(alternate);
    people.push({ name, alternateName: alternate });
  }
  return people;
}

/** "Khaled al-Masri" → "Khalid al-Masri"; "Rania al-Haddad" → "Rania Haddad"; "Maya Saab" → "Maya al-Saab". */
export function alternateSpelling(given: string, family: string): string {
  const altGiven = ALTERNATE_GIVEN[given];
  if (altGiven) return `${altGiven} ${family}`;
  if (family.startsWith('al-')) return `${given} ${family.charAt(3).toUpperCase()}${family.slice(4)}`;
  return `${given} al-${family}`;
}

/** The Arabic edition's writers with the Latin slugs of their author pages. */
export function arabicPeople(rng: SeededRandom, count: number): { people: Person[]; slugs: Map<string, string> } {
  const slugs = new Map<string, string>();
  const people: Person[] = [];
  while (people.length < count) {
    const g = rng.int(0, ARABIC_GIVEN_NAMES.length - 1);
    const f = rng.int(0, ARABIC_FAMILY_NAMES.length - 1);
    const name = `${ARABIC_GIVEN_NAMES[g]} ${ARABIC_FAMILY_NAMES[f]}`;
    if (slugs.has(name)) continue;
    slugs.set(name, arabicNameSlug(g, f));
    people.push({ name });
  }
  return { people, slugs };
}
