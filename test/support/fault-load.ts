import { socketRequest, type SocketResponse } from './socket-client.ts';
import { formBody } from './form.ts';

/** Where a reader may post: the form's action and a form token taken from its page. */
export interface CommentTarget {
  readonly path: string;
  readonly token: string;
}

/** What a mixed load sent and what came back, counted for the fault tests' reports. */
export interface LoadReport {
  readonly readsSent: number;
  readonly readsOk: number;
  /** Reads that got an answer other than 200 (status → count). */
  readonly readsRefused: Readonly<Record<number, number>>;
  /** Reads that got no answer at all (connection refused or cut). */
  readonly readsFailed: number;
  readonly postsSent: number;
  /** Comments acknowledged with 303: each one must be in the database afterwards. */
  readonly acknowledged: readonly string[];
  /** 503 answers that carried Retry-After and every word the reader typed. */
  readonly postsRefusedKeepingText: number;
  /** Other answers to posts (status → count), e.g. 502 for a post in flight on a killed instance. */
  readonly postsOther: Readonly<Record<number, number>>;
  /** Posts with no answer at all. */
  readonly postsFailed: number;
  /** Refusals that broke the promise: a 503 without Retry-After, or without the reader's text. */
  readonly badRefusals: readonly string[];
}

/** Options of a mixed read and comment load against one port (nginx's or an instance's). */
export interface LoadOptions {
  readonly port: number;
  readonly readPaths: readonly string[];
  readonly readers: number;
  readonly targets: readonly CommentTarget[];
  readonly posters: number;
  /** Starts every comment's text, so the test can find them in the database. */
  readonly marker: string;
}

const tally = (counts: Record<number, number>, status: number) => void (counts[status] = (counts[status] ?? 0) + 1);

/**
 * Readers fetching pages and posters posting comments in loops (each request on a fresh
 * connection, each post from its own forwarded address so the flood limit stays out of it),
 * until stop() is called. Nothing here sleeps on a clock: the loops run as fast as answers come.
 */
export class MixedLoad {
  private running = true;
  private readonly loops: Promise<void>[] = [];
  private readsSent = 0;
  private readsOk = 0;
  private readsFailed = 0;
  private readonly readsRefused: Record<number, number> = {};
  private postsSent = 0;
  private readonly acknowledged: string[] = [];
  private postsRefusedKeepingText = 0;
  private readonly postsOther: Record<number, number> = {};
  private postsFailed = 0;
  private readonly badRefusals: string[] = [];
  private serial = 0;

  constructor(private readonly options: LoadOptions) {
    for (let i = 0; i < options.readers; i++) this.loops.push(this.readLoop(i));
    for (let i = 0; i < options.posters; i++) this.loops.push(this.postLoop(i));
  }

  /** Reads answered 200 so far (tests wait on progress rather than on time). */
  get progress(): { readsOk: number; acknowledged: number; readsSent: number; postsSent: number; readsFailed: number; readsRefused: Record<number, number>; postsOther: Record<number, number> } {
    return {
      readsOk: this.readsOk, acknowledged: this.acknowledged.length, readsSent: this.readsSent, postsSent: this.postsSent,
      readsFailed: this.readsFailed, readsRefused: { ...this.readsRefused }, postsOther: { ...this.postsOther },
    };
  }

  /** Resolves once `predicate` holds on the counts, checking after every answer; rejects after `limitMs`. */
  async until(predicate: (p: MixedLoad['progress']) => boolean, limitMs = 60_000, what = 'the load to make progress'): Promise<void> {
    const started = Date.now();
    while (!predicate(this.progress)) {
      if (Date.now() - started > limitMs) throw new Error(`gave up waiting for ${what} after ${limitMs} ms (${JSON.stringify(this.progress)})`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Stops the loops and returns the counts (again on a second call, so a `finally` may call it too). */
  async stop(): Promise<LoadReport> {
    this.running = false;
    await Promise.all(this.loops);
    return {
      readsSent: this.readsSent, readsOk: this.readsOk, readsRefused: { ...this.readsRefused }, readsFailed: this.readsFailed,
      postsSent: this.postsSent, acknowledged: [...this.acknowledged], postsRefusedKeepingText: this.postsRefusedKeepingText,
      postsOther: { ...this.postsOther }, postsFailed: this.postsFailed, badRefusals: [...this.badRefusals],
    };
  }

  private async readLoop(n: number): Promise<void> {
    const paths = this.options.readPaths;
    for (let i = n; this.running; i++) {
      this.readsSent++;
      try {
        const res = await socketRequest(this.options.port, { path: paths[i % paths.length]!, headers: { 'accept-encoding': 'gzip' } });
        if (res.status === 200) this.readsOk++;
        else tally(this.readsRefused, res.status);
      } catch {
        this.readsFailed++;
      }
    }
  }

  private async postLoop(n: number): Promise<void> {
    const targets = this.options.targets;
    for (let i = n; this.running; i++) {
      const target = targets[i % targets.length]!;
      const serial = ++this.serial;
      const text = `${this.options.marker} ${serial}: تعليق رقم ${serial} كتبه قارئ أثناء العطل.`;
      this.postsSent++;
      let res: SocketResponse;
      try {
        res = await socketRequest(this.options.port, {
          method: 'POST', path: target.path,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `10.${(serial >> 16) & 255}.${(serial >> 8) & 255}.${serial & 255}` },
          body: formBody({ op: 'save', form_token: target.token, website: '', name: `قارئ ${serial}`, mail: `reader${serial}@example.net`, homepage: '', subject: '', comment: text }),
        });
      } catch {
        this.postsFailed++;
        continue;
      }
      if (res.status === 303) this.acknowledged.push(text);
      else if (res.status === 503) {
        if (res.headers['retry-after'] && res.body.includes(text)) this.postsRefusedKeepingText++;
        else this.badRefusals.push(`503 ${res.headers['retry-after'] ? '' : 'without Retry-After '}${res.body.includes(text) ? '' : 'without the text'}`);
      } else tally(this.postsOther, res.status);
    }
  }
}

/** One line of counts for the test's output (the issue asks for them to be quoted). */
export function describeLoad(name: string, r: LoadReport, found: number): string {
  const refused = Object.entries(r.readsRefused).map(([s, n]) => `${n}×${s}`).join(', ') || 'none';
  const other = Object.entries(r.postsOther).map(([s, n]) => `${n}×${s}`).join(', ') || 'none';
  return `${name}: reads sent ${r.readsSent}, answered 200 ${r.readsOk}, other answers ${refused}, no answer ${r.readsFailed}; ` +
    `comments sent ${r.postsSent}, acknowledged (303) ${r.acknowledged.length}, refused 503 with text kept ${r.postsRefusedKeepingText}, ` +
    `other answers ${other}, no answer ${r.postsFailed}; acknowledged comments found afterwards ${found}/${r.acknowledged.length}`;
}
