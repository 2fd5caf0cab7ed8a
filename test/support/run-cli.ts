import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/folio.js', import.meta.url));

/** What a CLI run printed and how it ended. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `folio <args>` as a user would, with a clean environment plus `env`, and `input` on stdin if given. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string | Uint8Array): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (input !== undefined) {
      // The command may stop reading early (an error on line 1, a password's first line): that is fine.
      child.stdin!.on('error', () => {});
      child.stdin!.end(input);
    }
  });
}

/** `runCli` with bytes on stdin. */
export function runCliWithInput(args: readonly string[], input: string | Uint8Array, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return runCli(args, env, input);
}
