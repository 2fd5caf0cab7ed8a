import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Lang } from '../../src/domain/errors.ts';
import { lightStemArabic } from '../../src/text/arabic-normalize.ts';
import { parseQuery } from '../../src/search/parse-query.ts';
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS } from '../../src/search/query-limits.ts';
import { QUERY_ERROR_MESSAGES, QUERY_WARNING_MESSAGES } from '../../src/search/query-messages.ts';
import type { QueryNode } from '../../src/search/query-node.ts';

/** Compact notation so tables stay readable: t:word, t:word* (prefix), p:"a b", -x, (and …), (or …). */
function show(node: QueryNode): string {
  switch (node.type) {
    case 'term': return `t:${node.normalized}${node.prefix ? '*' : ''}`;
    case 'phrase': return `p:"${node.words.join(' ')}"`;
    case 'not': return `-${show(node.child)}`;
    case 'and': return `(and ${node.children.map(show).join(' ')})`;
    case 'or': return `(or ${node.children.map(show).join(' ')})`;
  }
}

function parsed(input: string, lang: Lang): { tree: string; warnings: readonly string[]; terms: readonly string[] } {
  const r = parseQuery(input, lang);
  if (!r.ok) assert.fail(`${JSON.stringify(input)} failed: ${r.error.code}`);
  return { tree: show(r.query), warnings: r.warnings, terms: r.terms };
}

const syntaxCases: Array<[string, string, Lang, string, string[]?]> = [
  ['single word', 'Gaza', 'en', 't:gaza'],
  ['words are ANDed', 'gaza ceasefire', 'en', '(and t:gaza t:ceasefire)'],
  ['phrase, word and exclusion', 'gaza "border crossing" -rafah', 'en', '(and t:gaza p:"border crossing" -t:rafah)'],
  ['Arabic phrase and exclusion', 'غزة "معبر رفح" -مصر', 'ar', '(and t:غزه p:"معبر رفح" -t:مصر)'],
  ['guillemets delimit phrases', 'غزة «معبر رفح»', 'ar', '(and t:غزه p:"معبر رفح")'],
  ['curly quotes delimit phrases', '“border crossing”', 'en', 'p:"border crossing"'],
  ['excluded phrase', 'gaza -"border crossing"', 'en', '(and t:gaza -p:"border crossing")'],
  ['OR between words', 'pledge OR pledged', 'en', '(or t:pledge t:pledged)'],
  ['OR binds loosest', 'pledge OR pledged aid', 'en', '(or t:pledge (and t:pledged t:aid))'],
  ['Arabic أو', 'غزة أو رفح', 'ar', '(or t:غزه t:رفح)'],
  ['Arabic او without hamza', 'غزة او رفح', 'ar', '(or t:غزه t:رفح)'],
  ['lower-case or is a word', 'war or peace', 'en', '(and t:war t:or t:peace)'],
  ['exclusion stays in its alternative', 'gaza -rafah OR beirut', 'en', '(or (and t:gaza -t:rafah) t:beirut)'],
  ['prefix', 'reut*', 'en', 't:reut*'],
  ['Arabic prefix is not stemmed', 'مستشف*', 'ar', 't:مستشف*'],
  ['repeated stars', 'reut***', 'en', 't:reut*'],
  ['short prefix loses its star', 're*', 'en', 't:re', ['PREFIX_TOO_SHORT']],
  ['Arabic short prefix', 'ال*', 'ar', 't:ال', ['PREFIX_TOO_SHORT']],
  ['Arabic prefix loses its article, as every indexed word did', 'الانتخ*', 'ar', 't:انتخ*'],
  ['Arabic prefix loses a joined preposition and article', 'للانتخ*', 'ar', 't:انتخ*'],
  ['Arabic prefix too short without its article loses its star', 'الكت*', 'ar', 't:الكت', ['PREFIX_TOO_SHORT']],
  ['Arabic article kept where the rest would be too short for a word', 'الل*', 'ar', 't:الل*'],
  ['the English edition leaves an Arabic prefix as typed', 'الانتخ*', 'en', 't:الانتخ*'],
  ['star after a phrase is dropped', '"border cross"*', 'en', 'p:"border cross"', ['PREFIX_ON_PHRASE']],
  ['excluded prefix', 'reuters -reut*', 'en', '(and t:reuters -t:reut*)'],
  ['upper-case AND is implicit', 'gaza AND rafah', 'en', '(and t:gaza t:rafah)'],
  ['upper-case NOT excludes', 'gaza NOT rafah', 'en', '(and t:gaza -t:rafah)'],
  ['hyphenated word becomes a phrase', 'al-Quds', 'en', 'p:"al quds"'],
  ['inner hyphen is not exclusion', 'Beirut-based', 'en', 'p:"beirut based"'],
  ['dash alone is ignored', 'gaza - rafah', 'en', '(and t:gaza t:rafah)'],
  ['possessive dropped, apostrophe joined', "Lebanon's don't", 'en', '(and t:lebanon t:dont)'],
  ['parentheses ignored', '(gaza OR rafah) aid', 'en', '(or t:gaza (and t:rafah t:aid))', ['PARENTHESES_IGNORED']],
  ['dangling OR', 'OR gaza OR', 'en', 't:gaza', ['DANGLING_OR']],
  ['double OR', 'gaza OR OR rafah', 'en', '(or t:gaza t:rafah)', ['DANGLING_OR']],
  ['exclusion-only alternative dropped', 'gaza OR -rafah', 'en', 't:gaza', ['EXCLUSION_ONLY_ALTERNATIVE']],
  ['punctuation-only words vanish', 'gaza !!! ...', 'en', 't:gaza'],
  ['Arabic stems in stemmed, not normalized', 'المستشفيات', 'ar', 't:المستشفيات'],
];

