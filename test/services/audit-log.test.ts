import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIT_ACTIONS, isAuditAction } from '../../src/domain/audit.ts';
import { AuditService } from '../../src/services/audit-service.ts';
import { PeopleService } from '../../src/services/people-service.ts';
import { testDialects } from '../support/databases.ts';
import { openTestSite, type TestSite } from '../support/test-runtime.ts';

const PASSWORD = 'correct horse battery staple';

test('every audit action is known by name, and nothing else is', () => {
  assert.equal(new Set(AUDIT_ACTIONS).size, AUDIT_ACTIONS.length);
  assert.ok(AUDIT_ACTIONS.every(isAuditAction));
  assert.equal(isAuditAction('user.delete-everything'), false);
});

for (const dialect of testDialects()) {
  describe(`the audit log (${dialect})`, () => {
    let site: TestSite;
    let clock = 1_800_000_000_000;
    let audit: AuditService;
    let people: PeopleService;
    before(async () => {
      site = await openTestSite(dialect);
      audit = new AuditService(site.runtime.store.audit, () => clock);
      people = new PeopleService(site.runtime.store.users, site.runtime.store.people, null, () => {}, audit, () => Math.floor(clock / 1000));
      await site.runtime.auth.addUser({ name: 'Admin', email: 'admin@example.org', password: PASSWORD, role: 'admin' });
      await site.runtime.auth.addUser({ name: 'سامر', email: 'samer@example.org', password: PASSWORD, role: 'writer' });
    });
    after(async () => {
      await site.close();
    });

    test('people actions are logged with who, what, when and the value before and after, and no e-mail address', async () => {
      const admin = (await people.findUser('Admin'))!;
      const samer = (await people.findUser('سامر'))!;
      const actor = { kind: 'user' as const, user: admin };
      clock += 1000;
      await people.invite(actor, { email: 'new.writer@example.org', role: 'writer' }, (t) => `https://x/${t}`);
      clock += 1000;
      await people.changeRole(actor, samer.uid, 'editor');
      clock += 1000;
      await people.disable(actor, samer.uid);
      clock += 1000;
      await people.enable({ kind: 'cli' }, samer.uid);

      const entries = await audit.list(admin, { limit: 10 });
      assert.deepEqual(entries.map((e) => [e.action, e.actorName, e.before, e.after]), [
        ['user.enable', 'cli', 'disabled', 'active'],
        ['user.disable', 'Admin', 'active', 'disabled'],
        ['user.role', 'Admin', 'writer', 'editor'],
        ['user.invite', 'Admin', null, 'writer'],
      ]);
      assert.equal(entries[1]!.subjectId, String(samer.uid));
      assert.equal(entries[1]!.note, 'سامر');
      assert.equal(entries[1]!.at, clock - 1000);
      assert.ok(!JSON.stringify(entries).includes('example.org'), 'the log keeps no e-mail address');
    });

    test('pages go back in time by keyset, and filter by actor, area and subject', async () => {
      const admin = (await people.findUser('Admin'))!;
      for (let i = 0; i < 5; i++) {
        // Two events in the same millisecond must still page without loss or repeats.
        await audit.record({ actor: { uid: admin.uid, name: 'Admin' }, action: 'article.save', subject: { type: 'node', id: String(100 + i) }, edition: 'ar' });
        if (i % 2 === 1) clock += 1;
      }
      const seen: string[] = [];
      let cursor: { at: number; id: string } | null = null;
      for (;;) {
        const page = await audit.list('cli', { limit: 2, olderThan: cursor, actionPrefix: 'article.' });
        if (page.length === 0) break;
        seen.push(...page.map((e) => e.subjectId));
        const last = page[page.length - 1]!;
        cursor = { at: last.at, id: last.id };
      }
      assert.deepEqual([...seen].sort(), ['100', '101', '102', '103', '104']);
      assert.equal(new Set(seen).size, 5);
      const one = await audit.list('cli', { limit: 10, subject: { type: 'node', id: '103' } });
      assert.deepEqual(one.map((e) => e.subjectId), ['103']);
      const cliOnly = await audit.list('cli', { limit: 10, actorUid: admin.uid, actionPrefix: 'user.' });
      assert.ok(cliOnly.length >= 3 && cliOnly.every((e) => e.actorName === 'Admin' && e.action.startsWith('user.')));
    });

    test('only admins read the log', async () => {
      const samer = (await people.findUser('سامر'))!;
      await assert.rejects(audit.list(samer, { limit: 5 }), { code: 'FORBIDDEN' });
    });
  });
}
