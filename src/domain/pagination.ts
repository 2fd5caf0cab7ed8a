import { Invalid } from './errors.ts';

/** Items per listing page, as the original site showed them. */
export const LISTING_PAGE_SIZE = 10;

/** Drupal's pager cap: no listing in the original reached this many pages, and it bounds OFFSET. */
export const MAX_PAGE = 100_000;

/** One page of a listing. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Zero-based page number (Drupal's ?page=N). */
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

/** Number of pages for a total (at least one, so an empty listing still has page 0). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * Reads Drupal's zero-based `?page=N`. Absent or empty means the first page; anything that
 * is not a whole number in range is a 400, never a silent first page.
 */
export function parsePageParam(raw: unknown): number {
  if (raw === undefined || raw === null || raw === '') return 0;
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (typeof text !== 'string' || !/^\d{1,6}$/.test(text)) {
    throw new Invalid({ en: 'The page number must be a whole number such as ?page=2.', ar: 'يجب أن يكون رقم الصفحة عدداً صحيحاً مثل ?page=2.' }, 'page');
  }
  const page = Number(text);
  if (page > MAX_PAGE) throw new Invalid({ en: `The page number must be at most ${MAX_PAGE}.`, ar: `يجب ألا يتجاوز رقم الصفحة ${MAX_PAGE}.` }, 'page');
  return page;
}

/** The pages a pager shows around the current one: first, last and a window of neighbours. */
export function pagerWindow(page: number, pages: number, radius = 4): number[] {
  const start = Math.max(0, Math.min(page - radius, pages - 1 - 2 * radius));
  const end = Math.min(pages - 1, Math.max(page + radius, 2 * radius));
  const out: number[] = [];
  for (let p = start; p <= end; p++) out.push(p);
  return out;
}
