import { StorageFull } from '../../domain/errors.ts';

/** Whether SQLite failed because its disk (or the WAL's) has no room left. */
export function isDiskFull(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return e?.code === 'SQLITE_FULL' || e?.code === 'ENOSPC' || (typeof e?.message === 'string' && /database or disk is full/.test(e.message));
}

/**
 * A full disk as the error the web layer and the CLI explain (507, or one line naming the file),
 * instead of a bare SqliteError and a 500. SQLite rolls the statement's transaction back, so
 * nothing half-written is left; any other error passes through unchanged.
 */
export function diskFullAsStorageFull(err: unknown, file: string): unknown {
  if (!isDiskFull(err)) return err;
  return new StorageFull(`the SQLite database ${file}`, { cause: err });
}
