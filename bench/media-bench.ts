import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { DERIVATIVE_FORMATS, derivativeWidths } from '../src/domain/media.ts';
import { makeDerivatives } from '../src/services/image-derivatives.ts';

/** A photo-like 4000×3000 JPEG (blurred noise: detail everywhere, as a real photo has), made once. */
async function camerasJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .blur(1.5).jpeg({ quality: 90 }).withExif({ IFD0: { Make: 'Bench', Model: 'Camera' } }).toBuffer();
}

/**
 * The baseline a typical Node site writes: each derivative decodes the original again and resizes
 * it (sharp's usual one-pipeline-per-output), with the same widths, formats and encoder settings.
 */
async function baselineDerivatives(original: Buffer, width: number): Promise<number> {
  const outputs = derivativeWidths(width).flatMap((w) => DERIVATIVE_FORMATS.map(async (f) => {
    const img = sharp(original).rotate().resize({ width: w });
    const encoded = f === 'avif' ? img.avif({ quality: 50, effort: 2 }) : f === 'webp' ? img.webp({ quality: 78 }) : img.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true });
    return (await encoded.toBuffer()).length;
  }));
  return (await Promise.all(outputs)).length;
}

/** Derivatives per second and originals per second over `rounds` runs of each, Folio's pipeline against the baseline. */
export async function measureMediaDerivatives(rounds: number): Promise<{ derivatives: number; folioPerSec: number; baselinePerSec: number; originalBytes: number }> {
  const original = await camerasJpeg();
  let derivatives = 0;
  // One warm-up of each, so neither pays for loading codecs.
  await makeDerivatives(original, '0'.repeat(20), 50_000_000);
  await baselineDerivatives(original, 4000);
  let start = performance.now();
  for (let i = 0; i < rounds; i++) derivatives = (await makeDerivatives(original, '0'.repeat(20), 50_000_000)).files.length;
  const folioSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  for (let i = 0; i < rounds; i++) await baselineDerivatives(original, 4000);
  const baselineSeconds = (performance.now() - start) / 1000;
  return { derivatives, folioPerSec: (derivatives * rounds) / folioSeconds, baselinePerSec: (derivatives * rounds) / baselineSeconds, originalBytes: original.length };
}

/** The bench section: prints one row (image derivatives per second for a 4000×3000 JPEG) with its baseline ratio. */
export async function mediaSection(): Promise<void> {
  const rounds = Number(process.env.FOLIO_BENCH_MEDIA_ROUNDS ?? 3);
  const r = await measureMediaDerivatives(rounds);
  const fmt = (n: number, d = 1) => n.toFixed(d);
  console.log(`\nMedia benchmark: derivatives of a 4000×3000 JPEG (${fmt(r.originalBytes / 1048576, 1)} MiB), ${r.derivatives} files each (4 widths × AVIF, WebP, JPEG), ${rounds} rounds, sharp on ${sharp.concurrency()} threads\n`);
  console.log(`Folio (decode once, resize from the largest): ${fmt(r.folioPerSec, 2)} derivatives/s (${fmt(r.folioPerSec / r.derivatives, 2)} uploads/s); baseline (decode per derivative): ${fmt(r.baselinePerSec, 2)} derivatives/s; ratio ${fmt(r.folioPerSec / r.baselinePerSec, 2)}, target ≥ 1: ${r.folioPerSec >= r.baselinePerSec ? 'meets' : 'MISSES'}`);
}
