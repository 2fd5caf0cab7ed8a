import type { FastifyInstance } from 'fastify';
import type { Edition } from '../../domain/edition.ts';
import { directionOf } from '../../text/direction.ts';
import { assetCatalogue, assetPath } from '../asset-catalogue.ts';
import { sendFresh } from '../send-page.ts';
import { siteContextFor } from '../site-context-for.ts';
import { homeUrl } from '../urls.ts';
import type { WebDeps } from '../web-deps.ts';
import { sendAsset } from './asset-routes.ts';

/** The paper's colours (folio.css --paper and --accent), for the browser's own frame. */
const PAPER = '#fdfcf8';
const ACCENT = '#8a1c1c';

/**
 * What browsers ask every site for whether a page links it or not: /favicon.ico at the edition's
 * root (so a host-bound edition has its own) and the web app manifest its pages link to, which
 * names the edition in its own language and direction (https://www.w3.org/TR/appmanifest/).
 */
export function siteIconRoutes(edition: Edition, deps: WebDeps) {
  return async function register(app: FastifyInstance): Promise<void> {
    const favicon = assetCatalogue().get('favicon.ico');
    app.get('/favicon.ico', async (request, reply) => sendAsset(request, reply, favicon, false));
    app.get('/manifest.webmanifest', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const manifest = {
        name: edition.siteName,
        short_name: edition.siteName,
        lang: edition.lang,
        dir: directionOf(edition.lang),
        start_url: homeUrl(ctx),
        scope: homeUrl(ctx),
        display: 'browser',
        background_color: PAPER,
        theme_color: ACCENT,
        icons: [192, 512].map((size) => ({ src: assetPath(`icon-${size}.png`), sizes: `${size}x${size}`, type: 'image/png' })),
      };
      return sendFresh(request, reply, deps.cache, { edition, status: 200, body: JSON.stringify(manifest), contentType: 'application/manifest+json; charset=utf-8' });
    });
  };
}
