import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/folio.js', import.meta.url));

/** A running `folio serve` child process. */
export interface ServerProcess {
  readonly base: string;
  readonly child: ChildProcess;
  /** Resident and peak resident memory in MB, from /proc. */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
}

/**
 * A port free right now: benchmarks of several checkouts may run on one machine, and a fixed
 * port taken by another's server would have this run measure that one.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the real server as a user would, and waits until it answers. `bin`: another checkout's bin/folio.js, for A/B runs. */
export async function startFolio(database: string, port: number, env: Record<string, string> = {}, bin = BIN): Promise<ServerProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--no-demo', '--port', String(port), '--host', '127.0.0.1', '--database', database], {
    env: { ...process.env, FOLIO_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`folio serve exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/`);
      if (res.ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    base,
    child,
    memory() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
    },
    stop() {
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
