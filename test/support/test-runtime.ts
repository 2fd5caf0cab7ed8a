import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { openStoreRuntime, type StoreRuntime } from '../../src/runtime.ts';
import type { LogLine } from '../../src/services/people-service.ts';
import { buildApp, type FolioApp } from '../../src/web/app.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

/** A runtime on a throwaway database, with the web app built on it. */
export interface TestSite {
  readonly db: TestDatabase;
  readonly runtime: StoreRuntime;
  readonly folio: FolioApp;
  close(): Promise<void>;
}

/** Opens a runtime (and app) on a new database of the dialect; `seed` fills it before the app is built. */
export async function openTestSite(dialect: 'sqlite' | 'postgres', seed?: (runtime: StoreRuntime) => Promise<void>, env: NodeJS.ProcessEnv = {}, logger?: object, log?: LogLine): Promise<TestSite> {
  const db = await createTestDatabase(dialect);
  // Each site keeps its copies of old files in a folder of its own, removed with it.
  const filesDir = env.FOLIO_FILES_DIR === undefined ? mkdtempSync(join(tmpdir(), 'folio-files-')) : null;
  const config = loadConfig({ FOLIO_BASE_URL: 'http://folio.test', ...(filesDir === null ? {} : { FOLIO_FILES_DIR: filesDir }), ...env }, { databaseUrl: db.url, port: 8080 });
  const runtime = await openStoreRuntime(config, log ? { log } : {});
  if (seed) await seed(runtime);
  const folio = await buildApp(logger ? { ...runtime, logger } : runtime);
  runtime.onContentChanged((e) => folio.contentChanged(e));
  return {
    db,
    runtime,
    folio,
    async close() {
      await folio.app.close();
      await runtime.close();
      await db.drop();
      if (filesDir !== null) rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
