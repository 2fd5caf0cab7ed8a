import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliResult } from '../support/run-cli.ts';

const BIN = fileURLToPath(new URL('../../bin/folio.js', import.meta.url));

/**
 * `runCli` with bytes on stdin (support/run-cli.ts gives the child no stdin). Kept beside the
 * CLI tests rather than in support/ only because that file belongs to another change; fold it
 * into runCli as an `input` option when convenient.
 */
export function runCliWithInput(args: readonly string[], input: string | Uint8Array, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // The command may stop reading early (an error on line 1, a password's first line): that is fine.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}
