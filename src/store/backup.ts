import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';
import SqliteDatabase from 'better-sqlite3';
import { Invalid } from '../domain/errors.ts';

/** Where a database lives, as config describes it. */
export type BackupTarget = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };

/** What a backup or restore did, for the command's closing line. */
export interface BackupReport {
  readonly file: string;
  readonly bytes: number;
  readonly seconds: number;
}

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err) => reject(new Invalid(`${command} could not be started (${err.message}): install the PostgreSQL client tools`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Invalid(`${command} failed: ${stderr.trim().split('\n').pop() ?? `exit ${code}`}`))));
  });
}

/**
 * A consistent copy of a live database, taken while it serves. SQLite: the online backup API,
 * which copies pages while writers go on and restarts when one changes a copied page, so the copy
 * holds every transaction committed before it finished. PostgreSQL: pg_dump's custom format,
 * one snapshot (a repeatable-read transaction), restorable with pg_restore.
 */
export async function backupDatabase(source: BackupTarget, file: string): Promise<BackupReport> {
  const started = Date.now();
  if (existsSync(file)) throw new Invalid(`${file} already exists: choose a new file name, so no backup is overwritten`);
  const partial = `${file}.partial`;
  try {
    if (source.kind === 'sqlite') {
      if (!existsSync(source.file)) throw new Invalid(`there is no SQLite database at ${source.file}`);
      const db = new SqliteDatabase(source.file, { readonly: true, fileMustExist: true });
      try {
        await db.backup(partial);
      } finally {
        db.close();
      }
    } else {
      await run('pg_dump', ['--format=custom', '--no-owner', '--file', partial, source.url]);
    }
    // Only a finished backup gets its name: a crash leaves a .partial file, never a truncated backup.
    await rename(partial, file);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  return { file, bytes: statSync(file).size, seconds: (Date.now() - started) / 1000 };
}

/**
 * Puts a backup in place of a database. Refuses a target that already holds data unless `force`,
 * since a restore replaces everything. SQLite: the file is copied beside the target and renamed
 * over it (its WAL and shared-memory files removed first); PostgreSQL: pg_restore into the
 * target database, dropping what it replaces.
 */
export async function restoreDatabase(target: BackupTarget, file: string, options: { force: boolean; targetHasData: boolean }): Promise<BackupReport> {
  const started = Date.now();
  if (!existsSync(file)) throw new Invalid(`there is no backup at ${file}`);
  if (options.targetHasData && !options.force) throw new Invalid('the target database already holds content: restore into an empty one, or pass --force to replace it');
  if (target.kind === 'sqlite') {
    const check = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    try {
      const result = check.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new Invalid(`${file} is not an intact SQLite database (quick_check: ${String(result)})`);
    } catch (err) {
      throw err instanceof Invalid ? err : new Invalid(`${file} is not a SQLite backup: ${(err as Error).message}`);
    } finally {
      check.close();
    }
    const staged = `${target.file}.restoring`;
    await copyFile(file, staged);
    await rm(`${target.file}-wal`, { force: true });
    await rm(`${target.file}-shm`, { force: true });
    await rename(staged, target.file);
  } else {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--exit-on-error', '--single-transaction', '--dbname', target.url, file]);
  }
  return { file, bytes: statSync(file).size, seconds: (Date.now() - started) / 1000 };
}
