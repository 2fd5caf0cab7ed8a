import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PG_BIN = '/usr/lib/postgresql/15/bin';

/** A TCP port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL cluster of the test's own (initdb + pg_ctl, as the postgres user, on a free port),
 * so a fault test can stop and restart it without touching the machine's shared server on 5432.
 */
export interface ThrowawayPostgres {
  readonly port: number;
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  readonly adminUrl: string;
  /** pg_ctl restart -m fast: every connection is cut, the server is back in a second or two. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes its data folder. */
  remove(): Promise<void>;
}

/** Whether this machine can run a throwaway cluster (root, with PostgreSQL 15's binaries). */
export function canRunThrowawayPostgres(): boolean {
  try {
    readFileSync(`${PG_BIN}/initdb`);
    return process.getuid?.() === 0;
  } catch {
    return false;
  }
}

/** initdb and start a cluster in a new temporary folder. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'folio-fault-pg-'));
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  chownSync(dir, uid, gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const asPostgres = (args: string[]) => run('runuser', ['-u', 'postgres', '--', ...args], { timeout: 60_000 });
  await asPostgres([`${PG_BIN}/initdb`, '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=100 -c shared_buffers=16MB`;
  const pgCtl = (...args: string[]) => asPostgres([`${PG_BIN}/pg_ctl`, '-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '30', ...args]);
  await pgCtl('-o', options, 'start');
  let removed = false;
  return {
    port,
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart() {
      await pgCtl('-m', 'fast', '-o', options, 'restart');
    },
    async stop() {
      await pgCtl('-m', 'fast', 'stop');
    },
    async start() {
      await pgCtl('-o', options, 'start');
    },
    async remove() {
      if (removed) return;
      removed = true;
      await pgCtl('-m', 'immediate', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A redis-server of the test's own on a free port, which a fault test may stop and start. */
export interface ThrowawayRedis {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
}

/** Starts redis-server (daemonised, no persistence) in a new temporary folder. */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'folio-fault-redis-'));
  const port = await freePort();
  const pidFile = join(dir, 'redis.pid');
  const start = async () => {
    await run('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no',
      '--dir', dir, '--pidfile', pidFile, '--logfile', join(dir, 'redis.log')]);
    for (let i = 0; i < 100; i++) {
      if (await run('redis-cli', ['-p', String(port), 'ping']).then((r) => r.stdout.trim() === 'PONG', () => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`redis-server on ${port} did not answer`);
  };
  // Stopped by its own pid (from its pid file), and waited for until the port is closed.
  const stop = async () => {
    let pid: number;
    try {
      pid = Number(readFileSync(pidFile, 'utf8').trim());
    } catch {
      return;
    }
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return;
    }
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    process.kill(pid, 'SIGKILL');
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
