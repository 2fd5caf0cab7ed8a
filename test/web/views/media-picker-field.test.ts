import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_EDITIONS } from '../../../src/config/default-editions.ts';
import type { MediaItem } from '../../../src/domain/media.ts';
import type { SiteContext } from '../../../src/web/site-context.ts';
import { mediaPickerField } from '../../../src/web/views/media-picker-field.ts';

function context(code: 'en' | 'ar'): SiteContext {
  const edition = DEFAULT_EDITIONS.find((e) => e.code === code)!;
  return { edition, prefix: edition.pathPrefix, baseUrl: 'http://localhost', editions: DEFAULT_EDITIONS };
}

const item = (id: string, overrides: Partial<MediaItem> = {}): MediaItem => ({
  id, edition: 'ar', originalName: 'a.jpg', type: 'image/jpeg', width: 800, height: 600, bytes: 1,
  caption: null, credit: null, alt: null, widths: [480, 800], uploadedBy: null, uploadedAt: 0, legacyPath: null, ...overrides,
});

test('the lead-photo picker: radios with thumbnails, "none" first, the chosen one checked, captions escaped, no script', () => {
  const html = String(mediaPickerField(context('ar'), {
    name: 'photo', selected: 'b'.repeat(20),
    items: [item('a'.repeat(20), { caption: '<script>alert(1)</script> صورة', alt: 'بديل' }), item('b'.repeat(20), { caption: 'ميناء Beirut' })],
  }));
  assert.match(html, /^<fieldset class="media-picker">\n<legend>الصورة الرئيسية<\/legend>/);
  assert.match(html, /<input type="radio" id="photo-none" name="photo" value=""><label for="photo-none">بلا صورة رئيسية<\/label>/);
  assert.match(html, new RegExp(`<input type="radio" id="photo-${'b'.repeat(20)}" name="photo" value="${'b'.repeat(20)}" checked>`));
  assert.match(html, /<img src="\/media\/a{20}-800\.jpg" srcset="[^"]+480w, [^"]+800w" sizes="8rem" alt="" width="800" height="600" loading="lazy" decoding="async">/);
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; صورة'));
  assert.doesNotMatch(html, /<script/);
  assert.match(html, /<bdi>ميناء Beirut<\/bdi> <span class="media-warning">\(لا يوجد نص بديل بعد\)<\/span>/);
  assert.match(html, /<a href="\/ar\/admin\/media" target="_blank">فتح مكتبة الوسائط<\/a>/);
  const none = String(mediaPickerField(context('en'), { name: 'lead', selected: null, items: [] }));
  assert.match(none, /value="" checked><label for="lead-none">No lead photo<\/label>/);
});
