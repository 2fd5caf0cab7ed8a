import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FileStore } from '../services/file-store.ts';
import { mediaType, SNIFF_BYTES } from './file-type.ts';

/**
 * The old site's files never change at their URL (a new upload got a new name, "photo_0.jpg"), so
 * caches may keep them a year; the ETag still lets a re-import that replaced one be noticed.
 */
const FILE_CACHE_CONTROL = 'public, max-age=31536000';

/**
 * Uploaded files are someone else's bytes: an SVG or HTML file must not run script on the site's
 * origin, so they are sandboxed like a download.
 */
const FILE_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

/** The first bytes of a file, for sniffing its type. */
async function head(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** True when the request's If-None-Match names this ETag (RFC 9110 §13.1.2, weak comparison). */
function notModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (typeof header !== 'string') return false;
  return header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * Sends the stored copy of an old site file at `path` (decoded, "sites/default/files/a b.jpg"):
 * its type, a strong ETag, a year's caching and a 304 for a matching If-None-Match. Returns
 * false, sending nothing, when Folio holds no such file.
 */
export async function sendSiteFile(request: FastifyRequest, reply: FastifyReply, files: FileStore, path: string): Promise<boolean> {
  const stored = await files.open(path);
  if (stored === undefined) return false;
  reply.header('etag', stored.etag).header('cache-control', FILE_CACHE_CONTROL).header('last-modified', new Date(stored.modifiedAt).toUTCString())
    .header('x-content-type-options', 'nosniff').header('content-security-policy', FILE_CSP);
  if (notModified(request, stored.etag)) {
    await reply.code(304).send();
    return true;
  }
  reply.header('content-type', mediaType(stored.file, await head(stored.file))).header('content-length', stored.size);
  await reply.code(200).send(createReadStream(stored.file));
  return true;
}
