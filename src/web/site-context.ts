import type { Edition } from '../domain/edition.ts';

/** Which edition a request is for, and the path prefix its links must carry on this host. */
export interface SiteContext {
  readonly edition: Edition;
  /** '' when the edition is served at the root of this host, else its pathPrefix. */
  readonly prefix: string;
  readonly baseUrl: string;
  /** Every edition, for cross-edition links. */
  readonly editions: readonly Edition[];
}
