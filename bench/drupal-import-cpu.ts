// The Drupal import alone, at a size that runs in seconds: builds one generated Drupal 7 database
// in MariaDB, imports it several times into fresh SQLite files with the real CLI, and prints each
// run's CPU (user + system), wall time and peak RSS. Usage:
//   node --import tsx bench/drupal-import-cpu.ts [--nodes 20000] [--comments 60000] [--runs 3]
//     [--bin a/bin/folio,b/bin/folio] [--profile <dir>] [--keep | --db mysql://…]
// --bin alternates runs between checkouts (an A/B on a shared machine: the load falls on both);
// --profile writes each run's `node --cpu-prof` profile there (bench/profile-top.ts reads it).
// --keep leaves the generated database in MariaDB and prints its URL; --db imports that one again
// (building 100,000 nodes takes longer than importing them).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDrupalTestDatabase } from '../test/fixtures/drupal/drupal-test-database.ts';
import { folioInChild } from './folio-child.ts';

const USAGE = 'usage: node --import tsx bench/drupal-import-cpu.ts [--nodes 20000] [--comments N] [--runs 3] [--bin a,b] [--profile dir] [--keep | --db mysql://…]';
function options() {
  return parseArgs({
    options: {
      nodes: { type: 'string', default: '20000' },
      comments: { type: 'string' },
      runs: { type: 'string', default: '3' },
      bin: { type: 'string' },
      profile: { type: 'string' },
      keep: { type: 'boolean', default: false },
      db: { type: 'string' },
    },
  });
}
let values: ReturnType<typeof options>['values'];
try {
  ({ values } = options());
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (!(Number(values.nodes) > 0) || !(Number(values.runs) > 0)) {
  console.error(`--nodes and --runs must be positive numbers\n${USAGE}`);
  process.exit(2);
}
const nodes = Number(values.nodes);
const comments = values.comments === undefined ? nodes * 3 : Number(values.comments);
const bins = values.bin === undefined ? [undefined] : values.bin.split(',').map((b) => resolve(b));

const db = values.db === undefined ? await createDrupalTestDatabase({ version: 7, nodes, comments }) : { url: values.db, drop: async () => {} };
if (values.keep) console.log(`source database: ${db.url}`);
const dir = mkdtempSync(join(tmpdir(), 'folio-bench-drupal-'));
try {
  for (let run = 0; run < Number(values.runs); run++) {
    for (const [i, bin] of bins.entries()) {
      const file = join(dir, `folio-${run}-${i}.db`);
      const nodeArgs = values.profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${resolve(values.profile)}`, `--cpu-prof-name=import-${run}-${i}.cpuprofile`];
      const load = loadavg()[0]!.toFixed(1);
      const r = await folioInChild(['import', 'drupal', '--db', db.url, '--database', `sqlite:${file}`], { bin, nodeArgs });
      console.log(`${bin ?? 'this checkout'}: ${nodes} nodes, ${comments} comments: CPU ${r.cpuSeconds.toFixed(1)} s, wall ${r.seconds.toFixed(1)} s, `
        + `peak RSS ${r.peakRssMb.toFixed(0)} MB, ${(nodes / r.cpuSeconds).toFixed(0)} nodes per CPU second (load ${load})`);
      rmSync(file, { force: true });
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  if (!values.keep) await db.drop();
}
// A kept database's server connection stays open (drop() would close it).
if (values.keep) process.exit(0);
