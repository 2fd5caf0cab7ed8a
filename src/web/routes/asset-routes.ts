import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFound } from '../../domain/errors.ts';
import { assetCatalogue, type Asset } from '../asset-catalogue.ts';
import { preferredCoding } from '../compression.ts';

/** A hashed name never changes content: caches keep it a year without asking again (RFC 8246). */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** A plain name (`/assets/folio.css`, `/favicon.ico`) changes with a release: kept a day, as before. */
const PLAIN = 'public, max-age=86400';

/** Muted newsprint tones for the demo's generated lead photos. */
const PHOTO_TONES = ['#5b6c7d', '#7d6b5b', '#5b7d6a', '#6e5b7d', '#7d5b66', '#4f6470'];

/**
 * The demo newspaper's lead photos are drawn, not shipped: a deterministic SVG per number,
 * so the demo has real images with real dimensions and no binary files in the repository.
 */
export function demoPhotoSvg(n: number): string {
  const tone = PHOTO_TONES[n % PHOTO_TONES.length]!;
  const sun = 120 + ((n * 97) % 560);
  const hill = 250 + ((n * 53) % 120);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450" role="img" aria-label="Illustration ${n}">
<rect width="800" height="450" fill="${tone}"/>
<circle cx="${sun}" cy="120" r="60" fill="#e8dcc0" opacity="0.8"/>
<path d="M0 ${hill} Q200 ${hill - 90} 400 ${hill} T800 ${hill - 30} V450 H0 Z" fill="#2f3a40" opacity="0.7"/>
<path d="M0 ${hill + 60} Q260 ${hill} 520 ${hill + 50} T800 ${hill + 40} V450 H0 Z" fill="#1e2529" opacity="0.8"/>
</svg>`;
}

/** Sends a shipped file: precompressed when the client takes it, 304 for its ETag. */
export function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset, hashed: boolean): FastifyReply {
  const coding = preferredCoding(request.headers['accept-encoding'], { br: asset.br !== null, gzip: asset.gzip !== null });
  const etag = coding === null ? asset.etag : `${asset.etag.slice(0, -1)}-${coding}"`;
  reply.header('content-type', asset.contentType).header('cache-control', hashed ? IMMUTABLE : PLAIN).header('etag', etag);
  if (asset.br !== null || asset.gzip !== null) reply.header('vary', 'Accept-Encoding');
  const inm = request.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim() === etag)) return reply.code(304).send();
  if (coding !== null) reply.header('content-encoding', coding);
  return reply.send(coding === 'br' ? asset.br : coding === 'gzip' ? asset.gzip : asset.body);
}

/** Registers /assets/<name> (by plain or content-hashed name) and the demo's drawn photos. */
export function assetRoutes() {
  return async function register(app: FastifyInstance): Promise<void> {
    const assets = assetCatalogue();
    app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
      const found = assets.lookup(request.params.file);
      if (!found) throw new NotFound();
      return sendAsset(request, reply, found.asset, found.hashed);
    });
    app.get<{ Params: { n: string } }>('/assets/demo/photo-:n(^\\d{1,6}$).svg', async (request, reply) => {
      return reply.header('content-type', 'image/svg+xml').header('cache-control', IMMUTABLE)
        .send(demoPhotoSvg(Number(request.params.n)));
    });
  };
}
