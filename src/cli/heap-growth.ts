import { setFlagsFromString } from 'node:v8';

/**
 * Caps how far the server's JavaScript heap grows past its live size (FOLIO_HEAP_GROWTH_PERCENT).
 *
 * After each full collection V8 lets the old generation grow to up to four times what it found
 * live before the next one, trading memory for fewer collections. Under a flood of cache misses
 * (issue 14) most of what reaches the old generation is request garbage promoted while requests
 * wait on the read and compression threads: the page server held 130-160 MB of heap for ~40 MB
 * live, and peaked at 350-410 MB against its 300 MB target. Growing by half the live size kept it
 * at 260-285 MB for the same requests per second within the machine's noise (docs/performance.md).
 *
 * V8 reads the flag at every collection, so setting it once the process runs takes effect (the
 * flag applies to the helper threads' heaps too). A flag given on node's command line wins.
 */
export function applyHeapGrowth(percent: number, execArgv: readonly string[] = process.execArgv, setFlags: (flags: string) => void = setFlagsFromString): boolean {
  if (percent === 0 || execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return false;
  setFlags(`--heap-growing-percent=${percent}`);
  return true;
}
