import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A captured response: the exact bytes and headers Folio sent for a path. */
export interface CapturedResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/**
 * The baseline: a bare node:http server sending, from memory, the same bytes Folio sent for
 * each path (same encoding, same headers). No routing, no rendering, no framework.
 */
export async function startBaseline(responses: ReadonlyMap<string, CapturedResponse>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const hit = responses.get(req.url ?? '/');
    if (!hit) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(hit.status, hit.headers);
    res.end(hit.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Raw bytes as sent (node:http does not decompress, unlike fetch). */
function rawGet(url: string, headers: Record<string, string>): Promise<CapturedResponse> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const kept: Record<string, string> = {};
        for (const name of ['content-type', 'content-encoding', 'etag', 'cache-control', 'vary', 'content-security-policy', 'location']) {
          const v = res.headers[name];
          if (typeof v === 'string') kept[name] = v;
        }
        resolve({ status: res.statusCode ?? 0, headers: kept, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Fetches each path from Folio and keeps the exact response for the baseline to replay. */
export async function capture(base: string, paths: readonly string[], headers: Record<string, string>): Promise<Map<string, CapturedResponse>> {
  const out = new Map<string, CapturedResponse>();
  for (const path of paths) out.set(path, await rawGet(`${base}${path}`, headers));
  return out;
}
