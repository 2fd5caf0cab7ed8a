import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Edition } from '../../domain/edition.ts';
import { NotFound } from '../../domain/errors.ts';
import { parsePageParam } from '../../domain/pagination.ts';
import type { PathTarget } from '../../services/reader-service.ts';
import type { ListingPage } from '../../services/reader-service.ts';
import type { WebDeps } from '../web-deps.ts';
import { siteContextFor } from '../site-context-for.ts';
import { languageVersions } from '../translation-links.ts';
import type { SiteContext } from '../site-context.ts';
import { absoluteUrl, blogIndexUrl, blogUrl, commentOnPageUrl, editionPath, feedUrl, frontListingUrl, homeUrl, nodeUrl, pageUrl, termUrl, withPageQuery } from '../urls.ts';
import { renderDocument } from '../render.ts';
import { sendFresh } from '../send-page.ts';
import { sendSiteFile } from '../send-site-file.ts';
import { siteFilePath } from '../../services/file-store.ts';
import { articleMetadata, articlePageView } from '../views/article-page-view.ts';
import { homeView } from '../views/home-view.ts';
import { homeDescription, listingDescription, listingTitle, listingView } from '../views/listing-view.ts';
import { FeedSender } from '../feed-sender.ts';
import type { PageMetadata } from '../views/page-metadata.ts';
import { originalLinks } from '../memento-links.ts';
import { breadcrumbData, sectionTrail } from '../views/structured-data.ts';

type PageQuery = { Querystring: { page?: string; comment?: string } };

const ID = '(^\\d{1,10}$)';

