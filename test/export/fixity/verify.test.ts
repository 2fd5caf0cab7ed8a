import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { connect } from '../../../src/runtime.ts';
import * as fixityMigration from '../../../src/store/migrations/006-fixity.ts';
import { canonicalRevision, revisionFixity, type RevisionContent } from '../../../src/domain/revision-fixity.ts';
import { FIXTURE, seedFixture } from '../../support/fixture-site.ts';
import { testDialects } from '../../support/databases.ts';
import { runCli } from '../../support/run-cli.ts';
import { openTestSite, type TestSite } from '../../support/test-runtime.ts';
import { damage, flipOneCharacter } from './damage.ts';

const base: RevisionContent = {
  title: 'A title', bodyHtml: '<p>Body</p>', summary: null, credit: 'Reuters', photo: { src: '/p.jpg', caption: 'c', credit: null }, revisedAt: 1_300_000_000,
};

describe('revision fixity (canonical content)', () => {
  test('the same content always hashes alike, and the canonical form is versioned JSON', () => {
    assert.equal(revisionFixity({ ...base }), revisionFixity(base));
    assert.match(revisionFixity(base), /^[0-9a-f]{64}$/);
    assert.equal(JSON.parse(canonicalRevision(base))[0], 'folio-revision/1');
  });

  const changes: [string, Partial<RevisionContent>][] = [
    ['title', { title: 'A titlE' }], ['body', { bodyHtml: '<p>body</p>' }], ['summary', { summary: '' }], ['credit', { credit: null }],
    ['photo src', { photo: { src: '/q.jpg', caption: 'c', credit: null } }], ['photo caption', { photo: { src: '/p.jpg', caption: null, credit: null } }],
    ['photo removed', { photo: null }], ['time', { revisedAt: 1_300_000_001 }],
    // Field boundaries cannot be shifted: moving text from one field to the next changes the hash.
    ['text moved between fields', { title: 'A title<p>Body', bodyHtml: '</p>' }],
  ];
  for (const [what, change] of changes) {
    test(`a change of ${what} changes the hash`, () => assert.notEqual(revisionFixity({ ...base, ...change }), revisionFixity(base)));
  }
});

for (const dialect of testDialects()) {
  describe(`folio verify (${dialect})`, () => {
    let site: TestSite;
    const verify = () => runCli(['verify', '--database', site.db.url]);

    before(async () => {
      site = await openTestSite(dialect, seedFixture);
    });
    after(() => site.close());

    test('an intact store verifies, every node having a sealed revision', async () => {
      const res = await verify();
      assert.equal(res.code, 0, res.stdout + res.stderr);
      const nodes = await site.runtime.store.content.countNodes();
      assert.match(res.stdout, new RegExp(`checked ${nodes} revisions and ${nodes} nodes: all intact`));
      assert.match(res.stdout, /verified in/);
    });

    test('the fixity migration seals stored revisions and gives nodes without one their first', async () => {
      await damage(site, sql`alter table node_revisions drop column fixity_sha256`);
      await damage(site, sql`delete from node_revisions where nid = ${FIXTURE.closed.nid}`);
      const connection = connect(site.runtime.config);
      try {
        // Migrations take an untyped Kysely, as the Migrator hands them one.
        await fixityMigration.up(connection.db as never);
      } finally {
        await connection.close();
      }
      const res = await verify();
      assert.equal(res.code, 0, res.stdout + res.stderr);
      const nodes = await site.runtime.store.content.countNodes();
      assert.match(res.stdout, new RegExp(`checked ${nodes} revisions and ${nodes} nodes: all intact`));
    });

    test('publishing writes a revision that verifies', async () => {
      const published = await site.runtime.publishing.addArticle(site.runtime.editions.get('ar'), {
        title: 'خبر جديد', body: '<p>نص الخبر.</p>', summary: null, credit: null, photo: null, published: new Date('2026-11-25T09:00:00Z'),
        section: 'politics', authors: [], tags: [], comments: null, slug: null, translationOf: null,
      });
      const res = await verify();
      assert.equal(res.code, 0, res.stdout + res.stderr);
      const page = await site.runtime.store.fixity.revisionsAfter({ nid: published.nid - 1, contentHash: 'g' }, 1);
      assert.equal(page[0]?.nid, published.nid);
      assert.equal(page[0]!.fixitySha256, revisionFixity(page[0]!));
    });

    test('a flipped character in a stored revision is named, with expected and actual hashes', async () => {
      const nid = FIXTURE.article.nid;
      await damage(site, flipOneCharacter('node_revisions', 'body_html', nid));
      const res = await verify();
      assert.equal(res.code, 1, res.stdout + res.stderr);
      assert.match(res.stdout, new RegExp(`DAMAGED node ${nid} revision [0-9a-f]{64}: expected [0-9a-f]{64}, actual [0-9a-f]{64}`));
      assert.match(res.stdout, /1 damaged/);
      assert.match(res.stdout, /DAMAGE FOUND/);
      await damage(site, sql`update node_revisions set body_html = (select body_html from nodes where nodes.nid = node_revisions.nid) where nid = ${nid}`);
      assert.equal((await verify()).code, 0);
    });

    test('a flipped character in a page\'s current content is named by its path', async () => {
      const { nid, path } = FIXTURE.coAuthored;
      await damage(site, flipOneCharacter('nodes', 'body_html', nid));
      const res = await verify();
      assert.equal(res.code, 1, res.stdout + res.stderr);
      assert.match(res.stdout, new RegExp(`DAMAGED node ${nid} \\(en/${path}\\) current content: expected [0-9a-f]{64}, actual [0-9a-f]{64}`));
    });

    test('an erased fixity value is damage too', async () => {
      await damage(site, sql`update node_revisions set fixity_sha256 = null where nid = ${FIXTURE.unsigned.nid}`);
      const res = await verify();
      assert.equal(res.code, 1);
      assert.match(res.stdout, new RegExp(`DAMAGED node ${FIXTURE.unsigned.nid} revision [0-9a-f]{64}: expected \\(no fixity recorded\\)`));
    });
  });
}
