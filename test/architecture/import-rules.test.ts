import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// STYLE.md's dependency rules, enforced: an arrow means "may import", nothing imports upward.
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

const ALLOWED: Record<string, readonly string[]> = {
  domain: ['domain'],
  text: ['text', 'domain'],
  filter: ['filter', 'domain', 'text'],
  search: ['search', 'domain', 'text'],
  feed: ['feed', 'domain', 'text'],
  config: ['config', 'domain'],
  store: ['store', 'domain'],
  services: ['services', 'domain', 'text', 'filter', 'search', 'feed', 'store/types.ts', 'store/types'],
  web: ['web', 'services', 'domain', 'text', 'feed', 'filter', 'search', 'config'],
  import: ['import', 'services', 'domain', 'text', 'filter', 'store/types.ts', 'store/types'],
  // The demo generator writes a whole newspaper through the store's writer interface; it is a
  // tool for trying Folio out, not a use case of the site (see DEMO_USERS below).
  demo: ['demo', 'domain', 'text', 'filter', 'store/types.ts', 'store/types'],
  export: ['export', 'web', 'services', 'domain', 'text', 'feed', 'config'],
  cli: ['cli', 'services', 'domain', 'text', 'filter', 'config', 'web', 'import', 'export', 'demo', 'runtime.ts', 'store/migrate.ts'],
};

/**
 * The only source files that may import demo/: the seeding shared by `folio demo` and `folio serve`
 * on an empty database. Benchmarks and tests may use it too (they are outside src/).
 */
const DEMO_USERS = ['cli/seed-demo.ts'];
/** The only files that may call that seeding: the demo command and the serve command. */
const DEMO_SEEDERS = ['cli/demo-command.ts', 'cli/serve-command.ts'];

