// The comment benchmark's baseline: a bare node:http server that takes the same form posts and
// makes each durable in SQLite (WAL, synchronous=FULL) with group commit, then answers 303. No
// framework, filter, anti-abuse, threads or moderation: what durable posting costs at its barest.
// Run as a child process (so it has a process of its own, as Folio does):
//   node --import tsx bench/comment-baseline-server.ts <database file>
// It prints the port it listens on.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import SqliteDatabase from 'better-sqlite3';

const file = process.argv[2];
if (!file) throw new Error('usage: comment-baseline-server.ts <database file>');
const db = new SqliteDatabase(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('create table if not exists comments (cid integer primary key, nid integer not null, name text, mail text, body text not null, hostname text, created_at integer not null)');
const insert = db.prepare('insert into comments (nid, name, mail, body, hostname, created_at) values (?, ?, ?, ?, ?, ?)');

interface Post { readonly nid: number; readonly form: URLSearchParams; readonly host: string; readonly res: ServerResponse }
let batch: Post[] = [];
// Group commit: the posts read in one turn of the loop are committed (and fsynced) together.
const commitAll = db.transaction((posts: readonly Post[]) => {
  const now = Math.floor(Date.now() / 1000);
  for (const p of posts) insert.run(p.nid, p.form.get('name'), p.form.get('mail'), p.form.get('comment') ?? '', p.host, now);
});
const flush = () => {
  const posts = batch;
  batch = [];
  commitAll(posts);
  for (const p of posts) p.res.writeHead(303, { location: `/node/${p.nid}?comment=queued`, 'cache-control': 'no-store' }).end();
};

const server = createServer((req, res) => {
  const match = /^\/comment\/reply\/(\d+)$/.exec(req.url ?? '');
  if (req.method !== 'POST' || !match) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    if (batch.length === 0) setImmediate(flush);
    batch.push({ nid: Number(match[1]), form, host: String(req.headers['x-forwarded-for'] ?? req.socket.remoteAddress), res });
  });
});
server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port));
process.on('SIGTERM', () => server.close(() => {
  db.close();
  process.exit(0);
}));
