import type { AuditAction } from '../domain/audit.ts';
import { ArticleRejected, checkArticleForm, type ArticleDraft, type ArticleFormValues, type FieldErrors } from '../domain/article-form.ts';
import type { AuthorRef, NodeDetail, TermRef } from '../domain/content.ts';
import type { CommentPolicy } from '../domain/edition.ts';
import type { Edition } from '../domain/edition.ts';
import { frontKey, parseFront, type FrontChoices } from '../domain/front-page.ts';
import { requireWritable, type WritableEdition } from '../domain/edition-guard.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain/errors.ts';
import { NODE_STATUS, nodeStatusName, type NodeStatusCode, type NodeStatusName } from '../domain/node-status.ts';
import { can, isArticleEditableBy, type ArticleOwnership, type Permission } from '../domain/permissions.ts';
import { revisionFixity } from '../domain/revision-fixity.ts';
import { formatText, staffBodyProblemMessage, staffBodyProblems } from '../filter/index.ts';
import { slugify } from '../text/slugify.ts';
import { leadAndTeaser } from '../text/teaser.ts';
import { fromWallClock } from '../text/wall-clock.ts';
import type { ArticleDesk, ContentReader, ContentWriter, DeskArticle, DeskArticleWrite, DeskListItem, RevisionWrite, UserRecord } from '../store/types.ts';
import type { AuditService } from './audit-service.ts';
import { ArticleReferences } from './article-references.ts';
import type { ContentChanged } from './publishing-service.ts';

/** Rows on one page of the content list. */
export const DESK_PAGE_SIZE = 50;
/** Names one autocomplete answer offers: a short list a person can scan. */
export const SUGGESTIONS_MAX = 10;

/** Who edits: a signed-in member of staff. */
export type Editor = Pick<UserRecord, 'uid' | 'name' | 'role'>;

/** What a form's button asks for: keep the status (a new article is a draft), publish now, or schedule. */
export type SaveIntent = 'save' | 'publish' | 'schedule';

export type { DeskArticle, DeskListItem };

/** The content list's filters as the page takes them. */
export interface DeskFilters {
  readonly status: NodeStatusName | 'trash' | null;
  readonly section: number | null;
  readonly author: number | null;
  readonly olderThan: { readonly updatedAt: number; readonly nid: number } | null;
}

/** What a save reports back (the autosave contract answers these as JSON). */
export interface Saved {
  readonly nid: number;
  readonly status: NodeStatusName;
  /** The hash of the revision that holds this content (an unchanged save makes none). */
  readonly revision: string;
  /** Milliseconds since the epoch. */
  readonly savedAt: number;
}


const STATUS_CODES: Readonly<Record<NodeStatusName, NodeStatusCode>> = {
  unpublished: NODE_STATUS.UNPUBLISHED, published: NODE_STATUS.PUBLISHED, scheduled: NODE_STATUS.SCHEDULED, draft: NODE_STATUS.DRAFT,
};

function ownership(a: DeskArticle): ArticleOwnership {
  const state = a.status === NODE_STATUS.DRAFT ? 'draft' : a.status === NODE_STATUS.SCHEDULED ? 'scheduled' : 'published';
  return { ownerUid: a.ownerUid, state };
}

function rejected(field: string, en: string, ar: string): ArticleRejected {
  return new ArticleRejected({ [field]: { en, ar } });
}

/**
 * The newsroom's articles (issue 12, point 2): list, create, edit, publish, schedule, unpublish,
 * trash and restore, and the front page (point 6). Routes check permissions with staffWith; every
 * method checks again here (defence in depth), and records an audit event after it succeeds.
 */
