import type { Edition } from '../domain/edition.ts';
import type { TermRef } from '../domain/content.ts';
import type { SafeHtml } from '../domain/safe-html.ts';
import type { ReaderService } from '../services/reader-service.ts';
import type { SiteContext } from './site-context.ts';
import { layout } from './views/layout.ts';
import type { PageMetadata } from './views/page-metadata.ts';

/** Section lists for the navigation, kept per edition until that edition changes. */
export class NavigationMemo {
  private readonly memo = new Map<string, Promise<TermRef[]>>();
  constructor(private readonly reader: ReaderService) {}

  /** The edition's sections, loaded once. */
  sections(edition: Edition): Promise<TermRef[]> {
    let value = this.memo.get(edition.code);
    if (!value) {
      value = this.reader.sections(edition);
      value.catch(() => this.memo.delete(edition.code));
      this.memo.set(edition.code, value);
    }
    return value;
  }

  /** Forgets an edition's sections after a write. */
  invalidate(edition: string): void {
    this.memo.delete(edition);
  }
}

/** Renders a full page string around a view. */
export async function renderDocument(
  ctx: SiteContext,
  nav: NavigationMemo,
  page: { title: string; canonical: string | null; body: SafeHtml; description?: string; meta?: PageMetadata; feed?: string },
): Promise<string> {
  const sections = await nav.sections(ctx.edition).catch(() => []);
  return layout(ctx, { ...page, sections }).html;
}
