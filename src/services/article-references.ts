import type { ArticleDraft } from '../domain/article-form.ts';
import { ArticleRejected } from '../domain/article-form.ts';
import type { AuthorRef, TermRef } from '../domain/content.ts';
import type { Edition } from '../domain/edition.ts';
import type { WritableEdition } from '../domain/edition-guard.ts';
import { slugify } from '../text/slugify.ts';
import type { ContentReader, ContentWriter, DeskArticle } from '../store/types.ts';

/**
 * What an article refers to, found or made for a save: its section (never created here), tags and
 * authors (created on first use), the article it translates, and a free path for its slug.
 */
export class ArticleReferences {
  constructor(
    private readonly content: ContentReader,
    private readonly writer: Pick<ContentWriter, 'nextId' | 'saveTerms' | 'saveAuthors'>,
    /** The editions whose URLs "translation of" may name (not needed to find tags, authors or sections). */
    private readonly editions: readonly Edition[] = [],
  ) {}

  /** The sections an article may be filed under: tid, slug and name. */
  async sections(edition: Edition): Promise<{ tid: number; slug: string; name: string }[]> {
    const terms = await this.content.listTerms(edition.code, 'section');
    return terms.map((t) => ({ tid: t.tid, slug: (t.path ?? `taxonomy/term/${t.tid}`).replace(/^section\//, ''), name: t.name }));
  }

  /** Section, tags, authors and translation as stored references: an unknown section is refused; tags and authors are created. */
  async resolve(edition: WritableEdition, draft: ArticleDraft, current: DeskArticle | null) {
    const sections = await this.sections(edition);
    const section = sections.find((s) => s.slug === draft.section || String(s.tid) === draft.section);
    const errors: Record<string, { en: string; ar: string }> = {};
    if (!section) errors.section = { en: 'Choose one of the sections in the list.', ar: 'اختر أحد الأقسام في القائمة.' };
    let translationOf: { nid: number; edition: string } | null = null;
    if (draft.translationOf !== null) {
      const found = await this.translationTarget(edition, draft.translationOf, current?.nid ?? null);
      if ('error' in found) errors.translationOf = found.error;
      else translationOf = found;
    } else if (current?.translationOf != null) {
      errors.translationOf = { en: 'A translation link cannot be removed here: put back the node id.', ar: 'لا يمكن إزالة ربط الترجمة من هنا: أعد رقم المقالة.' };
    }
    if (Object.keys(errors).length > 0) throw new ArticleRejected(errors);
    const term = (await this.content.findTerm(edition.code, section!.tid))!;
    return { section: term, translationOf };
  }

  async translationTarget(edition: WritableEdition, raw: string, self: number | null): Promise<{ nid: number; edition: string } | { error: { en: string; ar: string } }> {
    const nid = await this.nidFrom(raw);
    if (nid === null) return { error: { en: 'Give the node id or the address of the article this one translates.', ar: 'اكتب رقم المقالة المترجَمة أو عنوانها.' } };
    const other = await this.content.nodeEdition(nid);
    if (other === undefined) return { error: { en: `There is no article ${nid}.`, ar: `لا توجد مقالة رقمها ${nid}.` } };
    if (other === edition.code) return { error: { en: 'A translation must be of an article in another edition.', ar: 'يجب أن تكون الترجمة لمقالة من نسخة أخرى.' } };
    const taken = (await this.content.translationsOf(nid)).find((t) => t.edition === edition.code && t.nid !== self);
    if (taken) return { error: { en: `Article ${nid} already has a translation in this edition (${taken.nid}).`, ar: `للمقالة ${nid} ترجمة في هذه النسخة أصلاً (${taken.nid}).` } };
    return { nid, edition: other };
  }

  /** A node id from "1234", "/node/1234" or an article's URL in any edition. */
  async nidFrom(raw: string): Promise<number | null> {
    if (/^\d{1,10}$/.test(raw)) return Number(raw);
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(raw, 'http://folio.invalid').pathname);
    } catch {
      return null;
    }
    // The edition with the longest matching prefix owns the path (/ar/... before /...).
    const owners = [...this.editions].sort((a, b) => b.pathPrefix.length - a.pathPrefix.length);
    const owner = owners.find((e) => e.pathPrefix === '' || pathname === e.pathPrefix || pathname.startsWith(`${e.pathPrefix}/`));
    if (!owner) return null;
    const path = pathname.slice(owner.pathPrefix.length).replace(/^\/+|\/+$/g, '');
    const byNode = /^node\/(\d{1,10})$/.exec(path);
    if (byNode) return Number(byNode[1]);
    const target = await this.content.resolvePath(owner.code, path);
    return target?.targetType === 'node' ? target.targetId : null;
  }

  /** The first free article path for a slug (base, base-0, base-1…: pathauto's rule), this article's own paths counting as free. */
  async freePath(edition: string, slug: string, nid: number): Promise<string> {
    const base = `content/${slug}`;
    const free = async (path: string) => {
      const target = await this.content.resolvePath(edition, path);
      return target === undefined ? !(await this.content.pathTaken(edition, path)) : target.targetType === 'node' && target.targetId === nid;
    };
    if (await free(base)) return base;
    for (let i = 0; ; i++) if (await free(`${base}-${i}`)) return `${base}-${i}`;
  }

  /** A tag by name, created on first use (counted in `created` when given). */
  async tagFor(edition: WritableEdition, name: string, created?: { tags: number }): Promise<TermRef> {
    const existing = await this.content.findTermByName(edition.code, 'tag', name);
    if (existing) return existing;
    if (created) created.tags++;
    const tid = await this.writer.nextId('term');
    let path = `tags/${slugify(name) || tid}`;
    for (let i = 0; await this.content.pathTaken(edition.code, path); i++) path = `tags/${slugify(name) || tid}-${i}`;
    await this.writer.saveTerms(edition, [{ tid, vocabulary: 'tag', name, path, parentTid: null, weight: 0 }]);
    return { tid, vocabulary: 'tag', name, path, parentTid: null };
  }

  /** An author by name, created on first use (counted in `created` when given). */
  async authorFor(edition: WritableEdition, name: string, created?: { authors: number }): Promise<AuthorRef> {
    const base = slugify(name) || 'author';
    const existing = await this.content.findAuthorBySlug(edition.code, base);
    if (existing) return existing;
    if (created) created.authors++;
    const aid = await this.writer.nextId('author');
    await this.writer.saveAuthors(edition, [{ aid, name, slug: base }]);
    return { aid, name, slug: base };
  }

}
