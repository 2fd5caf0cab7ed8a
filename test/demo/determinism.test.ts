import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { DEFAULT_EDITIONS } from '../../src/config/default-editions.ts';
import type { Edition } from '../../src/domain/edition.ts';
import { generateDemo } from '../../src/demo/index.ts';
import { connectSqlite } from '../../src/store/sqlite/connect.ts';
import { openStore } from '../../src/store/open-store.ts';

const [en, ar] = DEFAULT_EDITIONS as [Edition, Edition];

/** A fingerprint of everything the listings and pages of both editions show. */
async function fingerprint(seed: number, articles: number): Promise<{ all: string; arabicTitles: string[] }> {
  const store = await openStore(connectSqlite(':memory:'));
  try {
    await generateDemo({ writer: store.writer, editions: { en, ar }, seed, articles, arabicArticles: 40 });
    const hash = createHash('sha256');
    let arabicTitles: string[] = [];
    for (const edition of ['en', 'ar']) {
      const page = await store.content.listNodes({ edition, filter: { type: 'all' }, page: 0, pageSize: 10_000 });
      for (const n of page.items) {
        hash.update(JSON.stringify([n.nid, n.kind, n.title, n.path, n.teaser, n.leadHtml, n.publishedAt, n.authors, n.commentCount, n.photo]));
        const detail = await store.content.findNode(edition, n.nid);
        hash.update(JSON.stringify([detail?.bodyHtml, detail?.terms.map((t) => [t.tid, t.name, t.path])]));
        if (n.commentCount > 0) hash.update(JSON.stringify((await store.content.listPublishedComments(n.nid, 0, 100)).items));
      }
      if (edition === 'ar') arabicTitles = page.items.map((n) => n.title);
      hash.update(JSON.stringify(await store.content.listTerms(edition, 'tag')));
    }
    hash.update(JSON.stringify(await store.content.listCorrections('en')));
    return { all: hash.digest('hex'), arabicTitles };
  } finally {
    await store.close();
  }
}

describe('demo determinism', () => {
  it('gives identical content for the same seed, and different content for another', async () => {
    const a = await fingerprint(5, 300);
    const b = await fingerprint(5, 300);
    const c = await fingerprint(6, 300);
    assert.equal(a.all, b.all);
    assert.notEqual(a.all, c.all);
  });

  it('keeps the Arabic edition’s text when only the English size changes', async () => {
    const small = await fingerprint(5, 300);
    const larger = await fingerprint(5, 360);
    assert.deepEqual(larger.arabicTitles, small.arabicTitles);
  });

  it('rejects sizes that are not whole numbers, and a store that already has content', async () => {
    const store = await openStore(connectSqlite(':memory:'));
    try {
      await assert.rejects(generateDemo({ writer: store.writer, editions: { en, ar }, seed: 1, articles: -1 }), { code: 'INVALID' });
      await assert.rejects(generateDemo({ writer: store.writer, editions: { en, ar }, seed: 1.5 }), { code: 'INVALID' });
      await generateDemo({ writer: store.writer, editions: { en, ar }, seed: 1, articles: 30, arabicArticles: 5 });
      await assert.rejects(generateDemo({ writer: store.writer, editions: { en, ar }, seed: 1 }), { code: 'CONFLICT' });
    } finally {
      await store.close();
    }
  });
});