/** The public pages of one edition, mounted at its prefix. Routes stay thin: parse, call, render. */
export function publicRoutes(edition: Edition, deps: WebDeps) {
  const { reader, cache, nav } = deps;
  const feeds = new FeedSender(edition, deps, undefined);

  async function sendView(request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, title: string, canonical: string, body: Parameters<typeof renderDocument>[2]['body'], extra: { description?: string; meta?: PageMetadata; feed?: string } = {}) {
    const doc = await renderDocument(ctx, nav, { title, canonical, body, ...extra });
    return sendFresh(request, reply, cache, { edition, status: 200, body: doc });
  }

  function redirect(request: FastifyRequest, reply: FastifyReply, location: string) {
    return sendFresh(request, reply, cache, { edition, status: 301, body: '', location, contentType: 'text/plain; charset=utf-8' });
  }

  async function sendListing(request: FastifyRequest<PageQuery>, reply: FastifyReply, ctx: SiteContext, listing: ListingPage, self: string, feed: string) {
    const title = listingTitle(ctx, listing) ?? edition.siteName;
    const s = listing.subject;
    const trail = sectionTrail(ctx, s.type === 'term' ? [s.parent] : [], { name: title, url: self });
    const meta = { structuredData: [breadcrumbData(ctx, trail)] };
    return sendView(request, reply, ctx, title, pageUrl(self, listing.page.page), listingView(ctx, listing, { self, feed }), { description: listingDescription(ctx, listing), meta, feed });
  }

  /**
   * A listing page; past its end a 404, unless an import recorded that the old site had that page
   * (a crawl captured `?page=N` but not the items before it): then a 301 to the listing's last page,
   * so every crawled URL still answers (issue 11).
   */
  async function sendListingPage(request: FastifyRequest<PageQuery>, reply: FastifyReply, ctx: SiteContext, path: string, load: (page: number) => Promise<ListingPage>, send: (listing: ListingPage) => Promise<FastifyReply>) {
    const page = parsePageParam(request.query.page);
    let listing: ListingPage;
    try {
      listing = await load(page);
    } catch (error) {
      if (!(error instanceof NotFound) || page === 0) throw error;
      const location = await reader.redirectLocation(edition, `${path}?page=${page}`);
      if (location === undefined) throw error;
      const first = await load(0);
      return redirect(request, reply, pageUrl(editionPath(ctx, location), Math.max(0, Math.ceil(first.page.total / first.page.pageSize) - 1)));
    }
    return send(listing);
  }

  async function sendNode(request: FastifyRequest<PageQuery>, reply: FastifyReply, ctx: SiteContext, nid: number) {
    const model = await deps.articles.page(edition, nid, parsePageParam(request.query.page));
    const { node } = model;
    const self = nodeUrl(ctx, node);
    const status = request.query.comment === 'queued' || request.query.comment === 'posted' ? request.query.comment : null;
    const versions = languageVersions(request, deps, node, model.translations);
    // Every node page is a Memento Original Resource (RFC 7089 §2.2.1): it names its TimeGate and TimeMap.
    reply.header('link', originalLinks(ctx, node));
    const body = articlePageView(ctx, model, self, { status, versions });
    return sendView(request, reply, ctx, node.title, self, body, { ...(node.teaser ? { description: node.teaser } : {}), meta: articleMetadata(ctx, model, self, versions) });
  }

  /** Renders whatever a stored path names, or redirects an old path to the current one. */
  async function sendTarget(request: FastifyRequest<PageQuery>, reply: FastifyReply, ctx: SiteContext, target: PathTarget, path: string) {
    if (!target.canonical) {
      const canonical = await reader.canonicalPath(edition, target);
      if (canonical === undefined) {
        if (target.targetType === 'node') return redirect(request, reply, nodeUrl(ctx, { nid: target.targetId, path: null }));
        // A term without an alias answers at /taxonomy/term/<tid> (an old forum/<tid> alias leads there).
        if (target.targetType === 'term') return redirect(request, reply, termUrl(ctx, { tid: target.targetId, path: null }));
        throw new NotFound();
      }
      return redirect(request, reply, withPageQuery(editionPath(ctx, canonical), request.query.page));
    }
    const self = editionPath(ctx, path);
    const send = (listing: ListingPage) => {
      const term = listing.subject.type === 'term' ? listing.subject.term : undefined;
      return sendListing(request, reply, ctx, listing, self, feedUrl(ctx, self, term));
    };
    switch (target.targetType) {
      case 'node': return sendNode(request, reply, ctx, target.targetId);
      case 'term': return sendListingPage(request, reply, ctx, path, (page) => reader.termListing(edition, target.targetId, page), send);
      case 'author': return sendListingPage(request, reply, ctx, path, (page) => reader.authorListing(edition, target.targetId, page), send);
      case 'blog': return sendListingPage(request, reply, ctx, path, (page) => reader.blogListing(edition, target.targetId, page), send);
    }
  }

  return async function register(app: FastifyInstance): Promise<void> {
    app.get('/', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const home = await reader.home(edition);
      return sendView(request, reply, ctx, edition.siteName, homeUrl(ctx), homeView(ctx, home, feedUrl(ctx, homeUrl(ctx))), { description: homeDescription(ctx), meta: { alternateEditions: true }, feed: feedUrl(ctx, homeUrl(ctx)) });
    });

    app.get<PageQuery>('/node', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const self = frontListingUrl(ctx);
      return sendListingPage(request, reply, ctx, 'node', (page) => reader.frontListing(edition, page), (listing) => sendListing(request, reply, ctx, listing, self, feedUrl(ctx, self)));
    });

    app.get<PageQuery & { Params: { nid: string } }>(`/node/:nid${ID}`, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const nid = Number(request.params.nid);
      // The archive keeps the old site's URLs: there /node/<nid> of a translation imported into
      // another edition (Drupal served any node at /node/<nid>) leads to that edition. Elsewhere a
      // node of another edition is simply not one of this edition's pages.
      const home = edition.mode === 'archive' ? await reader.nodeEdition(nid) : undefined;
      const homeEdition = home === undefined || home === edition.code ? undefined : deps.editions.all.find((e) => e.code === home);
      if (homeEdition) {
        const other = siteContextFor(request, homeEdition, deps);
        return redirect(request, reply, absoluteUrl(other, nodeUrl(other, { nid, path: null })));
      }
      await reader.assertNotWithdrawn(edition, nid);
      const canonical = await reader.canonicalPath(edition, { targetType: 'node', targetId: nid });
      if (canonical !== undefined) {
        return redirect(request, reply, withPageQuery(editionPath(ctx, canonical), request.query.page));
      }
      return sendNode(request, reply, ctx, nid);
    });

    app.get<PageQuery & { Params: { tid: string } }>(`/taxonomy/term/:tid${ID}`, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const tid = Number(request.params.tid);
      const canonical = await reader.canonicalPath(edition, { targetType: 'term', targetId: tid });
      if (canonical !== undefined) return redirect(request, reply, withPageQuery(editionPath(ctx, canonical), request.query.page));
      const self = termUrl(ctx, { tid, path: null });
      return sendListingPage(request, reply, ctx, `taxonomy/term/${tid}`, (page) => reader.termListing(edition, tid, page), (listing) => sendListing(request, reply, ctx, listing, self, feedUrl(ctx, self, { tid })));
    });

    app.get<PageQuery>('/blog', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const self = blogIndexUrl(ctx);
      return sendListingPage(request, reply, ctx, 'blog', (page) => reader.allBlogPosts(edition, page), (listing) => sendListing(request, reply, ctx, listing, self, feedUrl(ctx, self)));
    });

    app.get<PageQuery & { Params: { uid: string } }>(`/blog/:uid${ID}`, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const uid = Number(request.params.uid);
      // A user without blog posts had an empty blog page on the old site: an import records it as gone.
      const blog = await reader.blogByUid(edition, uid).catch(async (error: unknown) => {
        if (error instanceof NotFound) await reader.assertNotGone(edition, `blog/${uid}`);
        throw error;
      });
      return redirect(request, reply, withPageQuery(blogUrl(ctx, blog), request.query.page));
    });

    app.get<PageQuery & { Params: { cid: string } }>(`/comment/:cid${ID}`, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const location = await reader.commentLocation(edition, Number(request.params.cid));
      return redirect(request, reply, commentOnPageUrl(ctx, { nid: location.nid, path: location.path }, location.page, Number(request.params.cid)));
    });

    app.get<PageQuery & { Params: { '*': string } }>('/*', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const path = request.params['*'];
      // The old site's files answer at their old URLs; one it never had (or the import could not
      // find) falls through to the paths below, where a missing copy answers 410.
      if (siteFilePath(path) !== null && (await sendSiteFile(request, reply, deps.files, path))) return reply;
      if (path.endsWith('/') && path.length > 1) return redirect(request, reply, editionPath(ctx, path.replace(/\/+$/, '')));
      const target = await reader.resolvePath(edition, path);
      if (target) return sendTarget(request, reply, ctx, target, path);
      if (path.endsWith('/feed')) {
        const listingPath = path.slice(0, -'/feed'.length);
        const listing = await reader.resolvePath(edition, listingPath);
        if (listing?.canonical && listing.targetType !== 'node') return feeds.sendTarget(request, reply, ctx, listing, listingPath);
      }
      const location = await reader.redirectLocation(edition, path);
      if (location !== undefined) return redirect(request, reply, editionPath(ctx, location));
      await reader.assertNotGone(edition, path);
      // Files belong to the whole old site: a missing one recorded by any edition's import is gone here too.
      if (siteFilePath(path) !== null) for (const other of deps.editions.all) await reader.assertNotGone(other, path);
      throw new NotFound();
    });
  };
}
