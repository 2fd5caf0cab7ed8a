import cliProgress from 'cli-progress';

/** A progress reporter for long work: a bar on a terminal, a line every few seconds elsewhere. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** Starts a progress bar titled `label` on stderr. */
export function startProgress(label: string): Progress {
  const bar = new cliProgress.SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}`,
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 5000,
    hideCursor: true,
    etaBuffer: 50,
  }, cliProgress.Presets.shades_classic);
  const started = Date.now();
  let begun = false;
  return {
    update(done, total) {
      const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
      if (!begun) {
        bar.start(total, done, { rate });
        begun = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { rate });
      }
    },
    stop() {
      if (begun) bar.stop();
    },
  };
}