/** Packages only the store may import. */
const STORE_ONLY_PACKAGES = ['kysely', 'better-sqlite3', 'pg'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

const files = sourceFiles(SRC);

test('every module imports only what STYLE.md allows it to', () => {
  const violations: string[] = [];
  for (const file of files) {
    const rel = relative(SRC, file);
    const layer = rel.split('/')[0]!;
    const allowed = ALLOWED[layer];
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = relative(SRC, resolve(dirname(file), spec));
        if (target.startsWith('..')) violations.push(`${rel} imports outside src: ${spec}`);
        if (!allowed) continue; // main.ts and runtime.ts are the composition root
        if (!allowed.some((a) => target === a || target.startsWith(`${a}/`))) violations.push(`${rel} → ${target}`);
      } else if (STORE_ONLY_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`)) && layer !== 'store') {
        violations.push(`${rel} imports ${spec}: SQL and database drivers live only in store/`);
      }
    }
  }
  assert.deepEqual(violations, []);
});

test('nothing imports the CLI, and the pure modules do no I/O', () => {
  const violations: string[] = [];
  for (const file of files) {
    const rel = relative(SRC, file);
    const layer = rel.split('/')[0]!;
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.') && relative(SRC, resolve(dirname(file), spec)).startsWith('cli/') && layer !== 'cli' && rel !== 'main.ts') violations.push(`${rel} imports the CLI`);
      if (['domain', 'text', 'filter', 'search', 'feed'].includes(layer) && /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram)$/.test(spec)) violations.push(`${rel} does I/O through ${spec}`);
    }
  }
  assert.deepEqual(violations, []);
});

test('only the importer, the demo seeder and an admin\'s correction record may write to an archive', () => {
  const users = files.filter((f) => /sanctionedWriter\(/.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
  const allowed = users.filter((f) => f === 'domain/edition-guard.ts' || f.startsWith('import/') || f.startsWith('demo/') || f === 'services/corrections-service.ts');
  assert.deepEqual(users, allowed);
});

test('the demo generator is used only by the demo and serve commands\' seeding', () => {
  const violations: string[] = [];
  for (const file of files) {
    const rel = relative(SRC, file);
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) continue;
      const target = relative(SRC, resolve(dirname(file), spec));
      if (target.startsWith('demo/') && !rel.startsWith('demo/') && !DEMO_USERS.includes(rel)) violations.push(`${rel} imports ${target}`);
      if (DEMO_USERS.includes(target) && !DEMO_SEEDERS.includes(rel)) violations.push(`${rel} imports ${target}`);
    }
  }
  assert.deepEqual(violations, []);
});

test('no default exports in src', () => {
  const offenders = files.filter((f) => /^export default/m.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
  assert.deepEqual(offenders, []);
});

/** The relative imports of one file, as paths relative to src/. */
function localImports(file: string): string[] {
  return importsOf(file).filter((spec) => spec.startsWith('.')).map((spec) => relative(SRC, resolve(dirname(file), spec)));
}

/** Every cycle of a directed graph, each as a path that returns to its start. */
function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

/** Every import cycle among the files under `dir` (relative to src/). */
function cyclesUnder(dir: string): string[] {
  const inside = new Map(files.map((f) => [relative(SRC, f), f] as const).filter(([rel]) => rel.startsWith(`${dir}/`)));
  return findCycles(new Map([...inside].map(([rel, file]) => [rel, localImports(file).filter((t) => inside.has(t))])));
}

test('the cycle check finds direct and indirect cycles, and passes a tree', () => {
  // A guard on the guard: an empty answer below proves nothing unless the walk sees loops.
  assert.deepEqual(findCycles(new Map([['a', ['b']], ['b', ['a']]])), ['a → b → a']);
  assert.deepEqual(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])), ['a → b → c → a']);
  assert.deepEqual(findCycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]])), []);
});

test('store/ has no import cycle (type-only imports included)', () => {
  assert.deepEqual(cyclesUnder('store'), []);
});

test('import/ has no import cycle (the builders get a RunState, never the ImportRun)', () => {
  assert.deepEqual(cyclesUnder('import'), []);
});

test('the store\'s interfaces import no implementation', () => {
  const violations: string[] = [];
  for (const file of files) {
    const rel = relative(SRC, file);
    if (rel !== 'store/types.ts' && !rel.startsWith('store/types/')) continue;
    for (const target of localImports(file)) {
      if (!target.startsWith('domain/') && !target.startsWith('store/types/')) violations.push(`${rel} → ${target}`);
    }
  }
  assert.deepEqual(violations, []);
});

/**
 * The only files that may mark HTML safe with `trustedHtml`, each with why. Views get SafeHtml
 * from the store (stored HTML columns) and from `html` templates; they never mark text safe.
 */
const TRUSTED_HTML_USERS: Readonly<Record<string, string>> = {
  'domain/safe-html.ts': 'defines it',
  'web/views/html.ts': 'the template tag (every value escaped), join, and the JSON-LD block (JSON escaped for <script>)',
  'filter/format-text.ts': 'the comment filter\'s output is allow-listed HTML',
  'filter/filter-tips.ts': 'the format tips show each allowed tag\'s example as it renders: fixed strings from the allow-list',
  'store/queries/row-mappers.ts': 'storedHtml: HTML columns hold what the filter or Folio\'s templates made, so it comes back as SafeHtml',
};

test('only the template, the filter and the store\'s row mappers mark HTML as safe', () => {
  const users = files.filter((f) => /\btrustedHtml\b/.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f)).sort();
  assert.deepEqual(users, Object.keys(TRUSTED_HTML_USERS).sort());
});

test('the CLI reaches the store only through services (and store/migrate.ts)', () => {
  const violations: string[] = [];
  for (const file of files) {
    const rel = relative(SRC, file);
    const text = readFileSync(file, 'utf8');
    // The runtime with its store showing is for tests and benchmarks; src/ opens the plain one.
    if (rel !== 'runtime.ts' && /\b(openStoreRuntime|StoreRuntime)\b/.test(text)) violations.push(`${rel} opens the runtime with its store`);
    if (!rel.startsWith('cli/')) continue;
    // Backups copy the database whole, beside the services: runtime.ts re-exports them, so the CLI still imports no store file for it.
    for (const target of localImports(file)) if (target.startsWith('store/') && target !== 'store/migrate.ts') violations.push(`${rel} → ${target}`);
    if (/\bruntime\.store\b|\.store\.(content|writer|comments|users|search|imports|exports)\b/.test(text)) violations.push(`${rel} uses the store directly`);
  }
  assert.deepEqual(violations, []);
});

test('services name no command-line option in their messages (the CLI adds that hint)', () => {
  const violations: string[] = [];
  for (const file of files) {
    const rel = relative(SRC, file);
    if (!rel.startsWith('services/')) continue;
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (/^\s*(\/\/|\*|\/\*\*)/.test(line)) return; // comments may say which command a service serves
      if (/['"`][^'"`]*--[a-z]/.test(line)) violations.push(`${rel}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(violations, []);
});

test('web paths are built in web/urls.ts, not inline', () => {
  // An edition's prefix interpolated into a string is a path being built; that is urls.ts's job, so
  // every path keeps the original site's shape in one place. Route patterns ('/node/:nid') are not paths.
  const offenders = files.map((f) => relative(SRC, f))
    .filter((rel) => (rel.startsWith('web/') || rel.startsWith('export/')) && rel !== 'web/urls.ts')
    .filter((rel) => /\$\{[\w.]*\bprefix\}/.test(readFileSync(join(SRC, rel), 'utf8')));
  assert.deepEqual(offenders, []);
});
