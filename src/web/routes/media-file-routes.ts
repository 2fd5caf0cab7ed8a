import type { FastifyInstance } from 'fastify';
import { NotFound } from '../../domain/errors.ts';
import type { WebDeps } from '../web-deps.ts';

/** A derivative's name never changes meaning (it is its original's hash), so it is cached for a year and never revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The media library's derivatives at `/media/<hash>-<width>.<ext>` (issue 12, point 5), from the
 * media storage (a folder or a bucket). Registered at the root and under each edition's prefix,
 * since a host bound to a prefixed edition sees its paths rewritten onto the prefix.
 */
export function mediaFileRoutes(deps: Pick<WebDeps, 'media'>) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.get<{ Params: { name: string } }>('/media/:name', async (request, reply) => {
      const { name } = request.params;
      const etag = `"${name}"`;
      if (request.headers['if-none-match'] === etag) return reply.code(304).header('etag', etag).header('cache-control', IMMUTABLE).send();
      const file = await deps.media.open(name);
      if (!file) throw new NotFound();
      return reply.header('content-type', file.type).header('cache-control', IMMUTABLE).header('etag', etag)
        .header('content-length', file.bytes.length).send(file.bytes);
    });
  };
}
