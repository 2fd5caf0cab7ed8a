import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnection } from 'mysql2/promise';
import type { ImportRecord } from '../../../src/domain/import-record.ts';
import { countDrupalItems, drupalSource } from '../../../src/import/sources/drupal/drupal-source.ts';
import { createDrupalTestDatabase, mysqlSkip, type DrupalTestDatabase } from '../../fixtures/drupal/drupal-test-database.ts';
import { planComments, type PlannedComment } from '../../fixtures/drupal/fixture-comments.ts';
import { expectedBlogs, expectedComment, expectedNode, expectedTerms, withoutReason } from '../../fixtures/drupal/fixture-expected.ts';
import { planNode } from '../../fixtures/drupal/fixture-nodes.ts';
import { DELETED_NODE_ALIAS } from '../../fixtures/drupal/fixture-taxonomy.ts';

// One suite, run against a generated Drupal 6 and a generated Drupal 7 database. Pages of 64 rows
// make the keyset pagination cross several pages of nodes and comments.
const NODES = 300;
const COMMENTS = 700;
const PAGE_SIZE = 64;

for (const version of [6, 7] as const) {
  describe(`drupal source on Drupal ${version}`, { skip: mysqlSkip }, () => {
    let db: DrupalTestDatabase;
    let records: ImportRecord[];
    const progress: [number, number][] = [];
    const comments = [...planComments(COMMENTS, NODES)];

    before(async () => {
      db = await createDrupalTestDatabase({ version, nodes: NODES, comments: COMMENTS });
      records = [];
      for await (const record of drupalSource({ url: db.url, pageSize: PAGE_SIZE, onProgress: (done, total) => progress.push([done, total]) })) records.push(record);
    });
    after(async () => db?.drop());

    const ofType = <T extends ImportRecord['type']>(type: T) => records.filter((r): r is Extract<ImportRecord, { type: T }> => r.type === type);
    const nodeOrSkip = (nid: number) => records.find((r) => (r.type === 'node' && r.nid === nid) || (r.type === 'skip' && r.ref === `node/${nid}`));
    const node = (nid: number) => {
      const found = nodeOrSkip(nid);
      assert.ok(found?.type === 'node', `node ${nid} was yielded`);
      return found;
    };

    test('yields terms and authors, then blogs, nodes by nid, gone paths, then comments by cid', () => {
      const rank = (r: ImportRecord): number => ({ term: 0, author: 0, blog: 1, node: 2, gone: 3, redirect: 3, user: 0, correction: 3, 'source-url': 3, comment: 4, skip: r.type === 'skip' && r.ref.startsWith('comment/') ? 4 : 2 })[r.type];
      const ranks = records.map(rank);
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
      const nids = records.flatMap((r) => (r.type === 'node' ? [r.nid!] : r.type === 'skip' && r.ref.startsWith('node/') ? [Number(r.ref.slice(5))] : []));
      assert.deepEqual(nids, Array.from({ length: NODES + 2 }, (_, i) => i + 1));
      const cids = records.flatMap((r) => (r.type === 'comment' ? [r.cid!] : r.type === 'skip' && r.ref.startsWith('comment/') ? [Number(r.ref.slice(8))] : []));
      assert.deepEqual(cids, comments.map((c) => c.cid));
    });

    test('terms: section tree, alias history, unaliased tag, orphaned parent; authors from the Authors vocabulary', () => {
      const expected = expectedTerms(version);
      const got = [...ofType('term'), ...ofType('author')];
      assert.deepEqual(new Map(got.map((t) => [t.key, t])), expected);
      const keys = got.map((t) => t.key);
      for (const term of ofType('term')) if (term.parentKey) assert.ok(keys.indexOf(term.parentKey) < keys.indexOf(term.key), `${term.parentKey} before ${term.key}`);
      const syria = expected.get('term/4');
      assert.ok(syria?.type === 'term');
      assert.equal(syria.path, 'section/politics/syria');
      assert.deepEqual(syria.legacyPaths, ['section/syria']);
      assert.equal(syria.parentKey, 'term/1');
      const oil = ofType('term').find((t) => t.tid === 13);
      assert.equal(oil?.path, null);
      assert.equal(ofType('term').find((t) => t.tid === 7)?.parentKey, null, 'a missing parent makes the section a root');
    });

    test('blogs: one per blogger, slug from the blogs/<slug> alias or the name', () => {
      assert.deepEqual(ofType('blog'), expectedBlogs(version));
    });

    test('every node matches the seeded data field by field', () => {
      for (let nid = 1; nid <= NODES + 2; nid++) {
        const found = nodeOrSkip(nid);
        assert.ok(found, `node ${nid} yielded`);
        assert.deepEqual(withoutReason(found), expectedNode(planNode(nid, NODES), version), `node ${nid}`);
      }
    });

    test('revisions run oldest first and the current one is last, even after a revert', () => {
      const reverted = planNode(49, NODES);
      assert.equal(reverted.vid, reverted.revisions[0]!.vid, 'node 49 was reverted to its first revision');
      const got = node(49);
      assert.deepEqual(got.revisions.map((r) => r.vid), [reverted.revisions[1]!.vid, reverted.revisions[2]!.vid, reverted.vid]);
      assert.deepEqual(node(14).revisions.map((r) => r.vid), [56, 57, 58]);
      assert.deepEqual(node(14).revisions.map((r) => r.log), [null, 'Update 1: corrected a name', 'Update 2: corrected a name']);
      assert.deepEqual(node(14).tagKeys, ['term/10'], 'a tag only older revisions had is not listed');
    });

    test('aliases: the newest is canonical, older ones redirect, unaliased nodes have none', () => {
      assert.equal(node(4).path, 'content/item-4');
      assert.deepEqual(node(4).legacyPaths, ['content/old-item-4']);
      assert.equal(node(7).path, null);
      assert.equal(node(8).path, 'blogs/rami/post-8');
    });

    test('an alias left behind by a deleted node is a gone path', () => {
      assert.deepEqual(ofType('gone').filter((g) => !/^(user|blog)\/\d+$/.test(g.path)), [{
        type: 'gone', path: DELETED_NODE_ALIAS.alias, reason: `${DELETED_NODE_ALIAS.source} was deleted`,
        provenance: { source: 'drupal', originalUrl: `drupal${version}:${DELETED_NODE_ALIAS.source}`, capturedAt: null },
      }]);
    });

    test('every account keeps /user/<uid> and /blog/<uid>: a blogger\'s profile leads to the blog, the others are gone with a reason', () => {
      const fates = records.flatMap((r) => (r.type === 'gone' ? [`410 ${r.path}`] : r.type === 'redirect' ? [`301 ${r.from} -> ${r.to}`] : []));
      assert.deepEqual(fates.filter((f) => /^\d+ (user|blog)\/\d+/.test(f)), [
        '410 user/1', '410 blog/1', '301 user/2 -> blogs/rami', '301 user/3 -> blogs/nadia-saleh',
      ]);
    });

    test('pages hide their date line as the site configured it; other types show it', () => {
      assert.equal(node(9).kind, 'page');
      assert.equal(node(9).showDate, false);
      assert.equal(node(8).showDate, true);
    });

    test('unpublished nodes, promotion, comment settings', () => {
      assert.equal(node(5).published, false);
      assert.equal(node(6).published, true);
      assert.equal(node(4).promoted, true);
      assert.equal(node(3).commentPolicy, 'hidden', 'comment setting 0 (hidden)');
      assert.equal(node(10).commentPolicy, 'closed', 'comment setting 1 (read only)');
      assert.equal(node(11).commentPolicy, 'open');
    });

    test('formats: names and machine names, Drupal 6 default format, unknown format falls back to filtered_html', () => {
      assert.equal(node(1).revisions[0]!.bodyFormat, 'full_html');
      assert.equal(node(2).revisions[0]!.bodyFormat, 'plain_text');
      assert.equal(node(8).revisions[0]!.bodyFormat, 'filtered_html', 'D6 format 0');
      assert.equal(planNode(50, NODES).revisions[0]!.format, 'unknown');
      assert.equal(node(50).revisions[0]!.bodyFormat, 'filtered_html');
    });

    test('credits: a trailing bracketed paragraph or line is split off; a bracket inside a sentence is not', () => {
      assert.equal(node(6).revisions[0]!.credit, '(Reuters, Al-Akhbar)');
      assert.ok(!node(6).revisions[0]!.body.includes('Reuters'));
      assert.equal(node(1).revisions[0]!.credit, '(AFP, Al-Akhbar)');
      assert.equal(node(2).revisions[0]!.credit, null);
      assert.match(node(2).revisions[0]!.body, /\(for the third time\)<\/p>$/);
    });

    test('photos, captions with their credit, and attachments', () => {
      assert.deepEqual(node(3).revisions[0]!.photo, { src: '/sites/default/files/photos/photo-3.jpg', caption: 'Protesters in Beirut.', credit: '(Photo: AFP - Hassan Ammar)' });
      assert.equal(node(13).revisions[0]!.photo?.caption, null, 'a description that is only the file name is no caption');
      assert.deepEqual(node(150).files, ['/sites/default/files/photos/photo-150.jpg', '/sites/default/files/report-150.pdf']);
    });

    test('bylines keep their order; unsigned articles have none', () => {
      assert.deepEqual(node(21).authors, ['Rania Khoury', 'Lea al-Qazzi']);
      assert.deepEqual(node(6).authors, []);
      assert.equal(node(2).sectionKey, 'term/4', 'the subsection (Syria), not its parent');
    });

    test('a broken node becomes a skip with a reason; a type Folio has no kind for is kept as a generic item', () => {
      const skips = ofType('skip').filter((s) => s.ref.startsWith('node/'));
      assert.deepEqual(skips.map((s) => s.ref), [`node/${NODES + 1}`]);
      assert.match(skips[0]!.reason, /current revision \d+ is missing/);
      assert.equal(node(NODES + 2).kind, 'generic');
      assert.equal(node(NODES + 2).sourceType, 'poll');
    });

    test('every comment matches the seeded data field by field', () => {
      for (const planned of comments) {
        const found = records.find((r) => (r.type === 'comment' && r.cid === planned.cid) || (r.type === 'skip' && r.ref === `comment/${planned.cid}`));
        assert.ok(found, `comment ${planned.cid} yielded`);
        assert.deepEqual(withoutReason(found), expectedComment(planned, version), `comment ${planned.cid}`);
      }
    });

    test(`comment status: Drupal ${version} stores ${version === 6 ? '0' : '1'} for published`, async () => {
      const unpublished = comments.find((c) => !c.published && c.expect === 'keep')!;
      const published = comments.find((c) => c.published && c.expect === 'keep')!;
      const conn = await createConnection({ uri: db.url });
      try {
        const table = version === 6 ? 'comments' : 'comment';
        const [rows] = await conn.query(`SELECT cid, status FROM ${table} WHERE cid IN (?) ORDER BY cid`, [[published.cid, unpublished.cid].sort((a, b) => a - b)]);
        const stored = new Map((rows as { cid: number; status: number }[]).map((r) => [r.cid, r.status]));
        assert.equal(stored.get(published.cid), version === 6 ? 0 : 1);
        assert.equal(stored.get(unpublished.cid), version === 6 ? 1 : 0);
      } finally {
        await conn.end();
      }
      const byCid = (c: PlannedComment) => ofType('comment').find((r) => r.cid === c.cid)!;
      assert.equal(byCid(published).published, true);
      assert.equal(byCid(unpublished).published, false);
    });

    test('threads: replies point at their parent; a reply to a deleted comment becomes top-level', () => {
      const reply = ofType('comment').find((c) => c.thread === '02.00.00/')!;
      const parent = ofType('comment').find((c) => c.key === reply.parentKey)!;
      assert.equal(parent.thread, '02.00/');
      assert.equal(parent.nodeKey, reply.nodeKey);
      const orphan = ofType('comment').at(-1)!;
      assert.equal(orphan.cid, comments.at(-1)!.cid);
      assert.equal(orphan.parentKey, null);
      assert.equal(orphan.thread, null);
    });

    test('comments on a missing or skipped node become skips with a reason', () => {
      const skips = ofType('skip').filter((s) => s.ref.startsWith('comment/'));
      assert.equal(skips.length, 2);
      assert.match(skips[0]!.reason, /node 888888 does not exist/);
      assert.match(skips[1]!.reason, new RegExp(`node/${NODES + 1} was skipped`));
    });

    test('progress counts every record up to the total countDrupalItems gives', async () => {
      const counts = await countDrupalItems(db.url);
      assert.deepEqual(counts, { terms: 15, blogs: 2, nodes: NODES + 2, gone: 1, systemAliases: 1, users: 4, comments: comments.length, total: records.length });
      assert.deepEqual(progress.map(([done]) => done), records.map((_, i) => i + 1));
      assert.ok(progress.every(([, total]) => total === counts.total));
    });
  });
}

describe('drupal source errors', { skip: mysqlSkip }, () => {
  test('a server that does not answer gives one readable error naming --db, without the password', async () => {
    const iterate = async () => {
      for await (const _ of drupalSource({ url: 'mysql://root:secret@127.0.0.1:1/drupal' })) break;
    };
    await assert.rejects(iterate, (error: Error) => {
      assert.match(error.message, /^cannot connect to mysql:\/\/root:\*\*\*@127\.0\.0\.1:1\/drupal : .+; check --db$/);
      return true;
    });
  });

  test('a database without Drupal tables is refused', async () => {
    const db = await createDrupalTestDatabase({ version: 7, nodes: 0, comments: 0 });
    const conn = await createConnection({ uri: db.url });
    try {
      await conn.query('DROP TABLE node_revision');
    } finally {
      await conn.end();
    }
    try {
      await assert.rejects(countDrupalItems(db.url), /is not a Drupal 6 or 7 database/);
    } finally {
      await db.drop();
    }
  });
});
