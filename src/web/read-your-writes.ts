import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ReadConsistency } from '../domain/read-consistency.ts';

/** The cookie that carries a writer's position (the primary's WAL location after its write). */
export const READ_AFTER_COOKIE = 'folio_read_after';

/**
 * How long a writer carries its position. The position, not this window, decides where its
 * reads go (see store/postgres/replica-router.ts): reads go to the primary only until the replica
 * has replayed the write, usually milliseconds. The window only bounds how long the cookie is
 * sent; a replica more than a minute behind is an outage that /readyz and the logs report.
 */
const WINDOW_SECONDS = 60;

/** Whether a request carries a writer's position: such requests skip the page cache. */
export function carriesWritePosition(req: IncomingMessage): boolean {
  const cookie = req.headers.cookie;
  return cookie !== undefined && cookie.includes(`${READ_AFTER_COOKIE}=`);
}

function isRead(request: FastifyRequest): boolean {
  return request.method === 'GET' || request.method === 'HEAD';
}

/**
 * Read-your-writes with a read replica. A write request runs all its reads on the primary (they
 * decide what it writes) and answers with the primary's position in a cookie; the writer's next
 * requests read at least that fresh. Installed only when reads may go to a replica.
 */
export function installReadYourWrites(app: FastifyInstance, consistency: ReadConsistency, secureCookies: 'auto' | 'always'): void {
  if (!consistency.replicated) return;
  const position = (request: FastifyRequest): string | null => {
    const value = (request.cookies as Record<string, string | undefined> | undefined)?.[READ_AFTER_COOKIE];
    return value !== undefined && consistency.isPosition(value) ? value : null;
  };
  // Everything after done() (hooks, the handler and what they await) runs in the scope. The body
  // is read between onRequest and preHandler, in the socket's own async context, so the scope is
  // entered again in preHandler.
  const enter = (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    if (isRead(request)) consistency.readAfter(position(request), done);
    else consistency.onPrimary(done);
  };
  app.addHook('onRequest', enter);
  app.addHook('preHandler', enter);
  app.addHook('onSend', async (request, reply, payload) => {
    if (isRead(request) || reply.statusCode >= 400) return payload;
    // The write is committed (acknowledged only after its commit), so this is at or past it.
    const at = await consistency.writePosition().catch(() => null);
    const secure = secureCookies === 'always' || request.protocol === 'https' ? '; Secure' : '';
    if (at !== null) reply.header('set-cookie', `${READ_AFTER_COOKIE}=${at}; Max-Age=${WINDOW_SECONDS}; Path=/; HttpOnly; SameSite=Lax${secure}`);
    return payload;
  });
}
