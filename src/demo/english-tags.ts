import { FAMILY_NAMES, GIVEN_NAMES } from './demo-names.ts';
import { PLACES } from './english-lexicon.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { FixedTagSpec, TailSpec } from './tag-picker.ts';

// docs/original-site.md "Content shape": two giant tags (~30% and ~19%), about ten mid-sized ones
// (20 to 80 items at 1,200 items, i.e. 1.7%–6.7%) and a long tail of 1 to 8 items; one term has
// no alias. The giants are boosted in their own subsection, as a desk tags its own beat.
/** The English edition's tags that exist from the start. */
export const ENGLISH_FIXED_TAGS: readonly FixedTagSpec[] = [
  { name: 'Syria', share: 0.30, boostSection: 'politics/syria', boostProbability: 0.95 },
  { name: 'Lebanon', share: 0.19, boostSection: 'politics/lebanon', boostProbability: 0.9 },
  { name: 'Refugees', share: 0.06 },
  { name: 'Gaza', share: 0.05, boostSection: 'politics/palestine', boostProbability: 0.45 },
  { name: 'Islamic State', share: 0.045, boostSection: 'politics/iraq', boostProbability: 0.6 },
  { name: 'Arab Spring', share: 0.04 },
  { name: 'Special Tribunal for Lebanon', share: 0.035, boostSection: 'politics/lebanon', boostProbability: 0.15 },
  { name: 'Egypt', share: 0.03, boostSection: 'politics/egypt', boostProbability: 0.8 },
  { name: 'Women’s rights', share: 0.025 },
  { name: 'Cinema', share: 0.025, boostSection: 'culture-society', boostProbability: 0.08 },
  { name: 'Electricity', share: 0.022, boostSection: 'economy', boostProbability: 0.15 },
  { name: 'Migrant workers', share: 0.02 },
  { name: 'Nahr al-Bared', share: 0.02, pathless: true },
];

/** Name of the tag reachable only as /taxonomy/term/<tid>. */
export const PATHLESS_TAG_NAME = 'Nahr al-Bared';

/** Name of the tag whose items the "stl" landing page lists. */
export const STL_TAG_NAME = 'Special Tribunal for Lebanon';

const TAIL_NOUNS = [
  'clashes', 'protests', 'elections', 'floods', 'municipality', 'port', 'prison', 'siege', 'strike', 'festival', 'water crisis',
  'power plant', 'bridge', 'university', 'market', 'airport', 'hospital', 'checkpoint', 'kidnappings', 'fishermen', 'schools',
] as const;
const ALL_PLACES = Object.values(PLACES).flat();

/** The English long tail: small stories about a place, or one (fictional) person. */
export const ENGLISH_TAIL: TailSpec = {
  first: 0.55,
  second: 0.2,
  name: (rng: SeededRandom) =>
    rng.chance(0.7) ? `${rng.pick(ALL_PLACES)} ${rng.pick(TAIL_NOUNS)}` : `${rng.pick(GIVEN_NAMES)} ${rng.pick(FAMILY_NAMES)}`,
};
