import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthorRoster, lognormalWeights } from '../../src/demo/author-roster.ts';
import { alternateSpelling, englishPeople } from '../../src/demo/demo-people.ts';
import { SeededRandom } from '../../src/demo/seeded-random.ts';

describe('AuthorRoster', () => {
  it('weights writers by a flattened lognormal, most prolific first', () => {
    const w = lognormalWeights(60);
    assert.equal(w.length, 60);
    for (let i = 1; i < w.length; i++) assert.ok(w[i]! <= w[i - 1]!);
    assert.ok(w[0]! / w[3]! < 1.5, 'the top is flattened');
    assert.ok(w[3]! / w[30]! > 50, 'the middle is far below the top');
  });

  it('uses every identity (both spellings included) and writes each author once', () => {
    let aid = 100;
    const people = englishPeople(new SeededRandom(1));
    const roster = new AuthorRoster(new SeededRandom(2), people, 900, () => aid++);
    const used = new Set<number>();
    for (let i = 0; i < 900; i++) used.add(roster.next());
    const written = roster.drainNewAuthors();
    assert.equal(written.length, used.size);
    assert.equal(new Set(written.map((a) => a.slug)).size, written.length);
    assert.equal(written.length, people.length + people.filter((p) => p.alternateName).length);
    assert.deepEqual(roster.drainNewAuthors(), []);
  });

  it('co-authors are never the first author', () => {
    let aid = 1;
    const roster = new AuthorRoster(new SeededRandom(3), englishPeople(new SeededRandom(4)), 100, () => aid++);
    for (let i = 0; i < 200; i++) {
      const first = roster.next();
      assert.notEqual(roster.coAuthor(first), first);
    }
  });

  it('spells names a second way', () => {
    assert.equal(alternateSpelling('Khaled', 'al-Masri'), 'Khalid al-Masri');
    assert.equal(alternateSpelling('Rania', 'al-Haddad'), 'Rania Haddad');
    assert.equal(alternateSpelling('Maya', 'Saab'), 'Maya al-Saab');
  });
});
