import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** The stylesheet and other files, from src/web/assets. */
const ASSETS_DIR = fileURLToPath(new URL('../assets/', import.meta.url));

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

/** Registers /assets/* (static files, cached a day) and the demo's drawn photos. */
export function assetRoutes() {
  return async function register(app: FastifyInstance): Promise<void> {
    await app.register(fastifyStatic, { root: ASSETS_DIR, prefix: '/assets/', maxAge: '1d', index: false, decorateReply: false });
    app.get<{ Params: { n: string } }>('/assets/demo/photo-:n(^\\d{1,6}$).svg', async (request, reply) => {
      return reply.header('content-type', 'image/svg+xml').header('cache-control', 'public, max-age=31536000, immutable')
        .send(demoPhotoSvg(Number(request.params.n)));
    });
  };
}
