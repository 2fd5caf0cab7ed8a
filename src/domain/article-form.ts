import type { CommentPolicy } from './edition.ts';
import { Invalid, type Lang } from './errors.ts';

/** The article form's fields exactly as typed (every one a string), so a rejected form comes back whole. */
export interface ArticleFormValues {
  readonly title: string;
  readonly slug: string;
  readonly summary: string;
  readonly body: string;
  readonly section: string;
  /** Comma-separated (Latin or Arabic comma). */
  readonly tags: string;
  readonly authors: string;
  readonly credit: string;
  readonly photoSrc: string;
  readonly photoCaption: string;
  readonly photoCredit: string;
  readonly promoted: boolean;
  readonly sticky: boolean;
  /** Drupal's comment setting: '' the edition's own, '0' hidden, '1' closed, '2' open. */
  readonly comments: string;
  /** A node id or the URL of the article this one translates. */
  readonly translationOf: string;
  /** A wall-clock date-time in the edition's zone ("2026-12-03T09:30"), for scheduling. */
  readonly publishAt: string;
}

/** A field's problem, in both interface languages. */
export type FieldErrors = Readonly<Record<string, Readonly<Record<Lang, string>>>>;

/** The article checked for shape; the service checks what needs the store (section, slug, translation). */
export interface ArticleDraft {
  readonly title: string;
  readonly slug: string | null;
  readonly summary: string | null;
  readonly body: string;
  readonly section: string;
  readonly tags: readonly string[];
  readonly authors: readonly string[];
  readonly credit: string | null;
  readonly photo: { readonly src: string; readonly caption: string | null; readonly credit: string | null } | null;
  readonly promoted: boolean;
  readonly sticky: boolean;
  readonly comments: CommentPolicy | null;
  readonly translationOf: string | null;
}

/** A form refused, with every field's problem (not only the first), so each shows next to its field. */
export class ArticleRejected extends Invalid {
  constructor(readonly fields: FieldErrors) {
    const first = Object.values(fields)[0] ?? { en: 'The article was not saved.', ar: 'لم تُحفظ المقالة.' };
    super({ en: `The article was not saved: ${first.en}`, ar: `لم تُحفظ المقالة: ${first.ar}` }, Object.keys(fields)[0]);
  }
}

/** Field limits, as `folio article add` has them (domain/article-input.ts). */
export const ARTICLE_LIMITS = Object.freeze({ title: 255, body: 1_000_000, credit: 255, summary: 600, slug: 120, src: 2048, caption: 1000, name: 120, names: 30 });

/** Drupal 7's comment values (0 hidden, 1 closed, 2 open) as Folio's policies. */
const COMMENT_VALUES: Readonly<Record<string, CommentPolicy>> = { 0: 'hidden', 1: 'closed', 2: 'open' };

/** The form value of a stored comment policy ('' for the edition's own). */
export function commentFormValue(policy: string | null): string {
  return Object.entries(COMMENT_VALUES).find(([, p]) => p === policy)?.[0] ?? '';
}

/** A slug: letters and digits of any script, joined by single hyphens. */
const SLUG = /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u;

/** Splits a comma list (Latin "," or Arabic "،"), trimming and dropping empties and repeats. */
export function splitNames(text: string): string[] {
  return [...new Set(text.split(/[,،]/).map((n) => n.trim()).filter((n) => n !== ''))];
}

function tooLong(what: { en: string; ar: string }, max: number) {
  return { en: `${what.en} must be at most ${max} characters.`, ar: `يجب ألا يتجاوز ${what.ar} ${max} محرفاً.` };
}

/** Checks the form's shape; throws ArticleRejected naming every bad field. */
export function checkArticleForm(v: ArticleFormValues): ArticleDraft {
  const errors: Record<string, { en: string; ar: string }> = {};
  const title = v.title.trim();
  if (title === '') errors.title = { en: 'Give the article a title.', ar: 'اكتب عنواناً للمقالة.' };
  else if ([...title].length > ARTICLE_LIMITS.title) errors.title = tooLong({ en: 'The title', ar: 'العنوان' }, ARTICLE_LIMITS.title);
  const slug = v.slug.trim();
  if (slug !== '' && (!SLUG.test(slug) || slug.length > ARTICLE_LIMITS.slug)) {
    errors.slug = { en: 'The slug must be letters and digits joined by hyphens, such as beirut-port-report.', ar: 'يجب أن يتألف الرابط المختصر من حروف وأرقام تفصل بينها شَرطات، مثل تقرير-مرفأ-بيروت.' };
  }
  if (v.body.length > ARTICLE_LIMITS.body) errors.body = tooLong({ en: 'The body', ar: 'النص' }, ARTICLE_LIMITS.body);
  if (v.section.trim() === '') errors.section = { en: 'Choose a section.', ar: 'اختر قسماً.' };
  const summary = v.summary.trim();
  if (summary.length > ARTICLE_LIMITS.summary) errors.summary = tooLong({ en: 'The summary', ar: 'الملخّص' }, ARTICLE_LIMITS.summary);
  const credit = v.credit.trim();
  if (credit.length > ARTICLE_LIMITS.credit) errors.credit = tooLong({ en: 'The credit', ar: 'المصدر' }, ARTICLE_LIMITS.credit);
  const tags = splitNames(v.tags);
  const authors = splitNames(v.authors);
  for (const [field, names] of [['tags', tags], ['authors', authors]] as const) {
    if (names.length > ARTICLE_LIMITS.names || names.some((n) => n.length > ARTICLE_LIMITS.name)) {
      errors[field] = { en: `At most ${ARTICLE_LIMITS.names} names, each at most ${ARTICLE_LIMITS.name} characters.`, ar: `${ARTICLE_LIMITS.names} اسماً على الأكثر، لا يتجاوز كل منها ${ARTICLE_LIMITS.name} محرفاً.` };
    }
  }
  const src = v.photoSrc.trim();
  if (src !== '' && (src.length > ARTICLE_LIMITS.src || !/^(\/(?!\/)|https:\/\/)\S+$/.test(src))) {
    errors.photoSrc = { en: 'The photo must be a path on this site (/files/…) or an https:// address.', ar: 'يجب أن تكون الصورة مساراً في هذا الموقع (/files/…) أو عنواناً يبدأ بـ https://.' };
  }
  if (src === '' && (v.photoCaption.trim() !== '' || v.photoCredit.trim() !== '')) {
    errors.photoSrc = { en: 'A caption or photo credit needs a photo: give its path.', ar: 'التعليق أو مصدر الصورة يحتاج إلى صورة: اكتب مسارها.' };
  }
  if (v.photoCaption.length > ARTICLE_LIMITS.caption) errors.photoCaption = tooLong({ en: 'The caption', ar: 'التعليق' }, ARTICLE_LIMITS.caption);
  if (v.comments !== '' && !(v.comments in COMMENT_VALUES)) errors.comments = { en: 'Choose a comment setting from the list.', ar: 'اختر إعداد التعليقات من القائمة.' };
  if (Object.keys(errors).length > 0) throw new ArticleRejected(errors);
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    title, slug: slug === '' ? null : slug, summary: orNull(summary), body: v.body, section: v.section.trim(), tags, authors, credit: orNull(credit),
    photo: src === '' ? null : { src, caption: orNull(v.photoCaption), credit: orNull(v.photoCredit) },
    promoted: v.promoted, sticky: v.sticky, comments: COMMENT_VALUES[v.comments] ?? null, translationOf: orNull(v.translationOf),
  };
}
