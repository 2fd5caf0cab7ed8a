import type { FixedTagSpec } from './tag-picker.ts';

// The same power-law shape as the English edition (two giants, a middle, a thin end), on a
// smaller edition; Latin slugs keep the tag URLs typeable, as the original Arabic site's were.
/** The Arabic edition's tags. */
export const ARABIC_TAGS: readonly FixedTagSpec[] = [
  { name: 'لبنان', slug: 'lebanon', share: 0.3, boostSection: 'politics/lebanon', boostProbability: 0.9 },
  { name: 'غزة', slug: 'gaza', share: 0.19, boostSection: 'politics/palestine', boostProbability: 0.8 },
  { name: 'الانتخابات البلدية', slug: 'municipal-elections', share: 0.06 },
  { name: 'النازحون', slug: 'displaced', share: 0.06 },
  { name: 'الكهرباء', slug: 'electricity', share: 0.05 },
  { name: 'المصارف', slug: 'banks', share: 0.05, boostSection: 'economy', boostProbability: 0.3 },
  { name: 'الجنوب', slug: 'south-lebanon', share: 0.04 },
  { name: 'الضفة الغربية', slug: 'west-bank', share: 0.04 },
  { name: 'إعادة الإعمار', slug: 'reconstruction', share: 0.03 },
  { name: 'السينما', slug: 'cinema', share: 0.03, boostSection: 'culture-society', boostProbability: 0.1 },
  { name: 'المرأة', slug: 'women', share: 0.025 },
  { name: 'التعليم', slug: 'education', share: 0.02 },
  { name: 'المياه', slug: 'water', share: 0.02 },
  { name: 'الهجرة', slug: 'emigration', share: 0.015 },
  { name: 'الذكاء الاصطناعي', slug: 'artificial-intelligence', share: 0.015 },
  { name: 'المسرح', slug: 'theatre', share: 0.01 },
  { name: 'الزراعة', slug: 'agriculture', share: 0.01 },
];
