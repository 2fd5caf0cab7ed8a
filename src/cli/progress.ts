import cliProgress from 'cli-progress';

/** A progress reporter for long work: a bar on a terminal, a line every few seconds elsewhere. */
export interface Progress {
  update(done: number, total: number): void;
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
    const line = (done: number, total: number) => {
      const rate = rateOf(done);
      return `${label}: ${done}/${total} (${Math.floor((done / Math.max(1, total)) * 100)}%), ${rate}/s, ETA ${formatEta((total - done) / Math.max(1, rate))}\n`;
    };
    return {
      update(done, total) {
        if (done !== printed && (Date.now() - last >= LOG_EVERY_MS || done >= total)) {
          stream.write(line(done, total));
          last = Date.now();
          printed = done;
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}`,
    stream,
    hideCursor: true,
    etaBuffer: 50,
    fps: 10,
    synchronousUpdate: true,
  }, cliProgress.Presets.shades_classic);
  let begun = false;
  return {
    update(done, total) {
      if (!begun) {
        bar.start(total, done, { rate: rateOf(done) });
        begun = true;
        return;
      }
      bar.setTotal(total);
      bar.update(done, { rate: rateOf(done) });
      bar.render();
    },
    stop() {
      if (begun) bar.stop();
      begun = false;
    },
  };
}
