import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** The `folio` command as users run it: the launcher, which sets what some commands need at process start. */
const BIN = fileURLToPath(new URL('../bin/folio', import.meta.url));

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * Runs `folio <args>` in a child process and samples its high-water RSS (VmHWM, the whole process
 * with its worker threads) until it exits; rejects with the end of its stderr on failure.
 * `cpuSeconds` is its user + system time, threads included, as last sampled (up to 0.1 s before
 * it exits): on a shared machine wall-clock time follows the load, CPU time much less.
 * `bin` runs another checkout's folio (an A/B against a copy of the old code): its launcher, or its
 * bin/folio.js under node; `nodeArgs` go to node itself (`--cpu-prof`).
 */
export function folioInChild(args: readonly string[], options: { bin?: string; nodeArgs?: readonly string[] } = {}): Promise<{ seconds: number; cpuSeconds: number; peakRssMb: number; output: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const bin = options.bin ?? BIN;
    const nodeArgs = options.nodeArgs ?? [];
    const child = bin.endsWith('.js')
      ? spawn(process.execPath, [...nodeArgs, bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS ?? '', ...nodeArgs].join(' ').trim() } });
    let output = '';
    let errors = '';
    let peakKb = 0;
    let cpuTicks = 0;
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (errors = `${errors}${d}`.slice(-2000)));
    const sample = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
        // utime and stime are the 14th and 15th fields, counted after the parenthesised name.
        const times = readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
        cpuTicks = Math.max(cpuTicks, Number(times[11]) + Number(times[12]));
      } catch {
        // The child has exited between two samples.
      }
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sample);
      if (code !== 0) reject(new Error(`folio ${args.join(' ')} failed (${code}): ${errors.slice(-500)}`));
      else resolve({ seconds: (performance.now() - start) / 1000, cpuSeconds: cpuTicks / TICKS_PER_SECOND, peakRssMb: peakKb / 1024, output });
    });
  });
}
