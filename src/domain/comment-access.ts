import type { NodeKind } from './content.ts';
import { refusesComments, type CommentPolicy } from './edition.ts';

/** The kinds of page that take comments, as on the original site (landing pages, newsletters and the corrections page never did). */
export const COMMENTABLE_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['article', 'blog_post', 'generic']);

/** What a node's page offers its readers for comments. */
export interface CommentAccess {
  /** 'open': the form; 'closed': the "comments are closed" note; 'none': neither. */
  readonly form: 'open' | 'closed' | 'none';
  /** Whether each comment has a reply link. */
  readonly replies: boolean;
}

/** The comment access of a node of this kind under this policy (its own, or its edition's). */
export function commentAccess(kind: NodeKind, policy: CommentPolicy): CommentAccess {
  if (!COMMENTABLE_KINDS.has(kind)) return { form: 'none', replies: false };
  // Hidden (Drupal's setting 0): no form and no "closed" note, as Drupal showed it.
  return { form: policy === 'hidden' ? 'none' : policy === 'closed' ? 'closed' : 'open', replies: !refusesComments(policy) };
}
