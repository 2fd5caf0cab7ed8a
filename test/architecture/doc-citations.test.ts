import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Comments cite the documents in docs/ ("docs/comment-format.md decision 3", "… §4.3"): every
// citation must lead somewhere, in a clone of the repository.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'fixtures' ? [] : codeFiles(path);
    return /\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

const files = ['src', 'test', 'bench', 'scripts'].flatMap((d) => codeFiles(join(ROOT, d)));
const commentFormat = readFileSync(join(ROOT, 'docs/comment-format.md'), 'utf8');

/** The numbered decisions of docs/comment-format.md ("1. **…**" under "Where Folio differs"). */
const decisions = new Set([...commentFormat.slice(commentFormat.indexOf('### Where Folio differs')).matchAll(/^(\d+)\. \*\*/gm)].map((m) => Number(m[1])));
/** Its numbered sections: "## 4." and "### 4.3". */
const sections = new Set([...commentFormat.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)].map((m) => m[1]!));

test('every docs/ file the code names exists', () => {
  const missing: string[] = [];
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/docs\/([a-z0-9-]+\.md)/g)) {
      if (!existsSync(join(ROOT, 'docs', m[1]!))) missing.push(`${relative(ROOT, file)}: docs/${m[1]}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('every cited decision and section of docs/comment-format.md exists, and nothing cites the old spec files', () => {
  assert.deepEqual([...decisions].sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const problems: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const rel = relative(ROOT, file);
    for (const m of text.matchAll(/docs\/comment-format\.md decisions? (\d+)(?: (?:and|to) (\d+))?/g)) {
      for (const n of [m[1], m[2]].filter((x) => x !== undefined)) if (!decisions.has(Number(n))) problems.push(`${rel}: decision ${n}`);
    }
    for (const m of text.matchAll(/docs\/comment-format\.md §(\d+(?:\.\d+)?)/g)) if (!sections.has(m[1]!)) problems.push(`${rel}: §${m[1]}`);
    if (/filtered-html\.md|spec\/original-site\.md/.test(text)) problems.push(`${rel}: cites a spec file that is not in the repository`);
  }
  assert.deepEqual(problems, []);
});
