import type { ArticleInput } from '../domain/article-input.ts';
import type { Edition } from '../domain/edition.ts';
import { requireWritable, type WritableEdition } from '../domain/edition-guard.ts';
import { Invalid } from '../domain/errors.ts';
import type { AuthorRef, TermRef } from '../domain/content.ts';
import { formatText } from '../filter/index.ts';
import { slugify } from '../text/slugify.ts';
import { leadAndTeaser } from '../text/teaser.ts';
import type { ContentReader, ContentWriter } from '../store/types.ts';
import { ArticleReferences } from './article-references.ts';

/** What publishing reports back. */
export interface Published {
  readonly nid: number;
  readonly path: string;
  /** True when it is dated in the future: stored as scheduled, visible nowhere until its time. */
  readonly scheduled: boolean;
  /** Authors and tags are created on first use; sections never are (see sectionFor). */
  readonly created: { readonly authors: number; readonly tags: number };
}

/** Publishing's settings. */
export interface PublishingOptions {
  /** Whether an article that does not say is promoted (front page, /rss.xml, /node). */
  readonly promoteByDefault: boolean;
}

/** Called after any content change so caches of that edition can be dropped. */
export type ContentChanged = (editionCode: string) => void;

/** Publishing in live editions. Every entry point passes through requireWritable first. */
export class PublishingService {
  constructor(
    private readonly content: ContentReader,
    private readonly writer: ContentWriter,
    private readonly changed: ContentChanged,
    private readonly indexer: { indexNodes(nids: readonly number[]): Promise<void> } | null = null,
    private readonly now: () => Date = () => new Date(),
    private readonly options: PublishingOptions = { promoteByDefault: true },
  ) {
    this.refs = new ArticleReferences(content, writer);
  }

  /** Tags, authors and sections found or made, as the newsroom's form does. */
  private readonly refs: ArticleReferences;

  /**
   * Publishes one article, or schedules it when it is dated in the future. Unknown authors and
   * tags are created; an unknown section is refused (issue 12: one was silently created and
   * added to the Arabic main menu in Latin letters).
   */
  async addArticle(edition: Edition, input: ArticleInput): Promise<Published> {
    const target = requireWritable(edition);
    const section = await this.sectionFor(target, input.section);
    const original = input.translationOf === null ? null : await this.translationTarget(target, input.translationOf);
    const created = { authors: 0, tags: 0 };
    const authors: AuthorRef[] = [];
    for (const name of input.authors) authors.push(await this.refs.authorFor(target, name, created));
    const tags: TermRef[] = [];
    for (const name of input.tags) tags.push(await this.refs.tagFor(target, name, created));
    const nid = await this.writer.nextId('node');
    const slug = input.slug ?? (slugify(input.title) || String(nid));
    const path = await this.refs.freePath(target.code, slug, nid);
    // Editors are trusted, but their HTML still goes through the sanitising staff format:
    // a pasted embed becomes a placeholder and cannot run script on readers' pages.
    const bodyHtml = formatText('staff_html', input.body).html;
    const published = Math.floor(input.published.getTime() / 1000);
    const now = Math.floor(this.now().getTime() / 1000);
    const scheduled = published > now;
    const opening = leadAndTeaser(bodyHtml);
    await this.writer.saveNodes(target, [{
      nid,
      kind: 'article',
      title: input.title,
      path,
      summary: input.summary,
      teaser: input.summary ?? opening.teaser,
      leadHtml: opening.leadHtml,
      bodyHtml,
      credit: input.credit,
      photo: input.photo,
      publishedAt: published,
      updatedAt: now,
      showDate: true,
      promoted: input.promoted ?? this.options.promoteByDefault,
      scheduled,
      sectionTid: section.tid,
      termIds: [section.tid, ...(section.parentTid === null ? [] : [section.parentTid]), ...tags.map((t) => t.tid)],
      authorIds: authors.map((a) => a.aid),
      blogId: null,
      commentPolicy: input.comments,
    }]);
    // The search index is kept current on every publish (not only by `folio reindex`); a
    // scheduled article is indexed when publishDue publishes it.
    if (!scheduled) await this.indexer?.indexNodes([nid]);
    if (original !== null) {
      await this.writer.linkTranslation(target, nid, original.nid);
      // The original's page now links here, so its edition's cached pages are stale too.
      this.changed(original.edition);
    }
    this.changed(target.code);
    return { nid, path, scheduled, created };
  }

