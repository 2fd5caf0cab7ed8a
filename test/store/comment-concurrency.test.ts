import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMENT_STATUS } from '../../src/domain/comment.ts';
import { openStoreRuntime, type StoreRuntime } from '../../src/runtime.ts';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { createTestDatabase, testDialects } from '../support/databases.ts';
import type { Dialect } from '../../src/store/connection.ts';
import { buildComment } from '../support/factories.ts';
import { FIXTURE, seedFixture } from '../support/fixture-site.ts';
import type { AddedComment } from '../../src/store/types.ts';

/** Comments posted at once: several group commits' worth, and several messages to the writer thread. */
const POSTS = 150;
const NODES = [FIXTURE.article.nid, FIXTURE.coAuthored.nid, FIXTURE.unsigned.nid];

function newComment(i: number) {
  const { thread: _thread, cid: _cid, ...comment } = buildComment({ cid: 1, nid: NODES[i % NODES.length]!, body: `concurrent comment ${i}`, status: COMMENT_STATUS.published });
  return { ...comment, uid: null, name: `Reader ${i}` };
}

/** The comment a write saved; fails the test when the write was refused. */
function savedOf(added: AddedComment): { cid: number; thread: string; position: number | null } {
  assert.equal(added.kind, 'saved');
  return added as Extract<AddedComment, { kind: 'saved' }>;
}

/** A reader's comment from `host`, made now (the flood window counts back from now). */
function fromHost(host: string, body: string, status: number = COMMENT_STATUS.published) {
  const { thread: _thread, cid: _cid, ...comment } = buildComment({ cid: 1, nid: FIXTURE.article.nid, body, status, hostname: host, createdAt: Math.floor(Date.now() / 1000) });
  return { ...comment, uid: null };
}

/** A fresh database of `dialect` with the fixture site, open as one store runtime for `use`; dropped afterwards. */
async function withSeededStore(dialect: Dialect, use: (runtime: StoreRuntime, config: Config) => Promise<void>): Promise<void> {
  const db = await createTestDatabase(dialect);
  const config = loadConfig({ FOLIO_BASE_URL: 'http://folio.test' }, { databaseUrl: db.url, port: 8080 });
  try {
    const runtime = await openStoreRuntime(config);
    try {
      await seedFixture(runtime);
      await use(runtime, config);
    } finally {
      await runtime.close();
    }
  } finally {
    await db.drop();
  }
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
        const saved = await Promise.all(Array.from({ length: POSTS }, (_, i) => comments.addComment(newComment(i), { uid: null, name: `anonymous:${i}` }, null)));
        // A second wave while the first commits are settling, posted one by one across turns.
        const late: Promise<AddedComment>[] = [];
        for (let i = 0; i < 20; i++) {
          late.push(comments.addComment(newComment(POSTS + i), { uid: null, name: 'late' }, null));
          await new Promise((resolve) => setImmediate(resolve));
        }
        const all = [...saved, ...(await Promise.all(late))].map(savedOf);
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

    test('the flood limit is exact: of ten comments from one address at once, three are stored and seven refused; other addresses and unlimited writes go on', async () => {
      await withSeededStore(dialect, async (runtime) => {
        const { comments } = runtime.store;
        const flood = { since: Math.floor(Date.now() / 1000) - 600, limit: 3 };
        const actor = { uid: null, name: 'anonymous:203.0.113.7' };
        const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => comments.addComment(fromHost('203.0.113.7', `burst ${i}`), actor, flood)));
        assert.equal(burst.filter((a) => a.kind === 'saved').length, 3);
        assert.equal(burst.filter((a) => a.kind === 'flooded').length, 7);
        // Across group commits too: the next one from that address is refused, another address is not.
        assert.equal((await comments.addComment(fromHost('203.0.113.7', 'one more'), actor, flood)).kind, 'flooded');
        savedOf(await comments.addComment(fromHost('203.0.113.8', 'a neighbour'), actor, flood));
        // Comments older than the window do not count; a write with no limit (staff) is never refused.
        savedOf(await comments.addComment(fromHost('203.0.113.7', 'unlimited'), actor, null));
        savedOf(await comments.addComment(fromHost('203.0.113.7', 'later'), actor, { since: Math.floor(Date.now() / 1000) + 1, limit: 3 }));
        const stored = (await comments.listForModeration({ limit: 100, offset: 0 })).items.filter((c) => c.hostname === '203.0.113.7');
        assert.deepEqual(stored.map((c) => c.body).filter((b) => b.startsWith('burst ')).length, 3, 'only the three acknowledged are stored');
        assert.equal(stored.length, 5);
      });
    });

    test('two instances on one database posting from one address at once store no more than the limit', async () => {
      await withSeededStore(dialect, async (first, config) => {
        const second = await openStoreRuntime(config);
        try {
          const flood = { since: Math.floor(Date.now() / 1000) - 600, limit: 4 };
          const actor = { uid: null, name: 'anonymous:203.0.113.9' };
          const added = await Promise.all(Array.from({ length: 24 }, (_, i) =>
            (i % 2 === 0 ? first : second).store.comments.addComment(fromHost('203.0.113.9', `two instances ${i}`), actor, flood)));
          assert.equal(added.filter((a) => a.kind === 'saved').length, 4);
          const stored = (await first.store.comments.listForModeration({ limit: 100, offset: 0 })).items.filter((c) => c.hostname === '203.0.113.9');
          assert.equal(stored.length, 4);
        } finally {
          await second.close();
        }
      });
    });

    test('a published comment\'s write returns its place in thread order, the one the comment pages count; a queued one has none', async () => {
      await withSeededStore(dialect, async (runtime) => {
        const { comments, content } = runtime.store;
        const actor = { uid: null, name: 'test' };
        const top = savedOf(await comments.addComment(fromHost('192.0.2.50', 'at the end'), actor, null));
        assert.equal(top.position, (await content.commentPosition(top.cid))?.index);
        // A reply to the first comment lands before the one just added, and that one moves down.
        const first = (await content.listPublishedComments(FIXTURE.article.nid, 0, 50)).items[0]!;
        const reply = savedOf(await comments.addComment({ ...fromHost('192.0.2.51', 'a reply'), pid: first.cid }, actor, null));
        assert.ok(reply.position! < top.position!, 'the reply sits above the newer top-level comment');
        assert.equal(reply.position, (await content.commentPosition(reply.cid))?.index);
        assert.equal((await content.commentPosition(top.cid))?.index, top.position! + 1);
        assert.equal(savedOf(await comments.addComment(fromHost('192.0.2.52', 'queued', COMMENT_STATUS.pending), actor, null)).position, null);
      });
    });
  });
}
