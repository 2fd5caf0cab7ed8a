import type { ContentReader, ContentWriter } from '../store/types.ts';

/**
 * Filling a database with a generated newspaper (`folio demo`, `folio serve --demo` on an empty
 * database). The generator writes whole editions itself (ids, paths, threads, translations), so it
 * gets the store's writer; this service is the one way the command line reaches it.
 */
export class SeedingService {
  constructor(private readonly content: Pick<ContentReader, 'countNodes'>, readonly writer: ContentWriter) {}

  /** How many items the database holds: in one edition, or in all of them. */
  countItems(edition?: string): Promise<number> {
    return this.content.countNodes(edition);
  }

  /** Records the seed and time the content was generated with, so the same newspaper can be made again. */
  recordSeed(seed: number, at: Date): Promise<void> {
    return this.writer.setMeta('demo', JSON.stringify({ seed, at: at.toISOString() }));
  }
}
