import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArticleRejected, checkArticleForm, commentFormValue, splitNames, type ArticleFormValues } from '../../src/domain/article-form.ts';
import { NEWSROOM_MESSAGES } from '../../src/text/newsroom-messages.ts';

const VALID: ArticleFormValues = {
  title: ' عنوان ', slug: '', summary: '', body: '<p>x</p>', section: 'politics', tags: '', authors: '', credit: '', photoSrc: '', photoCaption: '',
  photoCredit: '', promoted: true, sticky: false, comments: '', translationOf: '', publishAt: '',
};

function fieldsOf(values: Partial<ArticleFormValues>): string[] {
  try {
    checkArticleForm({ ...VALID, ...values });
    return [];
  } catch (err) {
    assert.ok(err instanceof ArticleRejected);
    for (const message of Object.values(err.fields)) assert.ok(message.en !== '' && message.ar !== '' && message.en !== message.ar);
    return Object.keys(err.fields).sort();
  }
}

test('every bad field is reported at once, each in both languages', () => {
  assert.deepEqual(fieldsOf({ title: '  ', slug: 'a b', section: '', comments: '7', photoSrc: 'javascript:alert(1)' }), ['comments', 'photoSrc', 'section', 'slug', 'title']);
  assert.deepEqual(fieldsOf({ photoCaption: 'caption without a photo' }), ['photoSrc']);
  assert.deepEqual(fieldsOf({ photoSrc: '//evil.example/x.jpg' }), ['photoSrc'], 'a protocol-relative address is not a path on this site');
  assert.deepEqual(fieldsOf({ title: 'x'.repeat(256) }), ['title']);
  assert.deepEqual(fieldsOf({ tags: Array.from({ length: 31 }, (_, i) => `t${i}`).join(',') }), ['tags']);
  assert.deepEqual(fieldsOf({ slug: 'مرفأ-بيروت-2020', photoSrc: '/files/a.jpg', comments: '2' }), []);
});

test('the draft is trimmed; names split on Latin and Arabic commas; Drupal comment values map both ways', () => {
  const draft = checkArticleForm({ ...VALID, tags: 'مرفأ، Beirut ,, مرفأ', comments: '0', credit: '  ', translationOf: ' 12 ' });
  assert.equal(draft.title, 'عنوان');
  assert.deepEqual(draft.tags, ['مرفأ', 'Beirut']);
  assert.equal(draft.credit, null);
  assert.equal(draft.comments, 'hidden');
  assert.equal(draft.translationOf, '12');
  assert.deepEqual(splitNames(' a ,b،c '), ['a', 'b', 'c']);
  assert.deepEqual(['hidden', 'closed', 'open', null, 'moderated'].map(commentFormValue), ['0', '1', '2', '', '']);
});

test('the newsroom catalogue has every message in both languages, with the same placeholders', () => {
  const placeholders = (text: string) => [...text.matchAll(/@[a-z]+/g)].map((m) => m[0]).sort();
  for (const [key, en] of Object.entries(NEWSROOM_MESSAGES.en)) {
    const ar = NEWSROOM_MESSAGES.ar[key as keyof typeof NEWSROOM_MESSAGES.en];
    assert.ok(en.trim() !== '' && ar.trim() !== '', key);
    assert.deepEqual(placeholders(ar), placeholders(en), key);
  }
});
