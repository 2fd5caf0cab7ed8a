import type { ImportedBlog, ImportedGone, ImportedRedirect } from '../../../domain/import-record.ts';
import { aliasPath } from './alias-paths.ts';
import type { AliasRow, DrupalVersion } from './drupal-rows.ts';
import type { TermInfo } from './term-records.ts';

/**
 * Drupal system paths that Folio serves at the same route: an alias of one redirects there. The
 * front listing, the blog index, the front feed, a term's feed, comment permalinks, the format
 * tips and date archives (the archive module's archive/2013/05).
 */
const FIXED_ROUTES: readonly RegExp[] = [
  /^(node|blog|rss\.xml|filter\/tips)$/, /^taxonomy\/term\/\d+\/feed$/, /^comment\/\d+$/, /^archive(\/\d{4}(\/\d{2}(\/\d{2})?)?)?$/,
];

/** What an alias of a system path needs to know about the site. */
export interface SystemAliasSite {
  readonly version: DrupalVersion;
  /** Terms by tid (forum containers are terms). */
  readonly terms: ReadonlyMap<number, TermInfo>;
  /** Blogs by the uid of their blogger. */
  readonly blogs: ReadonlyMap<number, ImportedBlog>;
}

/**
 * An alias whose source is not a node (issue 11): kept as a redirect to what Folio serves for its
 * source, or gone (410) with the reason, never dropped. user/<uid> and blog/<uid> lead to the
 * user's blog; forum/<tid> to the container's term page; a deleted term's alias and anything Folio
 * has no page for (a views page, a profile of a user without a blog) are gone.
 */
export function systemAliasRecord(row: AliasRow, site: SystemAliasSite): ImportedRedirect | ImportedGone | null {
  const from = aliasPath(row.alias);
  if (from === '') return null;
  const source = aliasPath(row.source);
  const provenance = { source: 'drupal' as const, originalUrl: `drupal${site.version}:${source}`, capturedAt: null };
  const redirect = (to: string): ImportedRedirect => ({ type: 'redirect', from, to, provenance });
  const gone = (reason: string): ImportedGone => ({ type: 'gone', path: from, reason, provenance });
  if (FIXED_ROUTES.some((route) => route.test(source))) return { ...redirect(source), fixedRoute: true };
  const [, kind, id] = /^(user|blog|forum|taxonomy\/term)\/(\d+)$/.exec(source) ?? [];
  const n = Number(id);
  switch (kind) {
    case 'user':
    case 'blog': {
      const blog = site.blogs.get(n);
      if (blog) return redirect(`blogs/${blog.slug}`);
      return gone(kind === 'user' ? `${source} is a user profile; Folio keeps no profiles and this user wrote no blog posts` : `${source} is a blog with no posts`);
    }
    case 'forum': {
      const term = site.terms.get(n);
      if (term && term.role !== 'author') return redirect(`taxonomy/term/${n}`);
      return gone(`${source} is a forum container that no longer exists`);
    }
    case 'taxonomy/term':
      return gone(`${source} was deleted`);
    default:
      return gone(`"${from}" was an alias of the system path "${source}", which Folio does not serve`);
  }
}
