import type { CommentStatusName } from '../domain/comment.ts';
import type { AuthorRef, Blog, NodeSummary, TermRef } from '../domain/content.ts';
import type { ArchivePeriod } from '../services/archive-service.ts';
import type { SiteContext } from './site-context.ts';

// The one place that builds Folio's paths (STYLE.md: web/urls.ts). Paths keep the original
// site's patterns exactly, since every legacy link must keep working.

/** The edition's home page. */
export function homeUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/`;
}

/** A path inside the edition, from a stored path without leading slash. */
export function editionPath(ctx: SiteContext, path: string): string {
  return `${ctx.prefix}/${path}`;
}

/** A node's canonical URL: its alias, or /node/<nid> when it has none. */
export function nodeUrl(ctx: SiteContext, node: Pick<NodeSummary, 'nid' | 'path'>): string {
  return node.path === null ? `${ctx.prefix}/node/${node.nid}` : `${ctx.prefix}/${node.path}`;
}

/** A term's listing: its alias (`/tags/…`, `/section/…`) or `/taxonomy/term/<tid>`. */
export function termUrl(ctx: SiteContext, term: Pick<TermRef, 'tid' | 'path'>): string {
  return term.path === null ? `${ctx.prefix}/taxonomy/term/${term.tid}` : `${ctx.prefix}/${term.path}`;
}

/** A stored path with the reader's `?page=` carried over unchanged (redirects from old paths keep the page asked for). */
export function withPageQuery(url: string, rawPage: string | undefined): string {
  return rawPage ? `${url}?page=${encodeURIComponent(rawPage)}` : url;
}

/** A published comment's permalink, /comment/<cid> (Drupal's), which redirects to its page of the thread. */
export function commentUrl(ctx: SiteContext, cid: number): string {
  return `${ctx.prefix}/comment/${cid}`;
}

/** Where a comment sits on its node's page: the page of the thread, and its anchor. */
export function commentOnPageUrl(ctx: SiteContext, node: Pick<NodeSummary, 'nid' | 'path'>, page: number, cid: number): string {
  return `${pageUrl(nodeUrl(ctx, node), page)}#comment-${cid}`;
}

/** The comment form of a node, or of a reply to one of its comments: /comment/reply/<nid>[/<pid>]. */
export function commentReplyUrl(ctx: SiteContext, nid: number, pid?: number | null): string {
  return `${ctx.prefix}/comment/reply/${nid}${pid == null ? '' : `/${pid}`}`;
}

/** The comment feed of a node: /comment/feed/<nid>, beside Drupal's /comment/<cid> permalinks. */
export function commentFeedUrl(ctx: SiteContext, nid: number): string {
  return `${ctx.prefix}/comment/feed/${nid}`;
}

/** The corrections page of an edition. */
export function correctionsUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/corrections`;
}

/** Its feed (RSS; Atom with ?format=atom, as every Folio feed). */
export function correctionsFeedUrl(ctx: SiteContext): string {
  return `${correctionsUrl(ctx)}/feed`;
}

/** The search page. */
export function searchUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/search`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The archive page of a period (or the archive's front when none): /archive, /archive/2014/11/18. */
export function archiveUrl(ctx: SiteContext, period?: ArchivePeriod): string {
  if (!period) return `${ctx.prefix}/archive`;
  const { year, month, day } = period;
  return `${ctx.prefix}/archive/${year}${month === undefined ? '' : `/${pad(month)}`}${day === undefined ? '' : `/${pad(day)}`}`;
}

// Memento (RFC 7089) URLs. An article's Mementos live under a fixed prefix,
// /revisions/<unix-time>/<path>, like a web archive's /web/<time>/<url>: a stored path may have
// any shape, and a fixed prefix can never be mistaken for one.

/** The path a node's Memento URLs carry: its alias, or node/<nid>. */
function resourcePath(node: Pick<NodeSummary, 'nid' | 'path'>): string {
  return node.path ?? `node/${node.nid}`;
}

/** A Memento of the node: its version as of `datetime` (epoch seconds). */
export function mementoUrl(ctx: SiteContext, node: Pick<NodeSummary, 'nid' | 'path'>, datetime: number): string {
  return `${ctx.prefix}/revisions/${datetime}/${resourcePath(node)}`;
}

/** The node's TimeGate (RFC 7089 §4). */
export function timegateUrl(ctx: SiteContext, node: Pick<NodeSummary, 'nid' | 'path'>): string {
  return `${ctx.prefix}/timegate/${resourcePath(node)}`;
}

/** The node's TimeMap in link format (RFC 7089 §5). */
export function timemapUrl(ctx: SiteContext, node: Pick<NodeSummary, 'nid' | 'path'>): string {
  return `${ctx.prefix}/timemap/link/${resourcePath(node)}`;
}

/** An author's listing. */
export function authorUrl(ctx: SiteContext, author: Pick<AuthorRef, 'slug'>): string {
  return `${ctx.prefix}/author/${author.slug}`;
}

/** One blog's listing (the alias of /blog/<uid>). */
export function blogUrl(ctx: SiteContext, blog: Pick<Blog, 'slug'>): string {
  return `${ctx.prefix}/blogs/${blog.slug}`;
}

/** All blog posts. */
export function blogIndexUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/blog`;
}

/** The front listing of promoted items. */
export function frontListingUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/node`;
}

