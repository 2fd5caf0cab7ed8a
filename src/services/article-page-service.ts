import { commentAccess, type CommentAccess } from '../domain/comment-access.ts';
import type { CorrectionEntry } from '../domain/content.ts';
import type { Edition } from '../domain/edition.ts';
import type { CommentService } from './comment-service.ts';
import type { MediaService } from './media-service.ts';
import type { Memento, MementoService } from './memento-service.ts';
import type { NodePage, ReaderService } from './reader-service.ts';
import type { RelatedItems, RelatedService } from './related-service.ts';

/** Everything a node's page shows, in one model: what the article route hands its view. */
export interface ArticlePage extends NodePage {
  /** Form, closed note or nothing, and reply links, from the node's kind and comment policy. */
  readonly commentAccess: CommentAccess;
  /** A fresh form token when the form is shown, else null. */
  readonly formToken: string | null;
  /** Related items and section neighbours (articles only). */
  readonly related: RelatedItems | null;
  /** Its recorded history: when it changed after publication (Mementos' times, oldest first) and its corrections and updates. */
  readonly history: { readonly versions: readonly Pick<Memento, 'datetime'>[]; readonly corrections: readonly CorrectionEntry[] };
}

/** Assembles a node's page from the reader, related items, its history and its comment policy. */
export class ArticlePageService {
  constructor(
    private readonly reader: ReaderService,
    private readonly related: RelatedService,
    private readonly mementos: MementoService,
    private readonly comments: Pick<CommentService, 'formToken'>,
    /** The media library, for a lead photo's srcset, real size and alt text; without it photos show as stored. */
    private readonly photos?: Pick<MediaService, 'renditionFor'>,
  ) {}

  /** The page of a node of this edition at a comment page; NotFound or Gone as ReaderService.node. */
  async page(edition: Edition, nid: number, commentPage: number): Promise<ArticlePage> {
    // One store read for the node and what the page reads about it (issue 14), then the links.
    const { page, stored } = await this.reader.nodePage(edition, nid, commentPage);
    const { node } = page;
    const access = commentAccess(node.kind, node.commentPolicy ?? edition.commentPolicy);
    const [related, history, rendition] = await Promise.all([
      node.kind === 'article' ? this.related.forNode(node, stored.related) : null,
      this.mementos.versionsOf(edition, node, stored),
      node.photo?.src && this.photos ? this.photos.renditionFor(node.photo.src) : null,
    ]);
    return {
      ...page,
      ...(rendition && node.photo ? { node: { ...node, photo: { ...node.photo, rendition } } } : {}),
      commentAccess: access,
      formToken: access.form === 'open' ? this.comments.formToken(nid) : null,
      related,
      history,
    };
  }
}
