/**
 * Errors that mean "the server is not there right now" (refused, cut, shutting down, starting
 * up, out of connections), not "this query is wrong": node's socket codes, pg's own messages,
 * and SQLSTATE classes 08 (connection exception) and 57P (operator intervention), plus 53300.
 */
export function isConnectionFailure(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  return /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND|08\w{3}|57P0[1-3]|53300)$/.test(code)
    || /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(message);
}
