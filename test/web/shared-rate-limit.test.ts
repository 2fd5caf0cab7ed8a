import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/web/app.ts';
import { seedFixture } from '../support/fixture-site.ts';
import { StaffAgent } from '../support/staff-agent.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const skip = process.env.FOLIO_TEST_REDIS === '0' ? 'no Redis at 127.0.0.1:6379 (scripts/test.sh reports it)' : false;

// Two app instances over one database and one Redis: what one instance counts, the other sees.
describe('sign-in rate limit shared between instances through Redis', { skip }, () => {
  let site: TestSite;
  let second: FastifyInstance;

  before(async () => {
    site = await openTestSite('sqlite', seedFixture, { FOLIO_REDIS_URL: process.env.FOLIO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' });
    second = (await buildApp(site.runtime)).app;
  });
  after(async () => {
    await second?.close();
    await site?.close();
  });

  test('ten failed sign-ins spread over two instances and both editions exhaust one shared allowance', async () => {
    // A fresh address per run, so runs (and their counters in Redis) never meet.
    const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
    const agents = [new StaffAgent(site.folio.app, ip), new StaffAgent(second, ip)];
    for (let i = 0; i < 10; i++) {
      // Instance A, B, A, B… and English, English, Arabic, Arabic…: every pairing is counted once.
      const res = await agents[i % 2]!.signIn('nobody', 'wrong password', Math.floor(i / 2) % 2 === 0 ? '' : '/ar');
      assert.equal(res.status, 401, `attempt ${i + 1}`);
    }
    for (const [agent, prefix] of [[agents[0]!, '/ar'], [agents[1]!, '']] as const) {
      const res = await agent.signIn('nobody', 'wrong password', prefix);
      assert.equal(res.status, 429);
      assert.ok(res.headers['retry-after'] !== undefined);
    }
  });
});
