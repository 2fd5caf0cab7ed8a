import type { SafeHtml } from '../../domain/safe-html.ts';
import type { ArticlePage } from '../../services/article-page-service.ts';
import type { SiteContext } from '../site-context.ts';
import type { LanguageVersion } from '../translation-links.ts';
import { commentReplyUrl } from '../urls.ts';
import { articleView } from './article-view.ts';
import { commentFormView, EMPTY_COMMENT } from './comment-form-view.ts';
import type { PageMetadata } from './page-metadata.ts';
import { versionsList } from './revisions-view.ts';
import { breadcrumbData, newsArticleData, sectionTrail } from './structured-data.ts';

/** The body of a node's page from its model: the article, its history, related items and comments. */
export function articlePageView(ctx: SiteContext, model: ArticlePage, self: string, options: {
  readonly status: 'queued' | 'posted' | null;
  readonly versions: readonly LanguageVersion[];
}): SafeHtml {
  const { node, commentAccess: access } = model;
  const commentForm = access.form === 'closed' ? 'closed' as const : access.form === 'open' && model.formToken !== null ? commentFormView(ctx, {
    action: commentReplyUrl(ctx, node.nid), formToken: model.formToken, values: EMPTY_COMMENT, errors: {},
    signedInAs: null, heading: 'postNewComment',
  }) : null;
  return articleView(ctx, model, self, {
    status: options.status,
    commentForm,
    replyTo: access.replies ? node.nid : null,
    related: model.related,
    translations: options.versions.filter((v) => v.edition.code !== ctx.edition.code),
    corrections: model.history.corrections,
    versions: versionsList(ctx, node, model.history.versions),
  });
}

/** The page's metadata: its language versions, its type, its photo, and its JSON-LD (NewsArticle for articles and blog posts). */
export function articleMetadata(ctx: SiteContext, model: ArticlePage, self: string, versions: readonly LanguageVersion[]): PageMetadata {
  const { node } = model;
  const isArticle = node.kind === 'article' || node.kind === 'blog_post';
  return {
    languageVersions: versions.map((v) => ({ lang: v.edition.lang, href: v.href })),
    type: isArticle ? 'article' : 'website',
    image: node.photo?.src || null,
    imageAlt: node.photo?.caption ?? null,
    structuredData: [
      ...(isArticle ? [newsArticleData(ctx, node, self, model.history.corrections)] : []),
      breadcrumbData(ctx, sectionTrail(ctx, [node.section], { name: node.title, url: self })),
    ],
  };
}
