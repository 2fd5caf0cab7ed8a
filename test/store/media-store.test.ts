import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MediaItem } from '../../src/domain/media.ts';
import { testDialects } from '../support/databases.ts';
import { buildNode } from '../support/factories.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { sanctionedWriter } from '../../src/domain/edition-guard.ts';

// The media library's rows (016-media), the same on every dialect (STYLE.md habit 2).

let nextId = 1;
function buildMedia(overrides: Partial<MediaItem> = {}): MediaItem {
  return {
    id: (nextId++).toString(16).padStart(20, '0'), edition: 'ar', originalName: 'photo.jpg', type: 'image/jpeg',
    width: 1200, height: 800, bytes: 12345, caption: null, credit: null, alt: null, widths: [480, 800, 1200],
    uploadedBy: 1, uploadedAt: 1_700_000_000, legacyPath: null, ...overrides,
  };
}

for (const dialect of testDialects()) {
  describe(`media store (${dialect})`, () => {
    let site: TestSite;
    const media = () => site.runtime.store.media;
    before(async () => {
      site = await openTestSite(dialect);
    });
    after(async () => {
      await site.close();
    });

    test('an item is written once, read back whole, and found by its old path', async () => {
      const item = buildMedia({ caption: 'تعليق', credit: 'AFP', alt: 'نص بديل', legacyPath: 'sites/default/files/old photo.jpg', uploadedBy: null });
      assert.equal(await media().insert(item), 'inserted');
      assert.equal(await media().insert({ ...item, caption: 'another' }), 'exists');
      assert.deepEqual(await media().find(item.id), item);
      assert.deepEqual(await media().findByLegacyPath('sites/default/files/old photo.jpg'), item);
      assert.equal(await media().findByLegacyPath('sites/default/files/other.jpg'), undefined);
      assert.equal(await media().find('f'.repeat(20)), undefined);
    });

    test('listing is newest first by keyset, per edition, and searches every text field, case-insensitively, wildcards literal', async () => {
      const items = [
        buildMedia({ edition: 'en', caption: 'Harbour at DAWN', uploadedAt: 100 }),
        buildMedia({ edition: 'en', credit: 'Reuters', uploadedAt: 200 }),
        buildMedia({ edition: 'en', alt: 'a 100% full harbour', uploadedAt: 200 }),
        buildMedia({ edition: 'en', originalName: 'IMG_0042.JPG', uploadedAt: 300 }),
      ];
      for (const i of items) await media().insert(i);
      const all = await media().list({ edition: 'en', limit: 10 });
      assert.deepEqual(all.map((i) => i.id), [items[3]!.id, items[2]!.id, items[1]!.id, items[0]!.id]);
      const first = await media().list({ edition: 'en', limit: 2 });
      const last = first[first.length - 1]!;
      const rest = await media().list({ edition: 'en', limit: 10, olderThan: { at: last.uploadedAt, id: last.id } });
      assert.deepEqual([...first, ...rest].map((i) => i.id), all.map((i) => i.id), 'the pages join with nothing lost or repeated on equal times');
      const ids = async (search: string) => (await media().list({ edition: 'en', limit: 10, search })).map((i) => i.id).sort();
      assert.deepEqual(await ids('harbour'), [items[0]!.id, items[2]!.id].sort());
      assert.deepEqual(await ids('dawn HARBOUR'), [items[0]!.id]);
      assert.deepEqual(await ids('reuters'), [items[1]!.id]);
      assert.deepEqual(await ids('img_0042'), [items[3]!.id]);
      assert.deepEqual(await ids('100%'), [items[2]!.id]);
      assert.deepEqual(await ids('%'), [items[2]!.id], 'a % is a percent sign, not a wildcard');
      assert.deepEqual(await ids('_'), [items[3]!.id]);
      const arabic = buildMedia({ edition: 'ar', caption: 'ميناء بيروت عند الفجر' });
      await media().insert(arabic);
      assert.deepEqual((await media().list({ edition: 'ar', limit: 10, search: 'بيروت' })).map((i) => i.id), [arabic.id]);
      assert.equal((await media().list({ edition: 'en', limit: 10, search: 'بيروت' })).length, 0);
    });

    test('text is changed, and an item in use by a lead photo or a body is reported before it is removed', async () => {
      const item = buildMedia();
      await media().insert(item);
      assert.equal(await media().updateText(item.id, { caption: 'c', credit: null, alt: 'a' }), true);
      assert.equal(await media().updateText('0'.repeat(20), { caption: 'c', credit: null, alt: 'a' }), false);
      assert.deepEqual(await media().find(item.id).then((i) => [i?.caption, i?.credit, i?.alt]), ['c', null, 'a']);
      const src = `/media/${item.id}-1200.jpg`;
      assert.deepEqual(await media().nodesUsing(item.id, [src]), []);
      const w = sanctionedWriter(site.runtime.editions.get('ar'), 'demo-seed');
      await site.runtime.store.writer.saveNodes(w, [
        buildNode({ nid: 901, title: 'Lead', photo: { src, caption: null, credit: null } }),
        buildNode({ nid: 902, title: 'Inline', bodyHtml: `<p><img src="/media/${item.id}-480.webp" alt=""></p>` }),
        buildNode({ nid: 903, title: 'Other' }),
      ]);
      assert.deepEqual(await media().nodesUsing(item.id, [src]), [901, 902]);
      assert.equal(await media().remove(item.id), true);
      assert.equal(await media().remove(item.id), false);
      assert.equal(await media().find(item.id), undefined);
    });
  });
}
