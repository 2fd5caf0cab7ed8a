import { Unavailable } from '../domain/errors.ts';

/**
 * A bounded queue of CPU-heavy jobs (image derivatives): at most `concurrency` run at once (sharp
 * works on libuv's threads, so the event loop stays free), at most `maxWaiting` wait, and beyond
 * that a job is refused at once (503) rather than piling memory up behind a burst of uploads.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
    private readonly busy: () => Error = () => new Unavailable(),
  ) {}

  /** Jobs running and waiting now. */
  get depth(): number {
    return this.running + this.waiting.length;
  }

  /** Runs the job when a slot is free; throws `busy()` when the queue is full. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw this.busy();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running += 1;
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next job, so `running` never dips and lets a newcomer jump the queue.
      if (next) next();
      else this.running -= 1;
    }
  }
}
