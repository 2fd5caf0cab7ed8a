import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/folio.js', import.meta.url));

/**
 * Runs `folio <args>` in a child process and samples its high-water RSS (VmHWM, the whole process
 * with its worker threads) until it exits; rejects with the end of its stderr on failure.
 */
export function folioInChild(args: readonly string[]): Promise<{ seconds: number; peakRssMb: number; output: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let peakKb = 0;
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (errors = `${errors}${d}`.slice(-2000)));
    const sample = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // The child has exited between two samples.
      }
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sample);
      if (code !== 0) reject(new Error(`folio ${args.join(' ')} failed (${code}): ${errors.slice(-500)}`));
      else resolve({ seconds: (performance.now() - start) / 1000, peakRssMb: peakKb / 1024, output });
    });
  });
}
