import cliProgress from 'cli-progress';

/** A progress reporter for long work: a bar on a terminal, a line every few seconds elsewhere. */
export interface Progress {
  /** `total` null when the work's size is unknown (a crawl read as it streams): counts and rate only. */
  update(done: number, total: number | null): void;
  stop(): void;
}

/** Seconds between progress lines when stderr is not a terminal (CI logs, files). */
const LOG_EVERY_MS = 5000;

function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const m = Math.floor(seconds / 60);
  return m > 0 ? `${m}m${String(Math.round(seconds % 60)).padStart(2, '0')}s` : `${Math.round(seconds)}s`;
}

/**
 * Starts a progress bar titled `label` on stderr. Updates come from synchronous database work
 * that rarely yields to timers, so every update redraws directly rather than on a timer.
 */
export function startProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const rateOf = (done: number) => Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
  if (!stream.isTTY) {
    let last = 0;
    let printed = -1;
    const line = (done: number, total: number | null) => {
      const rate = rateOf(done);
      if (total === null) return `${label}: ${done} read, ${rate}/s\n`;
      return `${label}: ${done}/${total} (${Math.floor((done / Math.max(1, total)) * 100)}%), ${rate}/s, ETA ${formatEta((total - done) / Math.max(1, rate))}\n`;
    };
    return {
      update(done, total) {
        if (done !== printed && (Date.now() - last >= LOG_EVERY_MS || (total !== null && done >= total))) {
          stream.write(line(done, total));
          last = Date.now();
          printed = done;
        }
      },
      stop() {},
    };
  }
  const unknownSize = new cliProgress.SingleBar({
    format: `${label} | {value} read | {rate}/s`, stream, hideCursor: true, fps: 10, synchronousUpdate: true,
  });
  const bar = new cliProgress.SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}`,
    stream,
    hideCursor: true,
    etaBuffer: 50,
    fps: 10,
    synchronousUpdate: true,
  }, cliProgress.Presets.shades_classic);
  let begun: cliProgress.SingleBar | null = null;
  return {
    update(done, total) {
      const shown = begun ?? (total === null ? unknownSize : bar);
      if (begun === null) {
        shown.start(total ?? 0, done, { rate: rateOf(done) });
        begun = shown;
        return;
      }
      if (total !== null && shown === bar) bar.setTotal(total);
      shown.update(done, { rate: rateOf(done) });
      shown.render();
    },
    stop() {
      begun?.stop();
      begun = null;
    },
  };
}
