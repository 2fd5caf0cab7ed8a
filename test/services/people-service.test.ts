import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthService, SESSION_IDLE_SECONDS, SESSION_SECONDS, SESSION_TOUCH_SECONDS } from '../../src/services/auth-service.ts';
import type { MailMessage, Mailer } from '../../src/services/mailer.ts';
import { INVITATION_SECONDS, PeopleService, RESET_SECONDS } from '../../src/services/people-service.ts';
import { can, isArticleEditableBy, ROLES } from '../../src/domain/permissions.ts';
import { testDialects } from '../support/databases.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';
import { PEOPLE_MESSAGES } from '../../src/text/people-messages.ts';

const PASSWORD = 'correct horse battery staple';

/** A mailer that keeps what it was given. */
class MailBox implements Mailer {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
  }
}

test('the permission table: writers their own drafts, editors anyone\'s work, moderators comments, admins people', () => {
  assert.deepEqual(ROLES, ['writer', 'editor', 'moderator', 'admin']);
  const table = ROLES.map((r) => [r, can(r, 'write drafts'), can(r, 'publish articles'), can(r, 'moderate comments'), can(r, 'invite writers'), can(r, 'manage people')]);
  assert.deepEqual(table, [
    ['writer', true, false, false, false, false],
    ['editor', true, true, true, true, false],
    ['moderator', false, false, true, false, false],
    ['admin', true, true, true, true, true],
  ]);
  assert.equal(can('boss', 'write drafts'), false);
  assert.equal(can(null, 'write drafts'), false);
  const writer = { uid: 7, role: 'writer' };
  assert.equal(isArticleEditableBy(writer, { ownerUid: 7, state: 'draft' }), true);
  assert.equal(isArticleEditableBy(writer, { ownerUid: 8, state: 'draft' }), false, 'not someone else\'s draft');
  assert.equal(isArticleEditableBy(writer, { ownerUid: 7, state: 'scheduled' }), false, 'not once an editor scheduled it');
  assert.equal(isArticleEditableBy({ uid: 1, role: 'editor' }, { ownerUid: 7, state: 'published' }), true);
  assert.equal(isArticleEditableBy({ uid: 1, role: 'moderator' }, { ownerUid: 1, state: 'draft' }), false);
});

test('the people pages\' messages exist in both languages', () => {
  assert.deepEqual(Object.keys(PEOPLE_MESSAGES.ar).sort(), Object.keys(PEOPLE_MESSAGES.en).sort());
  for (const [key, text] of Object.entries(PEOPLE_MESSAGES.ar)) assert.ok(text.trim() !== '', key);
});

