import type { Edition } from '../domain/edition.ts';
import { NotFound } from '../domain/errors.ts';

/** Looks editions up by code, path prefix and host. */
export class EditionRegistry {
  private readonly byCode: ReadonlyMap<string, Edition>;

  constructor(readonly all: readonly Edition[]) {
    this.byCode = new Map(all.map((e) => [e.code, e]));
  }

  /** The edition with this code, or a NotFound naming the known codes. */
  get(code: string): Edition {
    const edition = this.byCode.get(code);
    if (!edition) throw new NotFound(`Unknown edition "${code}": use one of ${[...this.byCode.keys()].join(', ')}.`);
    return edition;
  }

  /** The edition served at the root of the main host. */
  root(): Edition {
    return this.all.find((e) => e.pathPrefix === '')!;
  }

  /** The edition a host name is bound to, if any. */
  forHost(host: string): Edition | undefined {
    const name = host.toLowerCase().replace(/:\d+$/, '');
    return this.all.find((e) => e.hosts.includes(name));
  }

  /** The edition whose path prefix starts this URL path (the root edition when none does). */
  forPath(path: string): Edition {
    for (const e of this.all) {
      if (e.pathPrefix !== '' && (path === e.pathPrefix || path.startsWith(`${e.pathPrefix}/`))) return e;
    }
    return this.root();
  }
}
