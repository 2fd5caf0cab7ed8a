import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMENT_STATUS } from '../../src/domain/comment.ts';
import { openStoreRuntime } from '../../src/runtime.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createTestDatabase, testDialects } from '../support/databases.ts';
import { buildComment } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';

/** Comments posted at once: several group commits' worth, and several messages to the writer thread. */
const POSTS = 150;
const NODES = [FIXTURE.article.nid, FIXTURE.coAuthored.nid, FIXTURE.unsigned.nid];

function newComment(i: number) {
  const { thread: _thread, cid: _cid, ...comment } = buildComment({ cid: 1, nid: NODES[i % NODES.length]!, body: `concurrent comment ${i}`, status: COMMENT_STATUS.published });
  return { ...comment, uid: null, name: `Reader ${i}` };
}

for (const dialect of testDialects()) {
  describe(`comments posted concurrently (${dialect})`, () => {
    test('every acknowledged comment is stored exactly once, with its own id and thread, and on disk after the store is reopened', async () => {
      const db = await createTestDatabase(dialect);
      const config = loadConfig({ FOLIO_BASE_URL: 'http://folio.test' }, { databaseUrl: db.url, port: 8080 });
      try {
        let runtime = await openStoreRuntime(config);
        await seedFixture(runtime);
        const { comments } = runtime.store;
        const saved = await Promise.all(Array.from({ length: POSTS }, (_, i) => comments.addComment(newComment(i), { uid: null, name: `anonymous:${i}` })));
        // A second wave while the first commits are settling, posted one by one across turns.
        const late: Promise<{ cid: number; thread: string }>[] = [];
        for (let i = 0; i < 20; i++) {
          late.push(comments.addComment(newComment(POSTS + i), { uid: null, name: 'late' }));
          await new Promise((resolve) => setImmediate(resolve));
        }
        const all = [...saved, ...(await Promise.all(late))];
        await runtime.close();
        assert.equal(new Set(all.map((s) => s.cid)).size, all.length, 'each comment has its own id');
        runtime = await openStoreRuntime(config);
        try {
          const stored = (await runtime.store.exports.comments('en', 0, 10_000)).map((c) => ({ cid: c.cid!, nid: Number(c.nodeKey.split('/')[1]), thread: c.thread, body: c.body }));
          const ours = stored.filter((c) => c.body.startsWith('concurrent comment '));
          assert.equal(ours.length, POSTS + 20, 'every acknowledged comment is on disk');
          assert.equal(new Set(ours.map((c) => c.body)).size, POSTS + 20, 'none twice');
          assert.deepEqual(new Set(ours.map((c) => c.cid)), new Set(all.map((s) => s.cid)));
          for (const nid of NODES) {
            const threads = stored.filter((c) => c.nid === nid).map((c) => c.thread);
            assert.equal(new Set(threads).size, threads.length, `threads on node ${nid} are distinct`);
          }
        } finally {
          await runtime.close();
        }
      } finally {
        await db.drop();
      }
    });
  });
}
