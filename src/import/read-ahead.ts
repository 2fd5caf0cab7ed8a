/**
 * Reads a source ahead of its consumer, up to `limit` items: while the importer writes a batch,
 * the source's next database round trips or file reads are already under way.
 */
export async function* readAhead<T>(source: AsyncIterable<T>, limit: number): AsyncIterable<T> {
  const iterator = source[Symbol.asyncIterator]();
  const queue: Promise<IteratorResult<T>>[] = [];
  const pull = () => {
    // Each pull waits for the one before it: async iterators must not be asked twice at once.
    const previous = queue[queue.length - 1] ?? Promise.resolve({ done: false, value: undefined as T });
    const next = previous.then((r) => (r.done ? r : iterator.next()));
    next.catch(() => undefined); // surfaced when the consumer reaches it
    queue.push(next);
  };
  try {
    for (let i = 0; i < limit; i++) pull();
    for (;;) {
      const result = await queue.shift()!;
      if (result.done) return;
      pull();
      yield result.value;
    }
  } finally {
    await iterator.return?.();
  }
}
