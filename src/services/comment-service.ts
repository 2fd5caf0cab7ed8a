import type { CommentConfig } from '../domain/comment.ts';
import { COMMENT_STATUS } from '../domain/comment.ts';
import { isClean, validateCommentForm, type CommentErrors, type CommentFormValues, type CommentField, type Localized } from '../domain/comment-form.ts';
import { refusesComments, type CommentPolicy, type Edition } from '../domain/edition.ts';
import { NotFound } from '../domain/errors.ts';
import { can } from '../domain/permissions.ts';
import type { SafeHtml } from '../domain/safe-html.ts';
import { defaultSubjectOfHtml, findTextProblem, formatOrLimitError, NO_SUBJECT } from '../filter/index.ts';
import type { CommentStore, CommentTarget, UserRecord, UserStore } from '../store/types.ts';
import type { CommentGuard } from './comment-guard.ts';
import type { FormTokens } from './form-token.ts';
import { COMMENTS_PER_PAGE } from './reader-service.ts';
import { BriefMemo } from './brief-memo.ts';

/**
 * How long a post's reads of its article and of the commenter's name are reused (BriefMemo).
 * During a flood they were a third of each post's main-thread time (issue 14, point 4). Changes
 * this process hears of (an editor closing comments, here or on another instance) drop the
 * articles at once; a name registered within the last second may pass the check once.
 */
const POST_READS_MS = 1_000;

/** The one text format readers may use. */
export const COMMENT_FORMAT = 'filtered_html' as const;

/** A post or preview as the web layer hands it over. */
export interface CommentSubmission {
  readonly edition: Edition;
  readonly nid: number;
  readonly pid: number | null;
  readonly values: CommentFormValues;
  readonly formToken: string;
  readonly honeypot: string;
  readonly ip: string;
  readonly user: UserRecord | null;
  /** Fields whose bytes were not valid UTF-8 (the body parser reports them). */
  readonly invalidUtf8: readonly string[];
}

/** The comment as it would be published. */
export interface RenderedComment {
  readonly subject: string;
  readonly bodyHtml: SafeHtml;
}

/** What happened to a post. */
export type PostOutcome =
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 429; readonly errors: CommentErrors }
  | { readonly kind: 'saved'; readonly cid: number; readonly published: boolean; readonly page: number; readonly target: CommentTarget };

/** Where a comment form posts to, and the policy that applies there. */
export interface CommentContext {
  readonly target: CommentTarget;
  readonly policy: CommentPolicy;
  /** The comment replied to; its `bodyHtml` is null when it is not known (the form shown while the database is away). */
  readonly parent: { readonly cid: number; readonly name: string; readonly subject: string; readonly bodyHtml: SafeHtml | null } | null;
}