  /**
   * Publishes every scheduled article whose time has come. Safe to run on every instance at
   * once: the store's claim publishes each article exactly once. Returns what this call published.
   */
  async publishDue(): Promise<{ nid: number; edition: string }[]> {
    const due = await this.writer.publishDue(Math.floor(this.now().getTime() / 1000));
    if (due.length === 0) return due;
    await this.indexer?.indexNodes(due.map((d) => d.nid));
    for (const edition of new Set(due.map((d) => d.edition))) this.changed(edition);
    return due;
  }

  /** The sections an article may be filed under in this edition: tid, slug and name. */
  async sections(edition: Edition): Promise<{ tid: number; slug: string; name: string }[]> {
    return this.refs.sections(edition);
  }

  /** Creates a section (an editorial decision, so only on purpose: `folio section add`). */
  async addSection(edition: Edition, input: { name: string; slug: string | null }): Promise<TermRef> {
    const target = requireWritable(edition);
    const name = input.name.trim();
    if (name === '' || name.length > 100) throw new Invalid('the section name must be 1 to 100 characters', 'name');
    const slug = input.slug ?? slugify(name);
    if (!/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u.test(slug)) throw new Invalid(`the section slug must be words joined by hyphens (got "${slug}")`, 'slug');
    if (await this.content.pathTaken(target.code, `section/${slug}`)) throw new Invalid(`the section "${slug}" already exists in ${target.code}`, 'slug');
    if (await this.content.findTermByName(target.code, 'section', name)) throw new Invalid(`a section named "${name}" already exists in ${target.code}`, 'name');
    const tid = await this.writer.nextId('term');
    const path = `section/${slug}`;
    await this.writer.saveTerms(target, [{ tid, vocabulary: 'section', name, path, parentTid: null, weight: 50 }]);
    this.changed(target.code);
    return { tid, vocabulary: 'section', name, path, parentTid: null };
  }

  /** The node an article translates: it must exist in another edition and have no translation in this one yet. */
  private async translationTarget(edition: WritableEdition, nid: number): Promise<{ nid: number; edition: string }> {
    const other = await this.content.nodeEdition(nid);
    if (other === undefined) throw new Invalid(`Invalid article: "translationOf" names node ${nid}, which does not exist`, 'translationOf');
    if (other === edition.code) throw new Invalid(`Invalid article: "translationOf" must name a node of another edition; ${nid} is in ${other}`, 'translationOf');
    const taken = (await this.content.translationsOf(nid)).find((t) => t.edition === edition.code);
    if (taken) throw new Invalid(`Invalid article: node ${nid} already has a translation in ${edition.code} (node ${taken.nid})`, 'translationOf');
    return { nid, edition: other };
  }

  /** The section named by slug (or path, or name); an unknown one is refused with the list of known ones. */
  private async sectionFor(edition: WritableEdition, slugOrPath: string): Promise<TermRef> {
    const slug = slugOrPath.replace(/^\/?(section\/)?/, '');
    const target = await this.content.resolvePath(edition.code, `section/${slug}`);
    if (target?.targetType === 'term') {
      const term = await this.content.findTerm(edition.code, target.targetId);
      if (term?.vocabulary === 'section') return term;
    }
    const byName = await this.content.findTermByName(edition.code, 'section', slug);
    if (byName) return byName;
    const known = await this.sections(edition);
    const list = known.length === 0 ? 'there are none yet: create one with `folio section add`' : `known sections: ${known.map((k) => `${k.slug} (${k.name})`).join(', ')}`;
    throw new Invalid(`Invalid article: "section" names no section of ${edition.code} ("${slug}"); ${list}`, 'section');
  }
}
