// Random hostile input for the format property tests (fast-check): tag soup built from a format's
// own vocabulary of tags, attributes, values and text pieces, plus any Unicode text. Each format's
// test names the vocabulary that exercises it; the shape of the soup is the same for all.
import fc from 'fast-check';

/** What the soup is made of. */
export interface SoupVocabulary {
  readonly tags: readonly string[];
  readonly attributes: readonly string[];
  readonly values: readonly string[];
  /** Text pieces between tags: entities, URLs, bidi controls, words in both scripts. */
  readonly text: readonly string[];
}

/** How many inputs each property tries; FOLIO_PROPERTY_RUNS=50000 explores much further. */
export const PROPERTY_RUNS = Number(process.env['FOLIO_PROPERTY_RUNS'] ?? 300);

/** Tag soup from `vocabulary` four times in five, otherwise any Unicode text but NUL (refused before formatting). */
export function hostileInput(vocabulary: SoupVocabulary): fc.Arbitrary<string> {
  const attribute = fc
    .tuple(fc.constantFrom(...vocabulary.attributes), fc.constantFrom(...vocabulary.values), fc.constantFrom('"', "'", ''))
    .map(([name, value, quote]) => ` ${name}=${quote}${value}${quote}`);
  const startTag = fc
    .tuple(fc.constantFrom(...vocabulary.tags), fc.array(attribute, { maxLength: 3 }), fc.constantFrom('>', '/>', ' >', ''))
    .map(([name, attributes, end]) => `<${name}${attributes.join('')}${end}`);
  const endTag = fc.constantFrom(...vocabulary.tags).map((name) => `</${name}>`);
  const fragment = fc.oneof(
    { weight: 4, arbitrary: startTag },
    { weight: 3, arbitrary: endTag },
    { weight: 6, arbitrary: fc.constantFrom(...vocabulary.text) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  );
  const tagSoup = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));
  const anyText = fc.string({ unit: 'binary', maxLength: 60 }).map((s) => s.replaceAll('\u0000', ''));
  return fc.oneof({ weight: 4, arbitrary: tagSoup }, { weight: 1, arbitrary: anyText });
}