/**
 * The feed of a listing. Drupal 7 served the front feed at /rss.xml and term feeds at
 * /taxonomy/term/<tid>/feed; the other listings get `<listing>/feed`.
 */
export function feedUrl(ctx: SiteContext, listingUrl: string, term?: Pick<TermRef, 'tid'>): string {
  if (term) return `${ctx.prefix}/taxonomy/term/${term.tid}/feed`;
  if (listingUrl === homeUrl(ctx) || listingUrl === frontListingUrl(ctx)) return `${ctx.prefix}/rss.xml`;
  return `${listingUrl.replace(/\/$/, '')}/feed`;
}

/** Drupal's zero-based pager: page 0 has no parameter. */
export function pageUrl(url: string, page: number): string {
  return page === 0 ? url : `${url}${url.includes('?') ? '&' : '?'}page=${page}`;
}

/** The absolute form of a path on this host, for canonical links. */
export function absoluteUrl(ctx: SiteContext, url: string): string {
  return `${ctx.baseUrl}${url}`;
}

/** The sitemap index, shared by every edition, as an absolute URL on the site's base. */
export function sitemapIndexUrl(baseUrl: string): string {
  return `${baseUrl}/sitemap.xml`;
}

/** One page of the sitemap (numbered from 1), as an absolute URL. */
export function sitemapPageUrl(baseUrl: string, n: number): string {
  return `${baseUrl}/sitemap-${n}.xml`;
}

/** A stylesheet or other asset, shared by every edition. */
export function assetUrl(name: string): string {
  return `/assets/${name}`;
}

// The staff pages and the long tips page keep Drupal 7's paths, so a moderator's old bookmarks still work.

/** Drupal 7's comment admin paths, per queue: published at the root, pending under "approval". */
const QUEUE_PATHS: Readonly<Record<CommentStatusName, string>> = Object.freeze({
  published: 'admin/content/comment',
  pending: 'admin/content/comment/approval',
  spam: 'admin/content/comment/spam',
});

/** The sign-in page, optionally sending the user on to a local path afterwards. */
export function loginUrl(ctx: SiteContext, destination?: string | null): string {
  const base = `${ctx.prefix}/user/login`;
  return destination ? `${base}?destination=${encodeURIComponent(destination)}` : base;
}

/** The sign-out confirmation page (the sign-out itself is a POST to the same path). */
export function logoutUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/user/logout`;
}

/** One moderation queue's route, relative to the edition's prefix. */
export function queuePath(status: CommentStatusName): string {
  return `/${QUEUE_PATHS[status]}`;
}

/** One moderation queue. */
export function queueUrl(ctx: SiteContext, status: CommentStatusName): string {
  return `${ctx.prefix}${queuePath(status)}`;
}

/** The moderation record of one comment. */
export function historyUrl(ctx: SiteContext, cid: number): string {
  return `${ctx.prefix}/admin/content/comment/${cid}/history`;
}

/** The long format tips (docs/comment-format.md §6). */
export function tipsUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/filter/tips`;
}

/**
 * A `destination` made safe to redirect to: a path on this host only, never `//evil.example` or
 * `/\evil.example` (browsers read a backslash as a slash), returned percent-encoded so it can go
 * in a Location header. Anything else gives null, and the caller uses its default.
 */
export function safeDestination(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return null;
  if (!raw.startsWith('/') || raw.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(raw)) return null;
  const probe = 'http://folio.invalid';
  let url: URL;
  try {
    url = new URL(raw, probe);
  } catch {
    return null;
  }
  if (url.origin !== probe) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** An edition's web app manifest (its name, direction and icons). */
export function manifestUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/manifest.webmanifest`;
}

/** The people page (issue 12): users, roles, invitations. */
export function peopleUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/admin/people`;
}

