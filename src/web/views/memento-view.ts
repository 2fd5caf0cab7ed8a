import type { SafeHtml } from '../../domain/safe-html.ts';
import type { ArticleHistory, Memento } from '../../services/memento-service.ts';
import type { SiteContext } from '../site-context.ts';
import { nodeUrl } from '../urls.ts';
import { articleView } from './article-view.ts';
import { mementoNotice, versionsList } from './revisions-view.ts';

/**
 * A Memento page: the article's layout with the version's own title, text, credit and photo, and
 * no comments (they belong to the current page). Only earlier versions carry the banner: the
 * newest Memento is the current text.
 */
export function mementoView(ctx: SiteContext, history: ArticleHistory, memento: Memento): SafeHtml {
  const { node, mementos } = history;
  const shown = { ...node, title: memento.title, bodyHtml: memento.bodyHtml, summary: memento.summary, credit: memento.credit, photo: memento.photo };
  const page = { node: shown, comments: { items: [], page: 0, pageSize: 1, total: 0 }, landingItems: [], corrections: [], translations: [] };
  return articleView(ctx, page, nodeUrl(ctx, node), {
    status: null, commentForm: null, replyTo: null,
    ...(memento === mementos.at(-1) ? {} : { mementoNotice: mementoNotice(ctx, node, memento) }),
    versions: versionsList(ctx, node, mementos, memento),
  });
}
