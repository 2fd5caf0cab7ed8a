import type { ContentReader } from '../store/types.ts';

/** One dependency's state, as /readyz reports it. */
export interface DependencyState {
  readonly name: string;
  readonly ok: boolean;
  /** What failed, for the operator (never shown with secrets: only the error's message). */
  readonly detail?: string;
}

/** How long a readiness check waits for the database before calling it down. */
const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    }),
  ]);
}

/**
 * Whether this instance can serve: the database answers a read of one row of meta (migrations
 * ran when the store opened, before the server listened). The web layer adds what it holds
 * itself, such as Redis. Load balancers send traffic only to instances that answer ready.
 */
export class HealthService {
  constructor(private readonly content: Pick<ContentReader, 'getMeta'>) {}

  /** The database's state. */
  database(): Promise<DependencyState> {
    return this.probe('database', () => this.content.getMeta('site_secret'));
  }

  /** Any dependency's state: up when `check` answers within CHECK_TIMEOUT_MS (used for Redis too). */
  async probe(name: string, check: () => Promise<unknown>): Promise<DependencyState> {
    try {
      await withTimeout(check(), CHECK_TIMEOUT_MS);
      return { name, ok: true };
    } catch (err) {
      return { name, ok: false, detail: err instanceof Error ? err.message : String(err) };
    }
  }
}
