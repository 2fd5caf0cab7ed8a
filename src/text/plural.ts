import type { Digits } from '../domain/edition.ts';
import type { Lang } from '../domain/errors.ts';
import { formatCount } from './numerals.ts';

/** Message forms by CLDR plural category; `other` is required because every language has it. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const COUNT_PLACEHOLDER = '@count'; // Drupal's format_plural() placeholder, kept so old strings port as-is
const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The CLDR plural category of n: Arabic uses all six (zero/one/two/few/many/other), English one/other. */
export function pluralCategory(n: number, lang: Lang): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(n);
}

/** Picks the form for n (falling back to `other`) and replaces @count with n in the given digits (default: the language's). */
export function pluralize(n: number, lang: Lang, forms: PluralForms, digits?: Digits): string {
  const form = forms[pluralCategory(n, lang)] ?? forms.other;
  return form.replaceAll(COUNT_PLACEHOLDER, formatCount(n, lang, digits));
}
