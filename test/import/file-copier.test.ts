import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referencePath, siteFileCopier } from '../../src/import/file-copier.ts';
import { referencedFiles } from '../../src/import/node-files.ts';
import { FileStore, siteFilePath } from '../../src/services/file-store.ts';
import type { ImportedNode } from '../../src/domain/import-record.ts';

describe('copying the old site\'s files (--files)', () => {
  let tmp: string;
  let from: string;
  let store: FileStore;

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'folio-copier-'));
    from = join(tmp, 'old-files');
    store = new FileStore(join(tmp, 'folio-files'));
    const files: [string, string][] = [['photos/a b.jpg', 'jpeg'], ['styles-only.png', 'png'], ['100% sure.pdf', 'pdf'], ['résumé.txt', 'txt']];
    for (const [path, text] of files) {
      mkdirSync(join(from, path, '..'), { recursive: true });
      writeFileSync(join(from, path), text);
    }
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('references are read as the old site received them: URL or path, escapes decoded, query and fragment dropped', () => {
    const cases: [string, string | null][] = [
      ['/sites/default/files/photos/a%20b.jpg', 'sites/default/files/photos/a b.jpg'],
      ['http://old.example/sites/default/files/photos/a%20b.jpg?itok=x1#top', 'sites/default/files/photos/a b.jpg'],
      ['sites/default/files/photos/a b.jpg', 'sites/default/files/photos/a b.jpg'],
      ['/files/100%25%20sure.pdf', 'files/100% sure.pdf'],
      ['/files/100% sure.pdf', 'files/100% sure.pdf'],
      ['/files/r%C3%A9sum%C3%A9.txt', 'files/résumé.txt'],
      ['/sites/default/files/x.jpg?a=1&amp;b=2', 'sites/default/files/x.jpg'],
      ['http://[bad', null],
    ];
    for (const [ref, expected] of cases) assert.equal(referencePath(ref), expected, ref);
  });

  test('only paths inside a files folder are site files, and none that climbs out', () => {
    const cases: [string, boolean][] = [
      ['sites/default/files/a.jpg', true], ['sites/example.com/files/a.jpg', true], ['files/a.jpg', true],
      ['content/a.jpg', false], ['sites/default/files/', false], ['sites/default/files/../../etc/passwd', false],
      ['files/a/./b.jpg', false], ['files/a\\b.jpg', false], ['files/a\u0000.jpg', false], ['files//a.jpg', false],
    ];
    for (const [path, ok] of cases) assert.equal(siteFilePath(path) !== null, ok, path);
  });

  test('copies once, reports unchanged after, missing when the folder lacks it, and null for what is not a file', async () => {
    const copy = siteFileCopier(from, store, false);
    assert.deepEqual(await copy('/sites/default/files/photos/a%20b.jpg'), { path: 'sites/default/files/photos/a b.jpg', outcome: 'copied' });
    assert.equal(readFileSync(store.location('sites/default/files/photos/a b.jpg')!, 'utf8'), 'jpeg');
    assert.deepEqual(await copy('/sites/default/files/photos/a b.jpg'), { path: 'sites/default/files/photos/a b.jpg', outcome: 'unchanged' });
    assert.deepEqual(await copy('/files/100%25%20sure.pdf'), { path: 'files/100% sure.pdf', outcome: 'copied' });
    assert.deepEqual(await copy('/sites/default/files/gone.jpg'), { path: 'sites/default/files/gone.jpg', outcome: 'missing' });
    assert.equal(await copy('/content/some-article'), null);
    assert.equal(await copy('/sites/default/files/../secret'), null);
    writeFileSync(join(from, 'photos/a b.jpg'), 'a new jpeg');
    assert.equal((await copy('/sites/default/files/photos/a%20b.jpg'))?.outcome, 'copied', 'changed bytes are copied again');
  });

  test('a missing image style derivative is served from its original', async () => {
    const copy = siteFileCopier(from, store, false);
    assert.deepEqual(await copy('/sites/default/files/styles/large/public/styles-only.png?itok=abc'), { path: 'sites/default/files/styles/large/public/styles-only.png', outcome: 'copied' });
    assert.equal(readFileSync(store.location('sites/default/files/styles/large/public/styles-only.png')!, 'utf8'), 'png');
  });

  test('a dry run only looks', async () => {
    const dry = new FileStore(join(tmp, 'dry'));
    assert.deepEqual(await siteFileCopier(from, dry, true)('/files/r%C3%A9sum%C3%A9.txt'), { path: 'files/résumé.txt', outcome: 'copied' });
    assert.deepEqual(await dry.list(), []);
  });

  test('an item references its file list, its photos, and the images and links of every revision', () => {
    const revision = { vid: 1, title: 't', bodyFormat: 'full_html' as const, summary: null, credit: null, revisedAt: 0, log: null };
    const node = {
      files: ['/sites/default/files/a.pdf'],
      revisions: [
        { ...revision, body: `<img src="/files/old.gif"><a href='/sites/default/files/b.doc'>b</a>`, photo: { src: '/sites/default/files/p.jpg', caption: null, credit: null } },
        { ...revision, body: '<a href="/content/x">x</a><img src="">', photo: null },
      ],
    } as unknown as ImportedNode;
    assert.deepEqual(referencedFiles(node).sort(), ['/content/x', '/files/old.gif', '/sites/default/files/a.pdf', '/sites/default/files/b.doc', '/sites/default/files/p.jpg']);
  });
});