export class ArticleEditingService {
  constructor(
    private readonly content: ContentReader,
    private readonly desk: ArticleDesk,
    private readonly writer: Pick<ContentWriter, 'nextId' | 'saveTerms' | 'saveAuthors' | 'linkTranslation' | 'setMeta'>,
    private readonly editions: readonly Edition[],
    private readonly changed: ContentChanged,
    private readonly indexer: { indexNodes(nids: readonly number[]): Promise<void>; removeNodes(nids: readonly number[]): Promise<void> } | null,
    private readonly audit: AuditService | null,
    private readonly options: {
      readonly promoteByDefault: boolean;
      /** Refuses (Invalid) a lead photo from the media library that has no alt text yet (MediaService.requireAltForPhoto). */
      readonly requireAlt?: (src: string | null | undefined) => Promise<void>;
    },
    private readonly now: () => number = () => Date.now(),
  ) {
    this.refs = new ArticleReferences(content, writer, editions);
  }

  private readonly refs: ArticleReferences;

  /** Rows on one page of the list. */
  get pageSize(): number {
    return DESK_PAGE_SIZE;
  }

  /** The id of the author of this name (by slug, as authors are matched when saved); undefined when there is none. */
  async authorId(edition: Edition, name: string): Promise<number | undefined> {
    return (await this.content.findAuthorBySlug(edition.code, slugify(name) || 'author'))?.aid;
  }

  /** Whether new articles start promoted (the form's default). */
  get promoteByDefault(): boolean {
    return this.options.promoteByDefault;
  }

  /** A page of the content list, newest change first. Writers see their own items and what is published. */
  async list(user: Editor, edition: Edition, filters: DeskFilters): Promise<DeskListItem[]> {
    this.require(user, 'write drafts');
    return this.desk.listArticles({
      edition: edition.code,
      status: filters.status === null || filters.status === 'trash' ? filters.status : STATUS_CODES[filters.status],
      sectionTid: filters.section, authorAid: filters.author,
      ownOrPublishedFor: can(user.role, 'edit any article') ? null : user.uid,
      olderThan: filters.olderThan, limit: DESK_PAGE_SIZE,
    });
  }

  /** An article to edit; Forbidden when this user may not edit it (a writer and someone else's draft). */
  async article(user: Editor, edition: Edition, nid: number): Promise<DeskArticle> {
    this.require(user, 'write drafts');
    const article = await this.desk.findArticle(edition.code, nid);
    if (!article) throw new NotFound();
    if (!isArticleEditableBy(user, ownership(article))) throw new Forbidden();
    return article;
  }

  /**
   * The article as its page will show it, whatever its status (preview). Authors and tags not yet
   * linked cannot be, since an article's links are written when it is saved: the preview shows the saved article.
   */
  async preview(user: Editor, edition: Edition, nid: number): Promise<NodeDetail> {
    const a = await this.article(user, edition, nid);
    const authors: AuthorRef[] = [];
    for (const name of a.authors) {
      const found = await this.content.findAuthorBySlug(edition.code, slugify(name) || 'author');
      if (found) authors.push(found);
    }
    const section = a.sectionTid === null ? null : (await this.content.findTerm(edition.code, a.sectionTid)) ?? null;
    const terms: TermRef[] = section ? [section] : [];
    for (const name of a.tags) {
      const tag = await this.content.findTermByName(edition.code, 'tag', name);
      if (tag) terms.push(tag);
    }
    const opening = leadAndTeaser(a.bodyHtml);
    // The stored body passed staff_html when it was saved, and the filter is a fixed point on its own
    // output: passing it again yields the same HTML, now typed as safe, without trusting it blindly.
    return {
      nid: a.nid, edition: a.edition, kind: 'article', title: a.title, path: a.path, teaser: a.summary ?? opening.teaser,
      leadHtml: formatText('staff_html', opening.leadHtml), bodyHtml: formatText('staff_html', a.bodyHtml), publishedAt: a.publishedAt, showDate: true, authors, commentCount: 0,
      photo: a.photo, blog: null, summary: a.summary, credit: a.credit, updatedAt: a.updatedAt, section, terms,
      commentPolicy: a.commentPolicy as CommentPolicy | null, promoted: a.promoted,
    };
  }

