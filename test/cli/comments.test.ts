import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { COMMENT_STATUS, type CommentStatusName, type ModeratedComment } from '../../src/domain/comment.ts';
import { openStoreRuntime, type StoreRuntime } from '../../src/runtime.ts';
import { generateDemo } from '../../src/demo/index.ts';
import type { Moderator } from '../../src/services/moderation-service.ts';
import { runCli } from '../support/run-cli.ts';

// The CLI runs as a separate process; this process seeds the same SQLite file and reads it
// through the real store to check what each command did. Each CLI run costs about a second of
// start-up, so the cases share runs where they can.
const reader: Moderator = { kind: 'cli', login: 'test' };

describe('folio comments', () => {
  let dir: string;
  let db: string;
  let runtime: StoreRuntime;
  const cli = (...args: string[]) => runCli(['comments', ...args, '--database', db]);
  const find = (cid: number) => runtime.store.comments.findForModeration(cid);
  const all = async (status: CommentStatusName, edition?: string): Promise<ModeratedComment[]> =>
    (await runtime.moderation.list(reader, { status, limit: 10_000, ...(edition ? { edition } : {}) })).items;
  const oneLine = (stderr: string) => assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-cli-comments-'));
    db = `sqlite:${join(dir, 'folio.db')}`;
    runtime = await openStoreRuntime(loadConfig({}, { databaseUrl: db }));
    // A small demo: 30 archive items and the Arabic edition, with pending comments in both.
    await generateDemo({ writer: runtime.store.writer, editions: { en: runtime.editions.get('en'), ar: runtime.editions.get('ar') }, seed: 20110818, articles: 30 });
  });
  after(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('list --json gives every field a moderator needs, e-mail included', async () => {
    const pending = await all('pending');
    assert.ok(pending.length > 2 && pending.length < 50);
    const res = await cli('list', '--status', 'pending', '--json');
    assert.equal(res.code, 0, res.stderr);
    const items = JSON.parse(res.stdout) as Record<string, unknown>[];
    assert.deepEqual(items.map((c) => c.cid), pending.map((c) => c.cid));
    for (const item of items) {
      for (const key of ['cid', 'nid', 'pid', 'edition', 'status', 'name', 'email', 'homepage', 'hostname', 'subject', 'body', 'format', 'bodyHtml', 'createdAt', 'node']) {
        assert.ok(key in item, `missing ${key}`);
      }
      const stored = pending.find((c) => c.cid === item.cid)!;
      assert.equal(item.status, 'pending');
      assert.equal(item.email, stored.email);
      assert.equal(item.bodyHtml, stored.bodyHtml.html);
      assert.match(item.createdAt as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.equal(Date.parse(item.createdAt as string) / 1000, stored.createdAt);
      const node = item.node as Record<string, unknown>;
      assert.equal(node.title, stored.nodeTitle);
      assert.equal(node.path, stored.nodePath);
    }
  });

  test('list prints a table with the e-mail, one edition and page at a time, and says how many there are', async () => {
    const pending = await all('pending', 'ar');
    assert.ok(pending.length > 2);
    const res = await cli('list', '--status', 'pending', '--edition', 'ar', '--limit', '2');
    assert.equal(res.code, 0, res.stderr);
    const lines = res.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^cid +date \(UTC\) +edition +node +name +e-mail$/);
    for (const [i, c] of pending.slice(0, 2).entries()) {
      assert.match(lines[i + 1]!, new RegExp(`^${c.cid} +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +ar +${c.nid} .+ ${c.email!.replace(/\./g, '\\.')}$`));
    }
    assert.equal(lines[3], `1–2 of ${pending.length} pending comments in ar; next: --page 1`);
    assert.equal(lines.length, 4);
  });

  test('approve publishes, says what changed and what did not, and is recorded', async () => {
    const [a, b] = (await all('pending', 'ar')).map((c) => c.cid).sort((x, y) => x - y);
    const published = (await all('published', 'ar'))[0]!.cid;
    const res = await cli('approve', String(b), String(a), String(published), String(a));
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout, `approved 2 comments: ${a}, ${b}; unchanged: ${published}\n`);
    for (const cid of [a!, b!, published]) assert.equal((await find(cid))?.status, COMMENT_STATUS.published);
    const history = await cli('history', String(a));
    assert.equal(history.code, 0, history.stderr);
    assert.match(history.stdout, new RegExp(`^comment ${a}: published, on node \\d+ \\(ar\\)\\n`));
    const last = history.stdout.trimEnd().split('\n').at(-1)!;
    assert.match(last, /^\d{4}-\d\d-\d\dT[\d:]+Z +approve +cli:(\S+) +pending → published$/);
    assert.equal(/cli:(\S+)/.exec(last)![1], userInfo().username);
  });

  test('spam and delete act on comments; the archive takes moderated comments too', async () => {
    const [target] = (await all('pending', 'ar')).map((c) => c.cid);
    const spam = await cli('spam', String(target));
    assert.equal(spam.stdout, `marked 1 comment as spam: ${target}\n`);
    assert.equal((await find(target!))?.status, COMMENT_STATUS.spam);
    const del = await cli('delete', String(target));
    assert.equal(del.stdout, `deleted 1 comment: ${target}\n`);
    assert.equal(await find(target!), undefined);
    // Comments are not archive content: the archive takes them, moderated, as the original did.
    const archived = (await all('pending', 'en'))[0]!.cid;
    const approved = await cli('approve', String(archived));
    assert.equal(approved.code, 0, approved.stderr);
    assert.equal((await find(archived))?.status, COMMENT_STATUS.published);
  });

  test('an unknown id changes nothing, not even the known ones', async () => {
    const known = (await all('published', 'ar'))[1]!.cid;
    const res = await cli('unpublish', String(known), '99999');
    assert.equal(res.code, 1);
    oneLine(res.stderr);
    assert.match(res.stderr, /^folio: no comment with id 99999: nothing changed\n$/);
    assert.equal((await find(known))?.status, COMMENT_STATUS.published);
  });

  test('erase anonymises every comment under an e-mail address, in any edition, and lists them', async () => {
    const everything = [...(await all('published')), ...(await all('pending')), ...(await all('spam'))];
    const counts = new Map<string, number>();
    for (const c of everything) counts.set(c.email!, (counts.get(c.email!) ?? 0) + 1);
    const [email] = [...counts].sort((x, y) => y[1] - x[1])[0]!;
    const cids = everything.filter((c) => c.email === email).map((c) => c.cid).sort((x, y) => x - y);
    const res = await cli('erase', '--email', email.toUpperCase());
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, new RegExp(`^anonymised ${cids.length} comments?: ${cids.join(', ')} \\(`));
    for (const cid of cids) {
      const c = (await find(cid))!;
      assert.deepEqual([c.name, c.email, c.homepage, c.hostname], ['Anonymous', null, null, null]);
      assert.equal(c.body, everything.find((e) => e.cid === cid)!.body);
    }
  });

  test('erase --delete removes the comments', async () => {
    const victim = (await all('published', 'ar')).find((c) => c.email !== null)!;
    const cids = (await all('published')).filter((c) => c.email === victim.email).map((c) => c.cid);
    const res = await cli('erase', '--email', victim.email!, '--delete');
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /^deleted \d+ comments? \(replies to them included\): [\d, ]+\n$/);
    for (const cid of cids) assert.equal(await find(cid), undefined);
  });

  test('bad input is one line and exit 2', async () => {
    for (const [args, message] of [
      [['list', '--status', 'approved'], /--status must be one of pending, published, spam \(got "approved"\)/],
      [['approve', '12', 'twelve'], /a comment id must be a whole number above 0 \(got "twelve"\)/],
      [['erase'], /--email is required/],
      [['erase', '--email', 'nobody'], /--email: "nobody" is not an e-mail address/],
    ] as const) {
      const res = await cli(...args);
      assert.equal(res.code, 2, `${args.join(' ')}: ${res.stderr}`);
      assert.equal(res.stdout, '');
      oneLine(res.stderr);
      assert.match(res.stderr, message);
    }
  });
});
