/** Visited URLs dropped from the front of the queue at once. */
const QUEUE_TRIM = 4096;

/**
 * A breadth-first walk over site URLs (path and query), each visited once, `concurrency` at a
 * time. Visiting a URL may discover more; the walk ends when none is left in flight.
 */
export async function crawl(seeds: Iterable<string>, concurrency: number, visit: (url: string) => Promise<Iterable<string>>, onVisited?: (done: number, known: number) => void): Promise<number> {
  const seen = new Set<string>();
  const queue: string[] = [];
  const enqueue = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    queue.push(url);
  };
  for (const seed of seeds) enqueue(seed);
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      // A turn of the event loop per URL. Rendered in process, a visit never leaves the microtask
      // queue, so without it the loop never turned during the walk: each page's Immediate (one per
      // injected request, holding the request and its response) waited for the end, and a
      // 10,000-article export with --threads 0 peaked at 1.8 GB (issue 14).
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (next >= queue.length) break;
      const url = queue[next++]!;
      // Visited URLs leave the queue (they stay in `seen`): at 100,000 articles it held some
      // 265,000 for the whole walk.
      if (next >= QUEUE_TRIM) {
        queue.splice(0, next);
        next = 0;
      }
      for (const found of await visit(url)) enqueue(found);
      done++;
      onVisited?.(done, seen.size);
    }
  };
  // Workers that find the queue empty stop while others may still add to it: restart until
  // a round ends with nothing new.
  while (next < queue.length) await Promise.all(Array.from({ length: concurrency }, worker));
  return done;
}