for (const [name, input, lang, tree, warnings = []] of syntaxCases) {
  test(`syntax: ${name}`, () => {
    const r = parsed(input, lang);
    assert.equal(r.tree, tree);
    assert.deepEqual([...r.warnings].sort(), [...warnings].sort());
  });
}

test('stemmed forms: light10 for Arabic words in the Arabic edition, the token itself otherwise', () => {
  const ar = parseQuery('المستشفيات "والمدارس الحكومية"', 'ar');
  assert.ok(ar.ok && ar.query.type === 'and');
  const [term, phrase] = ar.query.children;
  assert.ok(term?.type === 'term' && phrase?.type === 'phrase');
  assert.equal(term.stemmed, lightStemArabic('المستشفيات'));
  assert.notEqual(term.stemmed, term.normalized);
  assert.deepEqual(phrase.stemmed, [lightStemArabic('والمدارس'), lightStemArabic('الحكومية')]);
  const en = parseQuery('pledged', 'en');
  assert.ok(en.ok && en.query.type === 'term');
  assert.equal(en.query.stemmed, 'pledged'); // English stemming is the database's job
  const latinInAr = parseQuery('Reuters', 'ar');
  assert.ok(latinInAr.ok && latinInAr.query.type === 'term');
  assert.equal(latinInAr.query.stemmed, 'reuters');
});

test('terms for highlighting: positive tokens only, deduplicated, in order', () => {
  assert.deepEqual(parsed('gaza "gaza strip" -rafah OR beirut', 'en').terms, ['gaza', 'strip', 'beirut']);
  assert.deepEqual(parsed('reut* -reuters re*', 'en').terms, ['reut*', 're']);
});

test('display text keeps the reader\'s spelling', () => {
  const r = parseQuery('أحمد "Café  Liberté"', 'ar');
  assert.ok(r.ok && r.query.type === 'and');
  const [term, phrase] = r.query.children;
  assert.ok(term?.type === 'term' && phrase?.type === 'phrase');
  assert.equal(term.text, 'أحمد');
  assert.equal(term.normalized, 'احمد');
  assert.equal(phrase.text, 'Café Liberté');
  assert.deepEqual(phrase.words, ['cafe', 'liberte']);
});

