import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Lang } from '../../src/domain/errors.ts';
import { describeQuery } from '../../src/search/describe-query.ts';
import { parseQuery } from '../../src/search/parse-query.ts';

const cases: Array<[string, Lang, string, string]> = [
  ['gaza "border crossing" -rafah', 'en',
    "articles with 'gaza' and the phrase 'border crossing', without 'rafah'",
    'مقالات فيها «gaza» والعبارة «border crossing»، من دون «rafah»'],
  ['غزة "معبر رفح" -مصر', 'ar',
    "articles with 'غزة' and the phrase 'معبر رفح', without 'مصر'",
    'مقالات فيها «غزة» والعبارة «معبر رفح»، من دون «مصر»'],
  ['pledge OR pledged aid', 'en',
    "articles with 'pledge', or with 'pledged' and 'aid'",
    'مقالات فيها «pledge»، أو فيها «pledged» و«aid»'],
  ['reut* -reuters -"news agency"', 'en',
    "articles with words starting with 'reut', without 'reuters' or the phrase 'news agency'",
    'مقالات فيها كلمات تبدأ بـ«reut»، من دون «reuters» أو العبارة «news agency»'],
  ['أحمد أو إسرائيل', 'ar',
    "articles with 'أحمد', or with 'إسرائيل'",
    'مقالات فيها «أحمد»، أو فيها «إسرائيل»'],
];

for (const [input, lang, en, ar] of cases) {
  test(`describeQuery: ${input}`, () => {
    const r = parseQuery(input, lang);
    assert.ok(r.ok);
    assert.equal(describeQuery(r.query, 'en'), en);
    assert.equal(describeQuery(r.query, 'ar'), ar);
  });
}
