import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { openRuntime } from '../../src/runtime.ts';
import { runCli } from '../support/run-cli.ts';
import { runCliWithInput } from '../support/run-cli.ts';

describe('folio user', () => {
  let dir: string;
  let db: string;

  /** Signs in through the real service, on the database the CLI wrote. */
  async function signsIn(name: string, password: string): Promise<boolean> {
    const runtime = await openRuntime(loadConfig({}, { databaseUrl: db }));
    try {
      await runtime.auth.signIn(name, password);
      return true;
    } catch {
      return false;
    } finally {
      await runtime.close();
    }
  }

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-cli-user-'));
    db = `sqlite:${join(dir, 'folio.db')}`;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('add without --password-stdin generates a strong password and prints it once, with the uid', async () => {
    const res = await runCli(['user', 'add', '--name', 'Rania', '--role', 'moderator', '--email', 'rania@example.org', '--database', db]);
    assert.equal(res.code, 0, res.stderr);
    const match = /^added user (\d+): Rania \(moderator\)\npassword \(shown only this once\): (\S+)\n$/.exec(res.stdout);
    assert.ok(match, res.stdout);
    assert.ok(match[2]!.length >= 24);
    assert.ok(await signsIn('Rania', match[2]!));
  });

  test('add --password-stdin takes the first line only and never prints the password', async () => {
    const password = 'correct horse battery';
    const res = await runCliWithInput(['user', 'add', '--name', 'Karim', '--role', 'editor', '--password-stdin', '--database', db], `${password}\r\nnot this\n`);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /^added user \d+: Karim \(editor\)\n$/);
    assert.ok(!res.stdout.includes(password) && !res.stderr.includes(password));
    assert.ok(await signsIn('Karim', password));
    assert.ok(!(await signsIn('Karim', `${password}\r`)));
  });

  test('list shows names and roles, never a password or its hash', async () => {
    const res = await runCli(['user', 'list', '--database', db]);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /^uid +name +role +e-mail/);
    assert.match(res.stdout, /\n1 +Rania +moderator +rania@example\.org\n/);
    assert.match(res.stdout, /\n2 +Karim +editor\n/);
    assert.match(res.stdout, /\n2 users\n$/);
    assert.doesNotMatch(res.stdout, /scrypt|\$|horse/);
  });

  test('bad input is refused with one line, exit 2, and no user is added', async () => {
    const cases: [string[], string | null, RegExp][] = [
      [['--name', 'rania', '--role', 'admin'], null, /a user named "rania" already exists/],
      [['--name', 'Lina', '--role', 'admin', '--password-stdin'], 'short\n', /the password must be at least 10 characters/],
      [['--name', 'Lina', '--role', 'admin', '--password-stdin'], '', /no password on the first line of stdin/],
      [['--name', 'Lina', '--role', 'boss'], null, /--role: the role must be one of writer, editor, moderator, admin \(got "boss"\)/],
      [['--name', 'Lina'], null, /--role is required/],
      [['--role', 'admin'], null, /--name is required/],
      [['--name', 'Lina', '--role', 'admin', '--email', 'not-an-address'], null, /--email must be an e-mail address/],
    ];
    for (const [args, input, message] of cases) {
      const argv = ['user', 'add', ...args, '--database', db];
      const res = input === null ? await runCli(argv) : await runCliWithInput(argv, input);
      assert.equal(res.code, 2, `${args.join(' ')}: ${res.stderr}`);
      assert.equal(res.stderr.trimEnd().split('\n').length, 1, res.stderr);
      assert.match(res.stderr, message);
      assert.equal(res.stdout, '');
    }
    const list = await runCli(['user', 'list', '--database', db]);
    assert.match(list.stdout, /\n2 users\n$/);
  });

  test('invite prints a one-time link (no SMTP); it opens the invitation page; role and disable map onto the people service', async () => {
    const invite = await runCli(['user', 'invite', 'salma@example.org', '--role', 'writer', '--database', db], { FOLIO_BASE_URL: 'https://news.example' });
    assert.equal(invite.code, 0, invite.stderr);
    const link = /^invited salma@example\.org as writer; no mail was sent \(FOLIO_SMTP_URL is not set\), so give them this link \(works once, valid 7 days\):\nhttps:\/\/news\.example\/ar\/user\/invite\/([A-Za-z0-9_-]{43})\n$/.exec(invite.stdout);
    assert.ok(link, invite.stdout);
    const runtime = await openRuntime(loadConfig({}, { databaseUrl: db }));
    try {
      assert.deepEqual(await runtime.people.invitation(link[1]!), { email: 'salma@example.org', role: 'writer' });
    } finally {
      await runtime.close();
    }
    const noRole = await runCli(['user', 'invite', 'x@example.org', '--database', db]);
    assert.equal(noRole.code, 2);
    assert.match(noRole.stderr, /--role is required/);

    const role = await runCli(['user', 'role', 'Karim', 'admin', '--database', db]);
    assert.equal(role.code, 0, role.stderr);
    assert.equal(role.stdout, 'user 2 (Karim): editor → admin\n');
    const badRole = await runCli(['user', 'role', 'Karim', 'boss', '--database', db]);
    assert.equal(badRole.code, 2);
    assert.match(badRole.stderr, /The role must be one of writer, editor, moderator, admin/);
    const nobody = await runCli(['user', 'role', 'Nobody', 'editor', '--database', db]);
    assert.notEqual(nobody.code, 0);
    assert.match(nobody.stderr, /there is no user "Nobody"/);

    assert.ok(await signsIn('Karim', 'correct horse battery'), 'signing in makes a session');
    const onlyAdmin = await runCli(['user', 'disable', 'Karim', '--database', db]);
    assert.notEqual(onlyAdmin.code, 0);
    assert.match(onlyAdmin.stderr, /This is the last active admin: make someone else admin first\./);
    assert.equal((await runCli(['user', 'role', 'Rania', 'admin', '--database', db])).code, 0);
    const disable = await runCli(['user', 'disable', '2', '--database', db]);
    assert.equal(disable.code, 0, disable.stderr);
    // Karim signed in twice in this file (here and in the --password-stdin test): both sessions end.
    assert.equal(disable.stdout, 'disabled user 2 (Karim); 2 sessions ended\n');
    assert.ok(!(await signsIn('Karim', 'correct horse battery')));
    const last = await runCli(['user', 'role', 'Karim', 'editor', '--database', db]);
    assert.equal(last.code, 0, last.stderr);
    const list = await runCli(['user', 'list', '--database', db]);
    assert.match(list.stdout, /\n1 +Rania +admin +rania@example\.org\n2 +Karim +editor +disabled\n/);
    const enable = await runCli(['user', 'enable', 'Karim', '--database', db]);
    assert.equal(enable.stdout, 'enabled user 2 (Karim)\n');
    assert.ok(await signsIn('Karim', 'correct horse battery'));
  });
});
