import type { FastifyRequest } from 'fastify';
import type { TranslationRef } from '../domain/content.ts';
import type { Edition } from '../domain/edition.ts';
import { siteContextFor } from './site-context-for.ts';
import { absoluteUrl, nodeUrl } from './urls.ts';
import type { WebDeps } from './web-deps.ts';

/** One language version of a page, with the absolute URL crawlers and readers follow. */
export interface LanguageVersion {
  readonly edition: Edition;
  readonly href: string;
}

/**
 * A node and its translations as absolute URLs, the node itself first: hreflang wants every
 * version listed on every version, self included. Each URL is built in its own edition's
 * context, so a host bound to one edition still links the other at its own address.
 */
export function languageVersions(request: FastifyRequest, deps: Pick<WebDeps, 'config' | 'editions'>, self: TranslationRef, translations: readonly TranslationRef[]): LanguageVersion[] {
  if (translations.length === 0) return [];
  const versions: LanguageVersion[] = [];
  for (const node of [self, ...translations]) {
    const edition = deps.editions.all.find((e) => e.code === node.edition);
    if (!edition) continue;
    const ctx = siteContextFor(request, edition, deps);
    versions.push({ edition, href: absoluteUrl(ctx, nodeUrl(ctx, node)) });
  }
  return versions;
}
