/**
 * How far behind the primary a replica is, in time. Bytes of WAL say little (a bulk import
 * writes gigabytes in seconds), and pg_last_xact_replay_timestamp() grows on an idle primary
 * that has nothing to send. So the primary's position is sampled along with the replica's: the
 * replica is as far behind as the oldest sample whose position it has not replayed yet.
 */
export class ReplicaLag {
  private samples: { at: number; lsn: bigint }[] = [];

  /** `windowMs`: how much history is kept; a lag beyond it is reported as at least that. */
  constructor(private readonly windowMs: number) {}

  /** The primary was at `lsn` at `at` (epoch milliseconds). */
  notePrimary(at: number, lsn: bigint): void {
    const last = this.samples.at(-1);
    // Only moves matter: an idle primary adds nothing, so the window covers the last changes.
    if (last && last.lsn === lsn) return;
    this.samples.push({ at, lsn });
    // Keep the newest sample older than the window: a replica behind it is reported at least that late.
    while (this.samples.length > 1 && this.samples[1]!.at < at - this.windowMs) this.samples.shift();
    if (this.samples.length > 1000) this.samples.shift();
  }

  /** Seconds the replica, at `replayed`, is behind at `now`: 0 when it has everything sampled. */
  seconds(replayed: bigint, now: number): number {
    const missing = this.samples.find((s) => s.lsn > replayed);
    return missing === undefined ? 0 : Math.max(0, (now - missing.at) / 1000);
  }
}
