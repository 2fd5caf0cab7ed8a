import type { ImportRecord } from '../domain/import-record.ts';
import type { ExportQueries } from '../store/types.ts';

/** Rows per page when streaming nodes and comments: bounded memory for a million-item archive. */
const PAGE = 500;

/** The first line of a Folio JSON export. */
export interface ExportHeader {
  readonly type: 'folio-export';
  readonly version: 1;
  readonly exportedAt: string;
  readonly editions: readonly string[];
  /** Fields of records that hold personal data, never to be published from the file. */
  readonly privateFields: Readonly<Record<string, readonly string[]>>;
  /** Whether users' password hashes are in the file (`--include-secrets`). */
  readonly secrets: boolean;
}

/** Marks the start of an edition's records in the file. */
export interface EditionMarker {
  readonly type: 'folio-edition';
  readonly code: string;
}

/** Reads an archive out as import records, an edition at a time, in the order an import needs. */
export class ExportService {
  constructor(private readonly queries: ExportQueries, private readonly now: () => Date = () => new Date()) {}

  async header(only?: readonly string[], secrets = false): Promise<ExportHeader> {
    const all = await this.queries.editions();
    return {
      type: 'folio-export', version: 1, exportedAt: this.now().toISOString(),
      editions: only === undefined ? all : all.filter((e) => only.includes(e)),
      privateFields: { comment: ['email', 'hostname'], user: ['email', 'passwordHash'] }, secrets,
    };
  }

  /** Every older path of an edition that redirects to a current one, in path order, streamed. */
  async *legacyPaths(edition: string): AsyncIterable<string> {
    for (let after = ''; ;) {
      const paths = await this.queries.legacyAliases(edition, after, PAGE * 4);
      if (paths.length === 0) break;
      yield* paths;
      after = paths[paths.length - 1]!;
    }
  }

  /** Users come before any edition: they sign in to all of them. */
  users(includeSecrets: boolean): Promise<ImportRecord[]> {
    return this.queries.users(includeSecrets);
  }

  async *records(edition: string): AsyncIterable<ImportRecord | EditionMarker> {
    yield { type: 'folio-edition', code: edition };
    yield* await this.queries.terms(edition);
    yield* await this.queries.authors(edition);
    yield* await this.queries.blogs(edition);
    for (let after = 0; ;) {
      const nodes = await this.queries.nodes(edition, after, PAGE);
      if (nodes.length === 0) break;
      yield* nodes;
      after = nodes[nodes.length - 1]!.nid!;
    }
    for (let after = 0; ;) {
      const comments = await this.queries.comments(edition, after, PAGE * 4);
      if (comments.length === 0) break;
      yield* comments;
      after = comments[comments.length - 1]!.cid!;
    }
    yield* await this.queries.corrections(edition);
    yield* await this.queries.gone(edition);
    yield* await this.queries.pathRedirects(edition);
    yield* await this.queries.itemRedirects(edition);
  }
}
