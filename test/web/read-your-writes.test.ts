import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { openStoreRuntime } from '../../src/runtime.ts';
import { buildApp } from '../../src/web/app.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import { formBody, inputValue } from '../support/form.ts';
import { openTestSite } from '../support/test-runtime.ts';

// What the read replica changes when there is none, or when it never answers. The replica itself
// is tested in test/store/replica.test.ts, on a real streaming replica.
const dir = mkdtempSync(join(tmpdir(), 'folio-ryw-'));
writeFileSync(join(dir, 'folio.json'), JSON.stringify({ editions: { ar: { commentPolicy: 'open' } } }));
const env = { FOLIO_MIN_POST_SECONDS: '0', FOLIO_CONFIG: join(dir, 'folio.json') };

describe('read-your-writes without a replica', () => {
  test('a single database sets no position cookie, and a forged one changes nothing', async () => {
    const site = await openTestSite('sqlite', seedFixture, env);
    try {
      const article = `/ar/${FIXTURE.arabic.path}`;
      const token = inputValue((await site.folio.app.inject({ url: article })).body, 'form_token');
      const posted = await site.folio.app.inject({
        method: 'POST', url: `/ar/comment/reply/${FIXTURE.arabic.nid}`, remoteAddress: '192.0.2.90',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody({ op: 'save', form_token: token, website: '', name: 'Rana', mail: 'rana@example.org', homepage: '', subject: '', comment: 'بلا نسخة متماثلة' }),
      });
      assert.equal(posted.statusCode, 303);
      assert.equal(site.runtime.consistency.replicated, false);
      assert.deepEqual(posted.cookies.filter((c) => c.name === 'folio_read_after'), []);
      const page = await site.folio.app.inject({ url: article, cookies: { folio_read_after: '0/0' } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /بلا نسخة متماثلة/);
    } finally {
      await site.close();
    }
  });
});

describe('a read replica that never answers', { skip: process.env.FOLIO_TEST_PG === '0' ? 'no PostgreSQL' : false }, () => {
  test('the site serves from the primary, stays ready, and /readyz names the replica as down', async () => {
    const db = await createPostgresDatabase();
    // Nothing listens on port 1: every connection to the "replica" is refused.
    const config = loadConfig({ FOLIO_BASE_URL: 'http://folio.test', FOLIO_DATABASE_REPLICA_URL: 'postgres://postgres@127.0.0.1:1/none', ...env }, { databaseUrl: db.url, port: 8080 });
    const runtime = await openStoreRuntime(config, { readReplica: true });
    try {
      await runtime.consistency.onPrimary(() => seedFixture(runtime));
      const folio = await buildApp(runtime);
      assert.equal(runtime.consistency.replicated, true);
      const page = await folio.app.inject({ url: `/ar/${FIXTURE.arabic.path}` });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /مقال عربي للاختبار/);
      const ready = await folio.app.inject({ url: '/readyz' });
      assert.equal(ready.statusCode, 200);
      const replica = (JSON.parse(ready.body) as { checks: { name: string; ok: boolean; optional?: boolean; detail?: string }[] }).checks.find((c) => c.name === 'replica');
      assert.equal(replica?.ok, false);
      assert.equal(replica?.optional, true);
      assert.match(String(replica?.detail), /PostgreSQL replica unreachable \(.*ECONNREFUSED.*\): reads are served by the primary/);
      assert.equal(runtime.health.replicaLagSeconds(), null);
      await folio.app.close();
    } finally {
      await runtime.close();
      await db.drop();
    }
  });
});
