import { pagerPage } from './url-files.ts';

/**
 * The pages between a listing's first page and the last one a page links to. A pager links the
 * pages around the current one and the last: walked link by link, a listing of 3,000 pages is a
 * chain some 700 renders long, and at the end of a 100,000-article export those chains were all
 * that was left to render, a few pages at a time, while the render threads waited (issue 14).
 * A link to page K says pages 1 … K-1 are there too (page 0 is the bare path): they are handed to
 * the crawl at once, which then finds nothing it would not have reached through the pager.
 */
export class PagerPages {
  /** Path → the highest page already handed out. */
  private readonly known = new Map<string, number>();

  /** The links, and the pages before each pager link's page that were not handed out before. */
  withPagesBefore(links: readonly string[]): readonly string[] {
    let more: string[] | null = null;
    for (const link of links) {
      const query = link.indexOf('?');
      const last = query === -1 ? null : pagerPage(link.slice(query));
      if (last === null) continue;
      const path = link.slice(0, query);
      const from = (this.known.get(path) ?? 0) + 1;
      if (last < from) continue;
      this.known.set(path, last);
      more ??= [...links];
      for (let page = from; page < last; page++) more.push(`${path}?page=${page}`);
    }
    return more ?? links;
  }
}
