import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Lang } from '../../src/domain/errors.ts';
import { describeQuery } from '../../src/search/describe-query.ts';
import { parseQuery } from '../../src/search/parse-query.ts';
import type { QueryNode } from '../../src/search/query-node.ts';

const TOKEN = /^[\p{L}\p{N}]+$/u;

/** Every token a compiler would read: normalised and stemmed forms, phrase words. Never `text`. */
function tokensOf(node: QueryNode): string[] {
  switch (node.type) {
    case 'term': return [node.normalized, node.stemmed];
    case 'phrase': return [...node.words, ...node.stemmed];
    case 'not': return tokensOf(node.child);
    case 'and': case 'or': return node.children.flatMap(tokensOf);
  }
}

/** The structural promises: nots only inside an and with a positive child, ors flat. */
function assertShape(node: QueryNode, parent: 'root' | 'and' | 'or' = 'root'): void {
  if (node.type === 'not') assert.equal(parent, 'and', 'not outside an and');
  if (node.type === 'or') {
    assert.equal(parent, 'root', 'nested or');
    assert.ok(node.children.length >= 2);
  }
  if (node.type === 'and') {
    assert.notEqual(parent, 'and', 'nested and');
    assert.ok(node.children.some((c) => c.type !== 'not'), 'and without a positive child');
  }
  if (node.type === 'and' || node.type === 'or') for (const c of node.children) assertShape(c, node.type);
}

function assertSafe(input: string, lang: Lang): void {
  const r = parseQuery(input, lang);
  if (!r.ok) {
    assert.ok(r.error.message.en && r.error.message.ar);
    return;
  }
  assertShape(r.query);
  for (const token of tokensOf(r.query)) assert.match(token, TOKEN, JSON.stringify(input));
  // Highlight terms are tree tokens; a prefix one carries a '*' for the snippet builder.
  for (const term of r.terms) assert.match(term, /^[\p{L}\p{N}]+\*?$/u, JSON.stringify(input));
  assert.equal(typeof describeQuery(r.query, lang), 'string');
}

const hostile: Array<[string, string, string | null]> = [
  // [name, input, expected tree of normalised tokens as "a b c" or null for "an error is fine"]
  ['FTS5 column filter', 'title:gaza', 'title gaza'],
  ['FTS5 column set', '{title body}: gaza', 'title body gaza'],
  ['FTS5 NEAR group', 'NEAR(gaza rafah, 5)', 'near gaza rafah 5'],
  ['FTS5 caret initial token', '^gaza', 'gaza'],
  ['FTS5 lower-case operators are words', 'gaza and not near rafah', 'gaza and not near rafah'],
  ['FTS5 star inside word', 're*ut', 're ut'],
  ['tsquery operators', "gaza & !rafah | 'x':* <-> y", 'gaza rafah x y'],
  ['SQL injection', "'; DROP TABLE articles; --", 'drop table articles'],
  ['SQL comment and union', 'gaza/**/UNION SELECT * FROM users', 'gaza union select from users'],
  ['NUL bytes', 'ga\u0000za\u0000', 'ga za'],
  ['lone high surrogate', 'gaza\uD800rafah', 'gaza rafah'],
  ['lone low surrogate', '\uDC00gaza', 'gaza'],
  ['bidi override', 'gaza\u202Erafah', 'gazarafah'],
  ['zero-width joiner inside a word', 'غ\u200Dزة', 'غزه'],
  ['only punctuation', '!@#$%^&*()_+-=[]{};\':",./<>?', null],
  ['only stars and quotes', '*"*"*', null],
  ['only dashes', '- -- ---', null],
  ['only stop-ish words', 'the and of', 'the and of'],
  ['emoji', 'gaza 🇵🇸 🔥', 'gaza'],
  ['combining marks on Latin', 'ğ̸̢a̷z̶a', 'gaza'],
  ['Devanagari vowel signs dropped', 'हिंदी', null],
];

for (const [name, input, expected] of hostile) {
  test(`hostile: ${name}`, () => {
    assertSafe(input, 'en');
    assertSafe(input, 'ar');
    if (expected === null) return;
    const r = parseQuery(input, 'en');
    assert.ok(r.ok, `expected a tree for ${JSON.stringify(input)}`);
    assert.equal(tokensOfPositive(r.query).join(' '), expected);
  });
}

function tokensOfPositive(node: QueryNode): string[] {
  switch (node.type) {
    case 'term': return [node.normalized];
    case 'phrase': return [...node.words];
    case 'not': return tokensOfPositive(node.child);
    case 'and': case 'or': return node.children.flatMap(tokensOfPositive);
  }
}

// Syntax characters weighted up so the generator hits the parser's edges, not just random letters.
const queryChar = fc.oneof(
  fc.constantFrom('"', '«', '»', '“', '”', '*', '-', '(', ')', ':', '^', ' ', ' ', 'OR', 'AND', 'NOT', 'NEAR', 'أو', '\u0000', '\uD800', '\uDC00', '\u202E'),
  fc.constantFrom('a', 'é', 'غ', 'ة', 'أ', 'ـ', 'َ', '٣', '7', 'ß', 'İ', 'ﻻ', 'ﷺ', '\u0301', 'ि'),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const hostileQuery = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.array(queryChar, { maxLength: 80 }).map((parts) => parts.join('')),
);

test('property: parseQuery never throws, and every token in the tree is letters and digits only', () => {
  fc.assert(
    fc.property(hostileQuery, fc.constantFrom<Lang>('en', 'ar'), (input, lang) => {
      assertSafe(input, lang);
    }),
    { numRuns: 3000 },
  );
});

test('property: parsing is deterministic and the highlight terms come from the tree', () => {
  fc.assert(
    fc.property(hostileQuery, fc.constantFrom<Lang>('en', 'ar'), (input, lang) => {
      const a = parseQuery(input, lang);
      assert.deepEqual(parseQuery(input, lang), a);
      if (a.ok) for (const t of a.terms) assert.ok(tokensOf(a.query).includes(t.replace(/\*$/, '')));
    }),
    { numRuns: 500 },
  );
});

test('huge input is refused as too long', () => {
  // Speed targets live in the benchmark; here only the outcome is checked.
  const r = parseQuery('"'.repeat(5_000_000), 'en');
  assert.ok(!r.ok && r.error.code === 'TOO_LONG');
});