  /** The sections an article may be filed under: tid, slug and name. */
  async sections(edition: Edition): Promise<{ tid: number; slug: string; name: string }[]> {
    return this.refs.sections(edition);
  }

  /** The authors of the edition, for the list's filter. */
  async suggest(user: Editor, edition: Edition, kind: 'tag' | 'author', q: string): Promise<string[]> {
    this.require(user, 'write drafts');
    const query = q.trim().slice(0, 60);
    return query === '' ? [] : this.desk.suggest(edition.code, kind, query, SUGGESTIONS_MAX);
  }

  /** Creates an article from the form: a draft, or published or scheduled when the button says so and the role allows. */
  async create(user: Editor, edition: Edition, values: ArticleFormValues, intent: SaveIntent): Promise<Saved> {
    const target = requireWritable(edition);
    this.require(user, 'write drafts');
    this.requireIntent(user, intent);
    const draft = checkArticleForm(values);
    const resolved = await this.refs.resolve(target, draft, null);
    const { status, publishedAt } = this.statusFor(intent, values.publishAt, edition, null);
    const nid = await this.writer.nextId('node');
    const path = await this.refs.freePath(target.code, draft.slug ?? (slugify(draft.title) || String(nid)), nid);
    const write = await this.buildWrite(target, nid, draft, resolved, { path, status, publishedAt, ownerUid: user.uid });
    if (status !== NODE_STATUS.DRAFT) await this.readyForReaders(write);
    const revision = this.revisionOf(write, user);
    await this.desk.createArticle(target, write, revision);
    if (resolved.translationOf !== null) await this.writer.linkTranslation(target, nid, resolved.translationOf.nid);
    await this.afterStatus(target, nid, status, null);
    if (resolved.translationOf !== null) this.changed(resolved.translationOf.edition);
    await this.record(user, target, 'article.create', nid, null, revision.contentHash, draft.title);
    if (status !== NODE_STATUS.DRAFT) await this.record(user, target, status === NODE_STATUS.PUBLISHED ? 'article.publish' : 'article.schedule', nid, 'draft', nodeStatusName(status), draft.title);
    return { nid, status: nodeStatusName(status), revision: revision.contentHash, savedAt: this.now() };
  }

