import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Edition } from '../domain/edition.ts';
import { NotFound } from '../domain/errors.ts';
import type { CorrectionEntry, NodeSummary, PublicComment } from '../domain/content.ts';
import { atomFeed } from '../feed/atom-feed.ts';
import type { FeedDocument, FeedEntry } from '../feed/feed-document.ts';
import { rssFeed } from '../feed/rss-feed.ts';
import { COMMENTS_PER_PAGE, type ListingPage, type PathTarget } from '../services/reader-service.ts';
import { sendFresh } from './send-page.ts';
import type { SiteContext } from './site-context.ts';
import { absoluteUrl, commentFeedUrl, commentUrl, editionPath, feedUrl, homeUrl, nodeUrl } from './urls.ts';
import { listingTitle } from './views/listing-view.ts';
import { correctionLine } from './views/revisions-view.ts';
import type { WebDeps } from './web-deps.ts';
import type { RecentNodeSource } from './routes/sitemap-routes.ts';

/** Entries in a comment feed: enough for a reader to catch up, few enough to stay small. */
const COMMENT_FEED_SIZE = 20;

/** Items in a listing feed when the front listing is empty and the newest items stand in. */
const FALLBACK_FEED_SIZE = 10;

/** Content types of the two feed formats. */
export const FEED_CONTENT_TYPES = { rss: 'application/rss+xml; charset=utf-8', atom: 'application/atom+xml; charset=utf-8' } as const;

/** The query string feeds take. */
export type FeedQuery = { Querystring: { format?: string } };

/** `?format=atom` asks for Atom; no format is RSS 2.0; anything else names no feed. */
export function feedFormat(request: FastifyRequest): 'rss' | 'atom' {
  const format = (request.query as FeedQuery['Querystring'] | undefined)?.format;
  if (format === undefined || format === 'rss') return 'rss';
  if (format === 'atom') return 'atom';
  throw new NotFound();
}

/** Sends feeds of one edition: listings (RSS or Atom) and per-article comments. */
export class FeedSender {
  constructor(private readonly edition: Edition, private readonly deps: WebDeps, private readonly recent: RecentNodeSource | undefined) {}

  /** Sends a document in the format the request asked for. */
  send(request: FastifyRequest, reply: FastifyReply, doc: FeedDocument): Promise<FastifyReply> {
    const format = feedFormat(request);
    const body = format === 'atom' ? atomFeed(doc) : rssFeed(doc);
    return sendFresh(request, reply, this.deps.cache, { edition: this.edition, status: 200, body, contentType: FEED_CONTENT_TYPES[format] });
  }

  /** The feed of a stored listing path (term, author or blog); NotFound for nodes and unknown paths. */
  async sendTarget(request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, target: PathTarget, listingPath: string): Promise<FastifyReply> {
    feedFormat(request);
    const { reader } = this.deps;
    const self = editionPath(ctx, listingPath);
    switch (target.targetType) {
      case 'term': {
        const listing = await reader.termListing(this.edition, target.targetId, 0);
        return this.send(request, reply, await this.listingDoc(ctx, listing, self, feedUrl(ctx, self, { tid: target.targetId })));
      }
      case 'author': return this.send(request, reply, await this.listingDoc(ctx, await reader.authorListing(this.edition, target.targetId, 0), self, feedUrl(ctx, self)));
      case 'blog': return this.send(request, reply, await this.listingDoc(ctx, await reader.blogListing(this.edition, target.targetId, 0), self, feedUrl(ctx, self)));
      case 'node': throw new NotFound();
    }
  }

  /** A listing's first page as a feed, each item with its credit and categories from the node itself. */
  async listingDoc(ctx: SiteContext, listing: ListingPage, listingUrl: string, selfUrl: string, items: readonly NodeSummary[] = listing.page.items): Promise<FeedDocument> {
    const title = listingTitle(ctx, listing);
    const corrections = await this.deps.mementos.correctionsOf(this.edition, items.map((i) => i.nid));
    const entries: FeedEntry[] = [];
    for (const item of items) entries.push(await this.entry(ctx, item, corrections.get(item.nid) ?? []));
    return {
      title: title ? `${title} | ${this.edition.siteName}` : this.edition.siteName,
      link: absoluteUrl(ctx, listingUrl),
      self: absoluteUrl(ctx, selfUrl),
      description: title ?? this.edition.siteName,
      language: this.edition.lang,
      entries,
    };
  }

  /** The front feed: promoted items, or the newest items when nothing is promoted. */
  async frontDoc(ctx: SiteContext): Promise<FeedDocument> {
    const listing = await this.deps.reader.frontListing(this.edition, 0);
    let items = listing.page.items;
    if (items.length === 0 && this.recent) {
      const recent = await this.recent.recentNodes(this.edition.code, { limit: FALLBACK_FEED_SIZE });
      items = (await Promise.all(recent.map((r) => this.deps.reader.node(this.edition, r.nid).then((p) => p.node, () => null))))
        .filter((n): n is NonNullable<typeof n> => n !== null);
    }
    return this.listingDoc(ctx, listing, homeUrl(ctx), feedUrl(ctx, homeUrl(ctx)), items);
  }

  private async entry(ctx: SiteContext, item: NodeSummary, corrections: readonly CorrectionEntry[]): Promise<FeedEntry> {
    const { node } = await this.deps.reader.node(this.edition, item.nid);
    return {
      title: node.title,
      link: absoluteUrl(ctx, nodeUrl(ctx, node)),
      published: node.publishedAt,
      // A correction changes the item: feed readers that watch <updated> see it again.
      updated: Math.max(node.updatedAt, node.publishedAt, ...corrections.map((c) => c.publishedAt)),
      corrections: corrections.map((c) => correctionLine(ctx, c)),
      authors: node.authors.map((a) => a.name),
      categories: [...(node.section ? [node.section.name] : []), ...node.terms.map((t) => t.name)],
      summary: node.teaser,
      credit: node.credit,
    };
  }

  /** The newest published comments of a node; only public fields reach the feed (never e-mail or host). */
  async commentsDoc(ctx: SiteContext, nid: number): Promise<FeedDocument> {
    const { reader } = this.deps;
    const first = await reader.node(this.edition, nid, 0);
    const lastPage = Math.max(0, Math.ceil(first.comments.total / COMMENTS_PER_PAGE) - 1);
    // Thread order is not time order: the newest comments sit on the last pages.
    let comments: PublicComment[] = [...first.comments.items];
    for (let page = lastPage; page > 0 && page >= lastPage - 1; page--) comments.push(...(await reader.node(this.edition, nid, page)).comments.items);
    comments = [...new Map(comments.map((c) => [c.cid, c])).values()]
      .sort((a, b) => b.createdAt - a.createdAt || b.cid - a.cid).slice(0, COMMENT_FEED_SIZE);
    const article = nodeUrl(ctx, first.node);
    return {
      title: `${first.node.title} | ${this.edition.siteName}`,
      link: absoluteUrl(ctx, article),
      self: absoluteUrl(ctx, commentFeedUrl(ctx, nid)),
      description: first.node.title,
      language: this.edition.lang,
      entries: comments.map((c) => ({
        title: c.subject,
        link: absoluteUrl(ctx, commentUrl(ctx, c.cid)),
        published: c.createdAt,
        authors: [c.name],
        categories: [],
        summary: '',
        htmlContent: c.bodyHtml.html,
      })),
    };
  }
}
