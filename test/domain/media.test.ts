import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sniffImageType } from '../../src/domain/image-type.ts';
import { derivativeHeight, derivativeWidths, mediaPhoto, parseDerivativeName, renditionOf, type MediaItem } from '../../src/domain/media.ts';
import { MEDIA_MESSAGES } from '../../src/text/media-messages.ts';
import { WorkQueue } from '../../src/services/work-queue.ts';

const bytes = (...parts: (number[] | string)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
/** An ISO BMFF 'ftyp' box with a major brand and compatible brands. */
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], compatible.join(''));
};

test('the type comes from the bytes: accepted, refused by name, or unknown', () => {
  const cases: [string, Buffer, string][] = [
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'accepted image/jpeg'],
    ['PNG', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0]), 'accepted image/png'],
    ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'accepted image/webp'],
    ['AVIF, major brand', ftyp('avif', 'mif1', 'miaf'), 'accepted image/avif'],
    ['AVIF, compatible brand only', ftyp('mif1', 'miaf', 'avif'), 'accepted image/avif'],
    ['AVIF sequence', ftyp('avis', 'msf1'), 'accepted image/avif'],
    ['HEIC', ftyp('heic', 'mif1'), 'refused HEIC'],
    ['GIF89a', bytes('GIF89a', [1, 0]), 'refused GIF'],
    ['GIF87a', bytes('GIF87a', [1, 0]), 'refused GIF'],
    ['TIFF', bytes('II*', [0, 8, 0]), 'refused TIFF'],
    ['BMP', bytes('BM', [0, 0, 0, 0]), 'refused BMP'],
    ['text named .jpg', bytes('hello, this is text'), 'unknown'],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'unknown'],
    ['empty', bytes(), 'unknown'],
    ['truncated JPEG', bytes([0xff, 0xd8]), 'unknown'],
    ['RIFF but WAVE', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '), 'unknown'],
    ['ftyp box claiming avif past its own size', bytes([0, 0, 0, 16], 'ftyp', 'isom', [0, 0, 0, 0], 'avif'), 'unknown'],
  ];
  for (const [name, input, expected] of cases) {
    const r = sniffImageType(input);
    assert.equal(r.kind === 'accepted' ? `accepted ${r.type}` : r.kind === 'refused' ? `refused ${r.what}` : 'unknown', expected, name);
  }
});

test('derivative widths are never above the original, and the original width closes the list below the largest', () => {
  assert.deepEqual(derivativeWidths(4000), [480, 800, 1200, 1600]);
  assert.deepEqual(derivativeWidths(1600), [480, 800, 1200, 1600]);
  assert.deepEqual(derivativeWidths(1000), [480, 800, 1000]);
  assert.deepEqual(derivativeWidths(480), [480]);
  assert.deepEqual(derivativeWidths(100), [100]);
  assert.equal(derivativeHeight({ width: 4000, height: 3000 }, 1600), 1200);
  assert.equal(derivativeHeight({ width: 1000, height: 333 }, 480), 160);
  assert.equal(derivativeHeight({ width: 300, height: 200 }, 300), 200);
});

test('derivative names parse back, and nothing else does', () => {
  const hash = '0123456789abcdef0123';
  assert.deepEqual(parseDerivativeName(`${hash}-480.avif`), { hash, width: 480, format: 'avif' });
  for (const bad of [`${hash}-480.gif`, `${hash}.jpg`, `../${hash}-480.jpg`, `${hash}-480.jpg/x`, `${hash.toUpperCase()}-480.jpg`, `${hash}0-480.jpg`, `${hash}-123456.jpg`]) {
    assert.equal(parseDerivativeName(bad), null, bad);
  }
});

test('a rendition lists every width per format, AVIF first, with the largest JPEG as fallback and its real size', () => {
  const item: MediaItem = {
    id: 'abcdefabcdefabcdef12', edition: 'ar', originalName: 'a.jpg', type: 'image/jpeg', width: 1000, height: 750, bytes: 1,
    caption: 'تعليق', credit: 'AFP', alt: 'نص بديل', widths: [480, 800, 1000], uploadedBy: null, uploadedAt: 0, legacyPath: null,
  };
  const r = renditionOf(item, '/media');
  assert.deepEqual(r.sources.map((s) => s.type), ['image/avif', 'image/webp']);
  assert.equal(r.sources[0]!.srcset, '/media/abcdefabcdefabcdef12-480.avif 480w, /media/abcdefabcdefabcdef12-800.avif 800w, /media/abcdefabcdefabcdef12-1000.avif 1000w');
  assert.equal(r.src, '/media/abcdefabcdefabcdef12-1000.jpg');
  assert.deepEqual([r.width, r.height, r.alt], [1000, 750, 'نص بديل']);
  const photo = mediaPhoto(item, '/media');
  assert.deepEqual([photo.src, photo.caption, photo.credit], [r.src, 'تعليق', 'AFP']);
});

test('the media messages exist in both languages', () => {
  assert.deepEqual(Object.keys(MEDIA_MESSAGES.ar).sort(), Object.keys(MEDIA_MESSAGES.en).sort());
  for (const [key, text] of Object.entries(MEDIA_MESSAGES.ar)) {
    assert.ok(text.trim() !== '', key);
    const placeholders = (s: string) => [...s.matchAll(/@\w+/g)].map((m) => m[0]).sort();
    assert.deepEqual(placeholders(text), placeholders(MEDIA_MESSAGES.en[key as keyof typeof MEDIA_MESSAGES.en]), key);
  }
});

test('the work queue runs one job at a time in order, and refuses beyond its waiting room', async () => {
  const queue = new WorkQueue(1, 2, () => new Error('busy'));
  const order: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const first = queue.run(async () => { order.push('a start'); await gate; order.push('a end'); });
  const second = queue.run(async () => { order.push('b'); });
  const third = queue.run(async () => { order.push('c'); });
  await assert.rejects(queue.run(async () => { order.push('d'); }), /busy/);
  assert.equal(queue.depth, 3);
  release();
  await Promise.all([first, second, third]);
  assert.deepEqual(order, ['a start', 'a end', 'b', 'c']);
  assert.equal(queue.depth, 0);
  await assert.rejects(queue.run(async () => { throw new Error('job failed'); }), /job failed/);
  await queue.run(async () => { order.push('after a failure'); });
  assert.equal(order.at(-1), 'after a failure');
});
