import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What one wrk run measured. */
export interface WrkResult {
  readonly requestsPerSec: number;
  readonly p50ms: number;
  readonly p99ms: number;
  readonly errors: number;
  readonly non2xx: number;
}

/** Options for a wrk run. */
export interface WrkOptions {
  readonly base: string;
  readonly paths: readonly string[];
  readonly connections: number;
  readonly threads: number;
  readonly seconds: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** POST these form bodies (one per path, same order) instead of GETs. */
  readonly bodies?: readonly string[];
  /** Give each request a random X-Forwarded-For address (server must trust the proxy). */
  readonly randomClientIp?: boolean;
}

function toMs(value: string, unit: string): number {
  const n = Number(value);
  return unit === 'us' ? n / 1000 : unit === 's' ? n * 1000 : unit === 'm' ? n * 60000 : n;
}

/** True when wrk is installed (Debian package `wrk`). */
export async function haveWrk(): Promise<boolean> {
  return run('wrk', ['--version']).then(() => true, (err: { stdout?: string }) => /^wrk /.test(err.stdout ?? ''));
}

/** Runs wrk over a list of paths (each request picks one at random), with latency percentiles. */
export async function wrk(options: WrkOptions): Promise<WrkResult> {
  const dir = mkdtempSync(join(tmpdir(), 'folio-wrk-'));
  const script = join(dir, 'paths.lua');
  const headerLines = Object.entries(options.headers ?? {}).map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`).join('\n');
  const bodies = options.bodies ? `local bodies = {${options.bodies.map((b) => JSON.stringify(b)).join(',')}}` : 'local bodies = nil';
  writeFileSync(script, `${headerLines}
local paths = {${options.paths.map((p) => JSON.stringify(p)).join(',')}}
${bodies}
local n = #paths
local randomIp = ${options.randomClientIp ? 'true' : 'false'}
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
request = function()
  local i = math.random(n)
  -- wrk.format replaces wrk.headers when given a table, so start from a copy of them.
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  if randomIp then
    headers["X-Forwarded-For"] = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  end
  if bodies then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", paths[i], headers, bodies[i])
  end
  return wrk.format("GET", paths[i], headers)
end
`);
  const { stdout } = await run('wrk', ['-t', String(options.threads), '-c', String(options.connections), '-d', `${options.seconds}s`, '--latency', '-s', script, options.base], { maxBuffer: 4 * 1024 * 1024 });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? 0);
  const p50 = /\s50%\s+([\d.]+)(us|ms|s|m)/.exec(stdout);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s|m)/.exec(stdout);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
  return {
    requestsPerSec: rps,
    p50ms: p50 ? toMs(p50[1]!, p50[2]!) : NaN,
    p99ms: p99 ? toMs(p99[1]!, p99[2]!) : NaN,
    errors: errors ? errors.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
    non2xx,
  };
}
