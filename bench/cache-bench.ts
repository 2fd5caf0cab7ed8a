// The page cache's eviction policy against a synthetic archive request stream (issue 14, point 2):
// Zipf-distributed popularity plus a uniform crawler share, replayed against each policy with the
// same byte budget. Also checks the byte bound against the heap the real PageCache grows by.
import { FifoPolicy, LruPolicy, type EvictionPolicy } from '../src/web/cache/eviction-policy.ts';
import { TinyLfuPolicy } from '../src/web/cache/tiny-lfu-policy.ts';
import { PageCache } from '../src/web/page-cache.ts';
import { SeededRandom } from '../src/demo/seeded-random.ts';

/** A seeded source in [0, 1) (the demo's SeededRandom), so every run of one seed is the same. */
function random(seed: number): () => number {
  const rng = new SeededRandom(seed);
  return () => rng.next();
}

/** Cumulative Zipf weights over n ranks with exponent s, for sampling by binary search. */
function zipfTable(n: number, s: number): Float64Array {
  const table = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) table[i] = sum += 1 / Math.pow(i + 1, s);
  for (let i = 0; i < n; i++) table[i]! /= sum;
  return table;
}

function sample(table: Float64Array, u: number): number {
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The shape of a synthetic archive's traffic. */
export interface Mix {
  readonly pages: number;
  readonly zipf: number;
  /** Share of requests from crawlers walking the archive in order. */
  readonly crawler: number;
  readonly requests: number;
}

/**
 * Page sizes as held (gzip + brotli + headers): about 16 KB for an article, log-normally spread,
 * as the 100,000-article demo's pages measure.
 */
function pageSizes(n: number, rnd: () => number): Int32Array {
  const sizes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const normal = Math.sqrt(-2 * Math.log(rnd() || 1e-12)) * Math.cos(2 * Math.PI * rnd());
    sizes[i] = Math.round(16_000 * Math.exp(0.35 * normal));
  }
  return sizes;
}

/** Hit ratio of one policy on one stream: a hit is a page held when asked for; a miss renders and offers it. */
export function replay(policy: EvictionPolicy, mix: Mix, seed = 1): number {
  const rnd = random(seed);
  const table = zipfTable(mix.pages, mix.zipf);
  const sizes = pageSizes(mix.pages, random(seed + 1));
  // Popularity is not the archive's order: rank r is a random page.
  const pageOfRank = Int32Array.from({ length: mix.pages }, (_, i) => i);
  for (let i = mix.pages - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [pageOfRank[i], pageOfRank[j]] = [pageOfRank[j]!, pageOfRank[i]!];
  }
  const held = new Set<string>();
  let crawl = 0;
  let hits = 0;
  const warmup = Math.floor(mix.requests / 5);
  for (let r = 0; r < mix.requests; r++) {
    const page = rnd() < mix.crawler ? crawl++ % mix.pages : pageOfRank[sample(table, rnd())]!;
    const key = `h/p${page}`;
    if (held.has(key)) {
      policy.hit(key);
      if (r >= warmup) hits++;
      continue;
    }
    policy.miss(key);
    held.add(key);
    for (const dropped of policy.add(key, sizes[page]!)) held.delete(dropped);
  }
  return hits / (mix.requests - warmup);
}

const POLICIES: [string, (max: number) => EvictionPolicy][] = [
  ['FIFO (before)', (max) => new FifoPolicy(max)],
  ['LRU', (max) => new LruPolicy(max)],
  ['W-TinyLFU', (max) => new TinyLfuPolicy(max)],
];

/** Hit ratios of each policy over a few mixes, as table rows. */
export function measurePolicies(budgetBytes: number, pages: number, requests: number): { mix: string; ratios: { policy: string; hitRatio: number }[] }[] {
  const mixes: [string, Mix][] = [
    [`Zipf 0.9, no crawler`, { pages, zipf: 0.9, crawler: 0, requests }],
    [`Zipf 0.9, 20% crawler`, { pages, zipf: 0.9, crawler: 0.2, requests }],
    [`Zipf 0.9, 50% crawler`, { pages, zipf: 0.9, crawler: 0.5, requests }],
    [`Zipf 0.7, 20% crawler`, { pages, zipf: 0.7, crawler: 0.2, requests }],
  ];
  return mixes.map(([name, mix]) => ({ mix: name, ratios: POLICIES.map(([policy, make]) => ({ policy, hitRatio: replay(make(budgetBytes), mix) })) }));
}

/**
 * Fills a real PageCache with page-like bodies until it evicts, and compares the heap it grew by
 * with the bytes it counts: the bound is exact when the two agree.
 */
export async function measureByteBound(budgetBytes: number): Promise<{ counted: number; heapGrowth: number; externalGrowth: number; entries: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const cache = new PageCache(budgetBytes);
  const rnd = random(7);
  const words = ['archive', 'minister', 'election', 'قال', 'الحكومة', 'market', 'council', 'report'];
  for (let i = 0; cache.bytes < budgetBytes * 0.95 && i < 1_000_000; i++) {
    let text = `<!doctype html><title>page ${i}</title>`;
    while (text.length < 30_000) text += `<p>${words[Math.floor(rnd() * words.length)]} ${Math.floor(rnd() * 1e6)}</p>`;
    cache.set(`bench.example/page/${i}`, {
      edition: 'en', status: 200, etag: `"${i.toString(36).padStart(22, '0')}"`, body: Buffer.from(text, 'utf8'),
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=600', vary: 'Accept-Encoding', 'permissions-policy': 'camera=()' },
    });
    if (i % 50 === 49) await new Promise((r) => setImmediate(r));
  }
  await new Promise((r) => setTimeout(r, 50));
  gc?.();
  const after = process.memoryUsage();
  const result = { counted: cache.bytes, heapGrowth: after.heapUsed - before.heapUsed, externalGrowth: after.arrayBuffers - before.arrayBuffers, entries: cache.size };
  return result;
}

/** A request list whose uniform sampling (wrk's) follows Zipf popularity plus a crawler share. */
export function zipfPaths(all: readonly string[], count: number, zipf: number, crawler: number, seed = 3): string[] {
  const rnd = random(seed);
  const table = zipfTable(all.length, zipf);
  const order = Int32Array.from({ length: all.length }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return Array.from({ length: count }, () => all[rnd() < crawler ? Math.floor(rnd() * all.length) : order[sample(table, rnd())]!]!);
}

/** The page cache's hit and miss counts from a server's Prometheus endpoint. */
export async function cacheCounts(metricsUrl: string): Promise<{ hits: number; misses: number }> {
  const text = await (await fetch(metricsUrl)).text();
  const count = (result: string) => Number(new RegExp(`folio_page_cache_requests_total\\{result="${result}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  return { hits: count('hit'), misses: count('miss') };
}