  /** Saves the form over an article (a new revision unless nothing changed), then publishes or schedules it if asked. */
  async save(user: Editor, edition: Edition, nid: number, values: ArticleFormValues, intent: SaveIntent): Promise<Saved> {
    const target = requireWritable(edition);
    this.requireIntent(user, intent);
    const current = await this.article(user, edition, nid);
    if (current.trashedAt !== null) throw new Conflict({ en: 'This article is in the trash: restore it first.', ar: 'هذه المقالة في سلة المهملات: استعِدها أولاً.' });
    const draft = checkArticleForm(values);
    const resolved = await this.refs.resolve(target, draft, current);
    const next = intent === 'save' ? { status: current.status, publishedAt: current.publishedAt } : this.statusFor(intent, values.publishAt, edition, current);
    const wanted = draft.slug ?? current.path?.replace(/^content\//, '') ?? (slugify(draft.title) || String(nid));
    const path = `content/${wanted}` === current.path ? current.path : await this.refs.freePath(target.code, wanted, nid);
    const write = await this.buildWrite(target, nid, draft, resolved, { path, status: next.status, publishedAt: next.publishedAt, ownerUid: current.ownerUid });
    if (next.status === NODE_STATUS.PUBLISHED || next.status === NODE_STATUS.SCHEDULED) await this.readyForReaders(write);
    const unchanged = write.title === current.title && write.bodyHtml === current.bodyHtml && write.summary === current.summary
      && write.credit === current.credit && JSON.stringify(write.photo) === JSON.stringify(current.photo);
    const revision = unchanged ? null : this.revisionOf(write, user);
    // Readers may have the old address (links, feeds, search engines): once published, it redirects.
    const everPublic = current.status === NODE_STATUS.PUBLISHED || current.status === NODE_STATUS.UNPUBLISHED;
    await this.desk.updateArticle(target, write, revision, everPublic);
    if (resolved.translationOf !== null && resolved.translationOf.nid !== current.translationOf) {
      await this.writer.linkTranslation(target, nid, resolved.translationOf.nid);
      this.changed(resolved.translationOf.edition);
    }
    await this.afterStatus(target, nid, next.status, current.status);
    const hash = revision?.contentHash ?? (await this.desk.latestRevision(nid)) ?? '';
    await this.record(user, target, 'article.save', nid, current.path, hash, draft.title);
    if (path !== current.path) await this.record(user, target, 'article.slug', nid, current.path, path, draft.title);
    if (next.status !== current.status) {
      await this.record(user, target, next.status === NODE_STATUS.PUBLISHED ? 'article.publish' : 'article.schedule', nid, nodeStatusName(current.status), nodeStatusName(next.status), draft.title);
    }
    return { nid, status: nodeStatusName(next.status), revision: hash, savedAt: this.now() };
  }

  /**
   * The autosave contract: saves the form as the article's current content, only while it is a
   * draft. A scheduled or published article is changed only by a deliberate save, so an editor's
   * half-typed sentence never reaches readers (Conflict otherwise).
   */
  async autosave(user: Editor, edition: Edition, nid: number, values: ArticleFormValues): Promise<Saved> {
    const current = await this.article(user, edition, nid);
    if (current.status !== NODE_STATUS.DRAFT || current.trashedAt !== null) {
      throw new Conflict({ en: 'Only drafts are saved automatically: save this article with its button.', ar: 'لا تُحفظ تلقائياً إلا المسودات: احفظ هذه المقالة بزرّها.' });
    }
    return this.save(user, edition, nid, values, 'save');
  }

  /** Takes a published or scheduled article down: readers get 410 (or the withdrawal notice), feeds and search drop it. */
  async unpublish(user: Editor, edition: Edition, nid: number): Promise<void> {
    const target = requireWritable(edition);
    this.require(user, 'publish articles');
    const current = await this.article(user, edition, nid);
    if (current.status !== NODE_STATUS.PUBLISHED && current.status !== NODE_STATUS.SCHEDULED) {
      throw new Conflict({ en: 'This article is not published or scheduled.', ar: 'هذه المقالة غير منشورة وغير مجدولة.' });
    }
    await this.desk.setStatus(target, nid, NODE_STATUS.UNPUBLISHED, current.publishedAt, this.seconds());
    await this.afterStatus(target, nid, NODE_STATUS.UNPUBLISHED, current.status);
    await this.record(user, target, 'article.unpublish', nid, nodeStatusName(current.status), 'unpublished', current.title);
  }

  /** Moves an article to the trash: its URLs answer 410 until it is restored, and it is gone for good when an admin empties the trash. */
  async trash(user: Editor, edition: Edition, nid: number): Promise<void> {
    const target = requireWritable(edition);
    const current = await this.article(user, edition, nid);
    if (!(await this.desk.setTrashed(target, nid, this.seconds(), this.seconds()))) throw new Conflict({ en: 'This article is in the trash already.', ar: 'هذه المقالة في سلة المهملات أصلاً.' });
    await this.afterStatus(target, nid, NODE_STATUS.UNPUBLISHED, current.status);
    await this.record(user, target, 'article.trash', nid, nodeStatusName(current.status), 'trash', current.title);
  }

  /** Takes an article out of the trash as a draft (as WordPress does): it is republished on purpose, never by accident. */
  async restore(user: Editor, edition: Edition, nid: number): Promise<void> {
    const target = requireWritable(edition);
    this.require(user, 'edit any article');
    const current = await this.article(user, edition, nid);
    if (!(await this.desk.setTrashed(target, nid, null, this.seconds()))) throw new Conflict({ en: 'This article is not in the trash.', ar: 'هذه المقالة ليست في سلة المهملات.' });
    this.changed(target.code);
    await this.record(user, target, 'article.restore-from-trash', nid, 'trash', 'draft', current.title);
  }

  /** Deletes everything in the edition's trash for good (admins only); the deleted articles' URLs answer 410. */
  async emptyTrash(user: Editor, edition: Edition): Promise<number> {
    const target = requireWritable(edition);
    this.require(user, 'manage settings');
    const emptied = await this.desk.emptyTrash(target, this.seconds());
    if (emptied.length === 0) return 0;
    await this.indexer?.removeNodes(emptied.map((e) => e.nid));
    this.changed(target.code);
    await this.audit?.record({ actor: { uid: user.uid, name: user.name }, action: 'trash.empty', subject: { type: 'edition', id: target.code }, edition: target.code, after: emptied.map((e) => e.nid).join(','), note: String(emptied.length) });
    return emptied.length;
  }

  /** The front page's current choices (none made: lead null, sections empty, so the home page keeps its default order). */
  async front(edition: Edition): Promise<FrontChoices> {
    return parseFront(await this.content.getMeta(frontKey(edition.code)));
  }

  /** Sets the lead story (a published article of the edition, or none) and the order of section blocks. */
  async arrangeFront(user: Editor, edition: Edition, choices: FrontChoices): Promise<void> {
    const target = requireWritable(edition);
    this.require(user, 'arrange front page');
    if (choices.lead !== null) {
      const lead = await this.desk.findArticle(target.code, choices.lead);
      if (!lead || lead.status !== NODE_STATUS.PUBLISHED || lead.trashedAt !== null) {
        throw rejected('lead', 'The lead story must be a published article of this edition.', 'يجب أن يكون الخبر الرئيسي مقالة منشورة في هذه النسخة.');
      }
    }
    const known = new Set((await this.sections(target)).map((s) => s.tid));
    const sections = [...new Set(choices.sections)];
    if (sections.some((tid) => !known.has(tid))) throw rejected('sections', 'Choose sections of this edition only.', 'اختر أقساماً من هذه النسخة فقط.');
    const before = await this.content.getMeta(frontKey(target.code));
    const after = JSON.stringify({ lead: choices.lead, sections });
    await this.writer.setMeta(frontKey(target.code), after);
    this.changed(target.code);
    await this.audit?.record({ actor: { uid: user.uid, name: user.name }, action: 'front.arrange', subject: { type: 'edition', id: target.code }, edition: target.code, before: before ?? null, after });
  }

  private require(user: Editor, permission: Permission): void {
    if (!can(user.role, permission)) throw new Forbidden();
  }

  private requireIntent(user: Editor, intent: SaveIntent): void {
    if (intent === 'publish') this.require(user, 'publish articles');
    if (intent === 'schedule') this.require(user, 'schedule articles');
  }

  private seconds(): number {
    return Math.floor(this.now() / 1000);
  }

  /** The status and publication time a button asks for. Scheduling needs a time in the future, in the edition's zone. */
  private statusFor(intent: SaveIntent, publishAt: string, edition: Edition, current: DeskArticle | null): { status: NodeStatusCode; publishedAt: number } {
    const now = this.seconds();
    if (intent === 'save') return { status: current?.status ?? NODE_STATUS.DRAFT, publishedAt: current?.publishedAt ?? now };
    if (intent === 'publish') return { status: NODE_STATUS.PUBLISHED, publishedAt: current?.status === NODE_STATUS.UNPUBLISHED ? current.publishedAt : now };
    const at = fromWallClock(publishAt, edition.timeZone);
    if (at === null) throw rejected('publishAt', `Give the date and time to publish, in ${edition.timeZone} time.`, `اكتب تاريخ النشر ووقته بتوقيت ${edition.timeZone}.`);
    const when = Math.floor(at.getTime() / 1000);
    if (when <= now) throw rejected('publishAt', 'The time to publish must be in the future; to publish now, use Publish.', 'يجب أن يكون وقت النشر في المستقبل؛ للنشر الآن استخدم زر النشر.');
    return { status: NODE_STATUS.SCHEDULED, publishedAt: when };
  }

  /** Search and caches follow a status change: published articles are indexed, anything else taken out. */
  /**
   * What an article needs before readers see it (published, or scheduled to be): every image in the
   * body and the library's lead photo have a text alternative. A draft may lack them: nothing typed is lost.
   */
  private async readyForReaders(write: DeskArticleWrite): Promise<void> {
    const errors: Record<string, FieldErrors[string]> = {};
    const [missing] = staffBodyProblems(write.bodyHtml);
    if (missing) {
      errors.body = { en: staffBodyProblemMessage(missing, 'en'), ar: staffBodyProblemMessage(missing, 'ar') };
    }
    try {
      await this.options.requireAlt?.(write.photo?.src);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      errors.photoSrc = { en: err.messageIn('en'), ar: err.messageIn('ar') };
    }
    if (Object.keys(errors).length > 0) throw new ArticleRejected(errors);
  }

  private async afterStatus(edition: WritableEdition, nid: number, status: NodeStatusCode, before: NodeStatusCode | null): Promise<void> {
    if (status === NODE_STATUS.PUBLISHED) await this.indexer?.indexNodes([nid]);
    else if (before === NODE_STATUS.PUBLISHED) await this.indexer?.removeNodes([nid]);
    this.changed(edition.code);
  }

  private async buildWrite(
    edition: WritableEdition, nid: number, draft: ArticleDraft, resolved: { section: TermRef },
    at: { path: string; status: NodeStatusCode; publishedAt: number; ownerUid: number | null },
  ): Promise<DeskArticleWrite> {
    const tags: TermRef[] = [];
    for (const name of draft.tags) tags.push(await this.refs.tagFor(edition, name));
    const authors: AuthorRef[] = [];
    for (const name of draft.authors) authors.push(await this.refs.authorFor(edition, name));
    // Staff HTML goes through the sanitising staff_html format (as `folio article add` does): an
    // embed pasted into the body becomes a safe placeholder and never runs script on readers' pages.
    const bodyHtml = formatText('staff_html', draft.body).html;
    const opening = leadAndTeaser(bodyHtml);
    const section = resolved.section;
    return {
      nid, title: draft.title, path: at.path, summary: draft.summary, teaser: draft.summary ?? opening.teaser, leadHtml: opening.leadHtml, bodyHtml,
      credit: draft.credit, photo: draft.photo, publishedAt: at.publishedAt, updatedAt: this.seconds(), status: at.status, promoted: draft.promoted,
      sticky: draft.sticky, sectionTid: section.tid, termIds: [section.tid, ...(section.parentTid === null ? [] : [section.parentTid]), ...tags.map((t) => t.tid)],
      authorIds: authors.map((a) => a.aid), commentPolicy: draft.comments, ownerUid: at.ownerUid,
    };
  }

  private revisionOf(write: DeskArticleWrite, user: Editor): RevisionWrite {
    const content = { title: write.title, bodyHtml: write.bodyHtml, summary: write.summary, credit: write.credit, photo: write.photo, revisedAt: write.updatedAt };
    return { nid: write.nid, contentHash: revisionFixity(content), sourceVid: null, ...content, log: null, revisedBy: user.uid };
  }

  private async record(user: Editor, edition: WritableEdition, action: AuditAction, nid: number, before: string | null, after: string | null, note: string): Promise<void> {
    await this.audit?.record({ actor: { uid: user.uid, name: user.name }, action, subject: { type: 'node', id: String(nid) }, edition: edition.code, before, after, note });
  }
}