/** Where the invitation form posts. */
export function inviteUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/admin/people/invite`;
}

/** Where a change to one person posts: role, disable, enable, reset. */
export function personActionUrl(ctx: SiteContext, uid: number, action: 'role' | 'disable' | 'enable' | 'reset'): string {
  return `${ctx.prefix}/admin/people/${uid}/${action}`;
}

/** The "forgotten password" form. */
export function passwordUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/user/password`;
}

/** A one-time password reset link (relative; the mail carries the absolute form). */
export function resetUrl(ctx: SiteContext, token: string): string {
  return `${ctx.prefix}/user/reset/${token}`;
}

/** A one-time invitation link. */
export function invitationUrl(ctx: SiteContext, token: string): string {
  return `${ctx.prefix}/user/invite/${token}`;
}

/** An article's revisions in the newsroom (issue 12, point 4). Takes any edition's prefix: the audit log links across editions. */
export function revisionsUrl(ctx: Pick<SiteContext, 'prefix'>, nid: number): string {
  return `${ctx.prefix}/admin/content/${nid}/revisions`;
}

/** Two revisions of an article compared (the hashes of the older and the newer). */
export function revisionDiffUrl(ctx: Pick<SiteContext, 'prefix'>, nid: number, pick?: { from: string; to: string }): string {
  const base = `${revisionsUrl(ctx, nid)}/diff`;
  return pick ? `${base}?from=${encodeURIComponent(pick.from)}&to=${encodeURIComponent(pick.to)}` : base;
}

/** Where a restore posts. */
export function revisionRestoreUrl(ctx: Pick<SiteContext, 'prefix'>, nid: number): string {
  return `${revisionsUrl(ctx, nid)}/restore`;
}

/** An article's edit page (the content pages' route). */
export function articleEditUrl(ctx: Pick<SiteContext, 'prefix'>, nid: number): string {
  return `${ctx.prefix}/admin/content/${nid}/edit`;
}

/** The audit log (issue 12, point 7), with its filters and keyset cursor as query parameters. */
export function auditLogUrl(ctx: Pick<SiteContext, 'prefix'>, query: Readonly<Record<string, string | null | undefined>> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') params.set(k, v);
  const search = params.toString();
  return `${ctx.prefix}/admin/log${search ? `?${search}` : ''}`;
}

/** The media library (issue 12, point 5); with a search and a keyset cursor ("<at>.<id>") when given. */
export function mediaLibraryUrl(ctx: SiteContext, query: { q?: string | null; before?: string | null } = {}): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.before) params.set('before', query.before);
  const search = params.toString();
  return `${ctx.prefix}/admin/media${search ? `?${search}` : ''}`;
}

/** Where a change to one media item posts: its text, or its deletion. */
export function mediaActionUrl(ctx: SiteContext, id: string, action: 'edit' | 'delete'): string {
  return `${ctx.prefix}/admin/media/${id}/${action}`;
}

/** A media derivative's stable URL (`/media/<hash>-<width>.<ext>`), the same on every edition's host. */
export function mediaFileUrl(name: string): string {
  return `/media/${name}`;
}

/** The newsroom's content list (issue 12, point 2). */
export function contentListUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/admin/content`;
}

/** The form for a new article. */
export function newArticleUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/admin/content/new`;
}

/** An article's edit form (also where it is saved and autosaved). */
export function editArticleUrl(ctx: SiteContext, nid: number): string {
  return `${ctx.prefix}/admin/content/${nid}/edit`;
}

/** An article's preview, or one of its actions (unpublish, trash, restore). */
export function articleActionUrl(ctx: SiteContext, nid: number, action: 'preview' | 'unpublish' | 'trash' | 'restore'): string {
  return `${ctx.prefix}/admin/content/${nid}/${action}`;
}

/** Where the trash is emptied. */
export function emptyTrashUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/admin/content/trash/empty`;
}

/** Tag and author names for autocomplete, as JSON. */
export function suggestUrl(ctx: SiteContext, kind: 'tag' | 'author'): string {
  return `${ctx.prefix}/admin/content/suggest?kind=${kind}`;
}

/** The front page's choices (issue 12, point 6). */
export function frontAdminUrl(ctx: SiteContext): string {
  return `${ctx.prefix}/admin/front`;
}
