import type { FastifyInstance } from 'fastify';
import { sitemapLocations } from '../sitemap-locations.ts';

/** The path and query of a URL, as a request line carries it. */
export function requestTarget(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

/**
 * Every URL the site's sitemaps list, read through the real app in process, so the WARC holds
 * exactly what the site tells crawlers it publishes. The sitemap documents and robots.txt come
 * first: a replayed archive answers for them too.
 */
export async function* sitemapUrls(app: FastifyInstance, siteUrl: string): AsyncGenerator<string> {
  const index = `${siteUrl}/sitemap.xml`;
  yield `${siteUrl}/robots.txt`;
  yield index;
  const res = await app.inject({ method: 'GET', url: '/sitemap.xml' });
  if (res.statusCode !== 200) throw new Error(`/sitemap.xml answered ${res.statusCode}: the site lists no pages to archive`);
  for (const page of sitemapLocations(res.body)) {
    yield page;
    const pageRes = await app.inject({ method: 'GET', url: requestTarget(page) });
    if (pageRes.statusCode !== 200) throw new Error(`${page} answered ${pageRes.statusCode}`);
    yield* sitemapLocations(pageRes.body);
  }
}