for (const dialect of testDialects()) {
  describe(`people and sessions (${dialect})`, () => {
    let site: TestSite;
    let clock = 1_800_000_000;
    const now = () => clock;
    let auth: AuthService;
    before(async () => {
      site = await openTestSite(dialect);
      auth = new AuthService(site.runtime.store.users, site.runtime.store.people, now);
      await site.runtime.auth.addUser({ name: 'Admin', email: 'admin@example.org', password: PASSWORD, role: 'admin' });
      await site.runtime.auth.addUser({ name: 'Lina', email: 'Lina@Example.org', password: PASSWORD, role: 'editor' });
    });
    after(async () => {
      await site.close();
    });

    test('a session ends after the idle limit, and is kept alive by use up to the absolute limit', async () => {
      const { token } = await auth.signIn('Lina', PASSWORD);
      clock += SESSION_IDLE_SECONDS - 1;
      assert.equal((await auth.userForToken(token))?.name, 'Lina', 'used just within the idle limit');
      clock += SESSION_IDLE_SECONDS - 1;
      assert.equal((await auth.userForToken(token))?.name, 'Lina', 'the last use counts, not the sign-in');
      clock += SESSION_IDLE_SECONDS;
      assert.equal(await auth.userForToken(token), undefined, 'idle too long');

      const second = await auth.signIn('Lina', PASSWORD);
      const start = clock;
      while (clock + SESSION_IDLE_SECONDS / 2 < start + SESSION_SECONDS) {
        clock += SESSION_IDLE_SECONDS / 2;
        assert.ok(await auth.userForToken(second.token));
      }
      clock = start + SESSION_SECONDS;
      assert.equal(await auth.userForToken(second.token), undefined, 'however busy, the absolute limit ends it');
    });

    test('a session\'s last use is written at most once a minute', async () => {
      const { token } = await auth.signIn('Lina', PASSWORD);
      const hash = (await import('../../src/services/auth-service.ts')).sessionHash(token);
      const seen = async () => (await site.runtime.store.people.findLiveSession(hash, clock, 0))?.lastSeenAt;
      const signedInAt = clock;
      clock += SESSION_TOUCH_SECONDS - 1;
      await auth.userForToken(token);
      assert.equal(await seen(), signedInAt);
      clock += 1;
      await auth.userForToken(token);
      assert.equal(await seen(), clock);
    });

    test('with SMTP, invitations and resets are mailed (the link is not handed back), and expire', async () => {
      const box = new MailBox();
      const logged: string[] = [];
      const people = new PeopleService(site.runtime.store.users, site.runtime.store.people, box, (msg) => void logged.push(msg), null, now);
      const link = (token: string) => `https://news.example/ar/user/invite/${token}`;
      const delivery = await people.invite({ kind: 'cli' }, { email: 'new@example.org', role: 'writer' }, link);
      assert.deepEqual(delivery, { mailed: true });
      assert.equal(box.sent.length, 1);
      assert.equal(box.sent[0]!.to, 'new@example.org');
      const token = /\/user\/invite\/([A-Za-z0-9_-]{43})/.exec(box.sent[0]!.text)![1]!;
      assert.ok(!logged.some((l) => l.includes(token)), 'a mailed link is not logged');
      assert.deepEqual(await people.invitation(token), { email: 'new@example.org', role: 'writer' });
      clock += INVITATION_SECONDS;
      assert.equal(await people.invitation(token), undefined, 'expired');
      await assert.rejects(people.acceptInvitation(token, { name: 'Late', password: 'long enough password' }), /not valid/);

      await people.requestReset('lina@example.org', (t) => `https://news.example/user/reset/${t}`);
      await people.settled();
      assert.equal(box.sent.length, 2, 'the address matches case-insensitively');
      assert.equal(box.sent[1]!.to, 'Lina@Example.org');
      const reset = /\/user\/reset\/([A-Za-z0-9_-]{43})/.exec(box.sent[1]!.text)![1]!;
      clock += RESET_SECONDS;
      assert.equal(await people.resetIsValid(reset), false, 'an hour later it is over');
      await people.requestReset('nobody@example.org', (t) => t);
      await people.settled();
      assert.equal(box.sent.length, 2);
    });

    test('only admins manage people; editors may list them and invite writers', async () => {
      const editor = (await site.runtime.store.users.findUserByName('Lina'))!;
      assert.ok((await site.runtime.people.list({ kind: 'user', user: editor })).users.length >= 2);
      await assert.rejects(site.runtime.people.invite({ kind: 'user', user: editor }, { email: 'a@example.org', role: 'admin' }, (t) => t), { code: 'FORBIDDEN' });
      await assert.rejects(site.runtime.people.invite({ kind: 'user', user: editor }, { email: 'a@example.org', role: 'editor' }, (t) => t), { code: 'FORBIDDEN' });
      const delivery = await site.runtime.people.invite({ kind: 'user', user: editor }, { email: 'a@example.org', role: 'writer' }, (t) => t);
      assert.equal(delivery.mailed, false);
      await assert.rejects(site.runtime.people.disable({ kind: 'user', user: editor }, 1), { code: 'FORBIDDEN' });
      await assert.rejects(site.runtime.people.changeRole({ kind: 'user', user: editor }, 1, 'writer'), { code: 'FORBIDDEN' });
      await site.runtime.auth.addUser({ name: 'Mod', email: null, password: PASSWORD, role: 'moderator' });
      const moderator = (await site.runtime.store.users.findUserByName('Mod'))!;
      await assert.rejects(site.runtime.people.list({ kind: 'user', user: moderator }), { code: 'FORBIDDEN' });
      await assert.rejects(site.runtime.people.invite({ kind: 'user', user: moderator }, { email: 'b@example.org', role: 'writer' }, (t) => t), { code: 'FORBIDDEN' });
    });
  });
}