/** Reader comments: the form's rules, anti-abuse, rendering at write time, moderation status. */
export class CommentService {
  constructor(
    private readonly comments: CommentStore,
    private readonly users: UserStore,
    private readonly guard: CommentGuard,
    private readonly tokens: FormTokens,
    private readonly config: CommentConfig,
    private readonly changed: (edition: string) => void,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  private readonly targets = new BriefMemo<number, CommentTarget | undefined>(POST_READS_MS, 4096);
  private readonly takenNames = new BriefMemo<string, boolean>(POST_READS_MS, 4096);

  /** Drops the articles kept for posts: the runtime calls this when an edition's content changes. */
  forget(): void {
    this.targets.clear();
  }

  /**
   * Drops the kept answers to "is this name registered?": the runtime calls this when someone
   * joins, so a name registered here is refused to anonymous commenters from that moment. (A user
   * added by another process, as `folio user add` is, waits out the memo's second.)
   */
  forgetNames(): void {
    this.takenNames.clear();
  }

  /** The node (and parent comment) a form is about; NotFound when either is not in this edition. */
  async context(edition: Edition, nid: number, pid: number | null): Promise<CommentContext> {
    const target = await this.targets.get(nid, () => this.comments.commentTarget(nid));
    if (!target || target.edition !== edition.code) throw new NotFound();
    let parent: CommentContext['parent'] = null;
    if (pid !== null) {
      const c = await this.comments.findForModeration(pid);
      if (!c || c.nid !== nid || c.status !== COMMENT_STATUS.published) throw new NotFound();
      parent = { cid: c.cid, name: c.name, subject: c.subject, bodyHtml: c.bodyHtml };
    }
    return { target, policy: (target.commentPolicy as CommentPolicy | null) ?? edition.commentPolicy, parent };
  }

  /** A fresh form token for a node. */
  formToken(nid: number): string {
    return this.tokens.issue(nid, this.now());
  }

  /** Validates and renders without saving: the preview shows exactly what would be published. */
  async preview(s: CommentSubmission): Promise<{ errors: CommentErrors; rendered: RenderedComment | null }> {
    const { errors, bodyHtml } = await this.validate(s);
    return { errors, rendered: bodyHtml ? this.render(s.values, s.edition, bodyHtml) : null };
  }

  /**
   * Saves a comment, or says why not. Never loses what the reader typed: the caller re-renders
   * it. `known` is the context the caller already loaded for this submission, if any.
   */
  async post(s: CommentSubmission, known?: CommentContext): Promise<PostOutcome> {
    const context = known ?? (await this.context(s.edition, s.nid, s.pid));
    if (refusesComments(context.policy)) {
      return { kind: 'refused', status: 403, errors: { form: { en: 'Comments are closed on this article.', ar: 'التعليقات مغلقة على هذا المقال.' } } };
    }
    const { errors, bodyHtml } = await this.validate(s);
    if (!isClean(errors) || !bodyHtml) return { kind: 'refused', status: 400, errors };
    const isStaff = can(s.user?.role, 'skip comment approval');
    if (!isStaff) {
      const refusal = this.guard.check(s.values, { ip: s.ip, honeypot: s.honeypot, tokenAge: this.tokens.age(s.formToken, s.nid, this.now()) });
      if (refusal) return { kind: 'refused', status: refusal.reason === 'too-fast' || refusal.reason === 'bad-token' ? 400 : 403, errors: { form: refusal.message } };
    }
    const rendered = this.render(s.values, s.edition, bodyHtml);
    const links = (rendered.bodyHtml.html.match(/<a\s/g) ?? []).length;
    const published = isStaff || (context.policy === 'open' && links <= this.config.maxLinks);
    const createdAt = this.now();
    // Staff are not flood-limited. For readers the store counts the address's recent comments in
    // the transaction that inserts this one: a count read before the write let a burst of posts
    // from one address all pass it before any of them was stored.
    const flood = isStaff ? null : { since: createdAt - this.config.floodWindowSeconds, limit: this.config.floodLimit };
    const added = await this.comments.addComment({
      nid: s.nid, pid: context.parent?.cid ?? null, status: published ? COMMENT_STATUS.published : COMMENT_STATUS.pending,
      uid: s.user?.uid ?? null, name: s.user?.name ?? s.values.name, email: s.user ? s.user.email : s.values.mail,
      homepage: s.user ? null : s.values.homepage || null, hostname: s.ip, subject: rendered.subject, body: s.values.comment,
      format: COMMENT_FORMAT, bodyHtml: rendered.bodyHtml.html, createdAt,
    }, { uid: s.user?.uid ?? null, name: s.user?.name ?? `anonymous:${s.ip}` }, flood);
    if (added.kind === 'flooded') return { kind: 'refused', status: 429, errors: { form: this.floodMessage() } };
    if (published) this.changed(s.edition.code);
    // The comment page (50 per page, thread order) it lands on, from its place counted in its write.
    const page = added.position === null ? 0 : Math.floor(added.position / COMMENTS_PER_PAGE);
    return { kind: 'saved', cid: added.cid, published, page, target: context.target };
  }

  /** Why a post over the flood limit was refused; the caller shows the form again with the text. */
  private floodMessage(): Localized {
    const minutes = Math.ceil(this.config.floodWindowSeconds / 60);
    return {
      en: `You cannot post more than ${this.config.floodLimit} comments in ${minutes} minutes. Your comment is kept below: please try again later.`,
      ar: `لا يمكنك نشر أكثر من ${this.config.floodLimit} تعليقات خلال ${minutes} دقيقة. تعليقك محفوظ أدناه: حاول لاحقاً.`,
    };
  }

  /** The comment as published, from the body `validate` rendered (the format runs once per post). */
  private render(values: CommentFormValues, edition: Edition, bodyHtml: SafeHtml): RenderedComment {
    const subject = values.subject || defaultSubjectOfHtml(bodyHtml.html) || NO_SUBJECT[edition.lang];
    return { subject, bodyHtml };
  }

  /** The form's errors, and the body rendered in the comment format when the body itself is fine. */
  private async validate(s: CommentSubmission): Promise<{ errors: CommentErrors; bodyHtml: SafeHtml | null }> {
    const errors: CommentErrors = s.user ? { ...validateCommentForm({ ...s.values, name: s.user.name, mail: s.user.email ?? 'staff@folio.invalid' }) } : { ...validateCommentForm(s.values) };
    // docs/comment-format.md decision 1: bad bytes or NUL reject the form with a message, never silently.
    for (const field of Object.keys(s.values) as CommentField[]) {
      const problem = s.invalidUtf8.includes(field) ? 'invalid_utf8' : findTextProblem(s.values[field]);
      if (problem) {
        errors[field] = problem === 'nul'
          ? { en: 'This field contains a NUL character, which is not allowed. Please remove it.', ar: 'يحتوي هذا الحقل على محرف NUL غير المسموح به. يرجى إزالته.' }
          : { en: 'This field contains bytes that are not valid UTF-8 text; they are shown as �. Please correct them.', ar: 'يحتوي هذا الحقل على بايتات ليست نصاً صالحاً بترميز UTF-8، وتظهر على شكل �. يرجى تصحيحها.' };
      }
    }
    // Markup over the filter's bounds (depth, attributes, tags) is refused by the format: say so
    // next to the field, keeping the text, rather than failing the whole request. Otherwise the
    // HTML rendered here is the one stored (and its subject's source), not rendered again.
    let bodyHtml: SafeHtml | null = null;
    if (!errors.comment) {
      const formatted = formatOrLimitError(COMMENT_FORMAT, s.values.comment);
      if ('limit' in formatted) errors.comment = formatted.limit.localized;
      else bodyHtml = formatted.html;
    }
    if (!s.user && s.values.name !== '' && !errors.name && (await this.takenNames.get(s.values.name, () => this.users.nameTaken(s.values.name)))) {
      errors.name = { en: 'The name you used belongs to a registered user.', ar: 'الاسم الذي استخدمته يعود لمستخدم مسجّل.' };
    }
    return { errors, bodyHtml };
  }
}