// A query typed carelessly must match the same articles as one typed with every mark.
const normalisationPairs: Array<[string, string, string, Lang]> = [
  ['hamza seats', 'أحمد إسرائيل مؤتمر رئيس', 'احمد اسراييل موتمر رييس', 'ar'],
  ['tashkeel', 'مُحَمَّدٌ', 'محمد', 'ar'],
  ['tatweel', 'قـــال', 'قال', 'ar'],
  ['alef maqsura and teh marbuta', 'مستشفى مدرسة', 'مستشفي مدرسه', 'ar'],
  ['madda', 'آمنة', 'امنه', 'ar'],
  ['Arabic-Indic digits', '٢٠١٤', '2014', 'ar'],
  ['lam-alef ligature (NFKC)', 'ﻻجئ', 'لاجئ', 'ar'],
  ['phrase with marks', '"مَعْبَر رَفَح"', '"معبر رفح"', 'ar'],
  ['Latin accents and case', 'Café Ümit', 'cafe umit', 'en'],
  ['fullwidth letters (NFKC)', 'ＧＡＺＡ', 'gaza', 'en'],
  ['ligature (NFKC)', 'ﬁnance', 'finance', 'en'],
];

for (const [name, careful, careless, lang] of normalisationPairs) {
  test(`normalisation: ${name}`, () => {
    const a = parseQuery(careful, lang);
    const b = parseQuery(careless, lang);
    assert.ok(a.ok && b.ok);
    assert.equal(show(a.query), show(b.query));
    assert.deepEqual(a.terms, b.terms);
  });
}

const errorCases: Array<[string, string, Lang, string, number?]> = [
  ['empty', '', 'en', 'EMPTY'],
  ['blank', ' \t\n ', 'ar', 'EMPTY'],
  ['too long', 'a'.repeat(MAX_QUERY_LENGTH + 1), 'en', 'TOO_LONG'],
  ['too long in code points', '𝐀'.repeat(MAX_QUERY_LENGTH + 1), 'en', 'TOO_LONG'],
  ['huge', 'غزة '.repeat(1_000_000), 'ar', 'TOO_LONG'],
  ['unbalanced quote', 'gaza "border crossing', 'en', 'UNBALANCED_QUOTE', 5],
  ['unbalanced guillemet', 'غزة «معبر', 'ar', 'UNBALANCED_QUOTE', 4],
  ['only exclusions', '-rafah -"border crossing"', 'en', 'ONLY_EXCLUSIONS'],
  ['only Arabic exclusions', '-مصر NOT رفح', 'ar', 'ONLY_EXCLUSIONS'],
  ['too many terms', Array.from({ length: MAX_QUERY_TERMS + 1 }, (_, i) => `w${i}`).join(' '), 'en', 'TOO_MANY_TERMS'],
  ['too many phrase words', `"${'a '.repeat(MAX_QUERY_TERMS + 1)}"`, 'en', 'TOO_MANY_TERMS'],
  ['only punctuation', '!!! ... ***', 'en', 'NO_TERMS'],
  ['only operators', 'OR AND NOT', 'en', 'NO_TERMS'],
  ['only أو', 'أو', 'ar', 'NO_TERMS'],
  ['empty phrase', '""', 'en', 'NO_TERMS'],
];

for (const [name, input, lang, code, at] of errorCases) {
  test(`error: ${name} → ${code}`, () => {
    const r = parseQuery(input, lang);
    assert.ok(!r.ok, 'expected an error');
    assert.equal(r.error.code, code);
    assert.equal(r.error.at, at);
    assert.deepEqual(r.error.message, QUERY_ERROR_MESSAGES[r.error.code]);
  });
}

test('every error and warning has a non-empty message in both languages, Arabic in Arabic script', () => {
  for (const catalogue of [QUERY_ERROR_MESSAGES, QUERY_WARNING_MESSAGES]) {
    for (const [code, message] of Object.entries(catalogue)) {
      assert.ok(message.en.trim().length > 0, `${code} en`);
      assert.ok(/\p{Script=Arabic}/u.test(message.ar), `${code} ar`);
      assert.notEqual(message.en, message.ar, code);
    }
  }
  // Limits in Arabic messages are written in Arabic-Indic digits.
  assert.match(QUERY_ERROR_MESSAGES.TOO_LONG.ar, /٥٠٠/);
});
