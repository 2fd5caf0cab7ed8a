import { Invalid } from './errors.ts';
import type { CommentPolicy } from './edition.ts';

/** A new article as `folio article add --file` takes it. */
export interface ArticleInput {
  readonly title: string;
  readonly body: string;
  readonly published: Date;
  readonly section: string;
  readonly authors: readonly string[];
  readonly tags: readonly string[];
  readonly credit: string | null;
  readonly summary: string | null;
  readonly slug: string | null;
  readonly photo: { readonly src: string; readonly caption: string | null; readonly credit: string | null } | null;
  /** This article's comment policy; null follows the edition's. */
  readonly comments: CommentPolicy | null;
  /** The nid of the article (in another edition) this one translates; null when it is not a translation. */
  readonly translationOf: number | null;
  /** Whether it goes to the front page, /rss.xml and /node; null follows the setting (FOLIO_PROMOTE_NEW_ARTICLES). */
  readonly promoted?: boolean | null;
}

/** Field limits: generous for journalism, small enough that a pasted file cannot bloat the store. */
const LIMITS = { title: 255, body: 1_000_000, section: 100, name: 120, credit: 255, summary: 600, slug: 120, src: 2048, caption: 1000 } as const;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function fail(field: string, problem: string): never {
  throw new Invalid(`Invalid article: "${field}" ${problem}`, field);
}

function text(obj: Record<string, unknown>, field: string, max: number, required: true): string;
function text(obj: Record<string, unknown>, field: string, max: number, required: false): string | null;
function text(obj: Record<string, unknown>, field: string, max: number, required: boolean): string | null {
  const v = obj[field];
  if (v === undefined || v === null) {
    if (required) fail(field, 'is required');
    return null;
  }
  if (typeof v !== 'string') fail(field, 'must be a string');
  const trimmed = v.trim();
  if (required && trimmed === '') fail(field, 'must not be empty');
  if (trimmed.length > max) fail(field, `must be at most ${max} characters`);
  return trimmed === '' ? null : trimmed;
}

function names(obj: Record<string, unknown>, field: string): string[] {
  const v = obj[field];
  if (v === undefined) return [];
  if (!Array.isArray(v)) fail(field, 'must be an array of names');
  return v.map((n, i) => {
    if (typeof n !== 'string' || n.trim() === '') fail(`${field}[${i}]`, 'must be a non-empty string');
    if (n.length > LIMITS.name) fail(`${field}[${i}]`, `must be at most ${LIMITS.name} characters`);
    return n.trim();
  });
}

/** Validates parsed JSON into an ArticleInput, throwing Invalid naming the first bad field. */
export function parseArticleInput(raw: unknown): ArticleInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Invalid('Invalid article: the file must hold one JSON object');
  const obj = raw as Record<string, unknown>;
  const known = new Set(['title', 'body', 'published', 'section', 'authors', 'tags', 'credit', 'summary', 'slug', 'photo', 'comments', 'translationOf', 'promoted']);
  const unknown = Object.keys(obj).find((k) => !known.has(k));
  if (unknown) fail(unknown, `is not a known field (known: ${[...known].join(', ')})`);
  const publishedRaw = text(obj, 'published', 40, true);
  if (!ISO_WITH_OFFSET.test(publishedRaw)) fail('published', 'must be ISO 8601 with an offset, e.g. 2026-11-25T09:30:00+02:00');
  const published = new Date(publishedRaw);
  if (Number.isNaN(published.getTime())) fail('published', 'is not a real date');
  const slug = text(obj, 'slug', LIMITS.slug, false);
  if (slug !== null && !/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u.test(slug)) fail('slug', 'must be words joined by hyphens, e.g. "new-cabinet-sworn"');
  let photo: ArticleInput['photo'] = null;
  if (obj.photo !== undefined && obj.photo !== null) {
    if (typeof obj.photo !== 'object' || Array.isArray(obj.photo)) fail('photo', 'must be an object with src, caption and credit');
    const p = obj.photo as Record<string, unknown>;
    const src = text(p, 'src', LIMITS.src, false);
    if (src === null) fail('photo.src', 'is required');
    if (!/^(https?:\/\/|\/)/.test(src)) fail('photo.src', 'must be an http(s) URL or a path starting with /');
    photo = { src, caption: text(p, 'caption', LIMITS.caption, false), credit: text(p, 'credit', LIMITS.credit, false) };
  }
  const comments = text(obj, 'comments', 20, false);
  if (comments !== null && !['open', 'moderated', 'closed'].includes(comments)) fail('comments', 'must be "open", "moderated" or "closed"');
  const translationOf = obj.translationOf ?? null;
  if (translationOf !== null && !(Number.isSafeInteger(translationOf) && (translationOf as number) > 0)) fail('translationOf', 'must be the nid (a positive whole number) of the article this one translates');
  const promoted = obj.promoted ?? null;
  if (promoted !== null && typeof promoted !== 'boolean') fail('promoted', 'must be true or false');
  return {
    promoted,
    translationOf: translationOf as number | null,
    comments: comments as CommentPolicy | null,
    title: text(obj, 'title', LIMITS.title, true),
    body: text(obj, 'body', LIMITS.body, true),
    published,
    section: text(obj, 'section', LIMITS.section, true),
    authors: names(obj, 'authors'),
    tags: names(obj, 'tags'),
    credit: text(obj, 'credit', LIMITS.credit, false),
    summary: text(obj, 'summary', LIMITS.summary, false),
    slug,
    photo,
  };
}
