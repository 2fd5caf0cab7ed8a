import { Command } from 'commander';
import { checkBag } from '../export/bagit/bag-checker.ts';
import { openRuntime } from '../runtime.ts';
import { configFrom, type StoreOptions } from './options.ts';
import { startProgress } from './progress.ts';

/** `folio verify [--bag <dir>]`: recomputes every stored fixity value (and a bag's checksums); exit 1 on damage. */
export function verifyCommand(): Command {
  return new Command('verify')
    .description('recompute the SHA-256 of every stored revision and every page\'s content, and with --bag every file of a BagIt bag; exits 1 on any mismatch')
    .option('--bag <dir>', 'also check this BagIt bag against its manifests')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (options: StoreOptions & { bag?: string }) => {
      const started = Date.now();
      const runtime = await openRuntime(configFrom(options));
      let damaged = 0;
      try {
        const progress = startProgress('Verifying revisions');
        const report = await runtime.fixity.verify((done, total) => progress.update(done, total));
        progress.stop();
        for (const p of report.problems) {
          const item = p.kind === 'revision' ? `node ${p.nid} revision ${p.revision}` : `node ${p.nid} (${p.where}) current content`;
          process.stdout.write(`DAMAGED ${item}: expected ${p.expected ?? '(no fixity recorded)'}, actual ${p.actual}\n`);
        }
        damaged += report.problems.length;
        process.stdout.write(`checked ${report.revisions} revisions and ${report.nodes} nodes: ${report.problems.length === 0 ? 'all intact' : `${report.problems.length} damaged`}\n`);
      } finally {
        await runtime.close();
      }
      if (options.bag !== undefined) {
        const progress = startProgress('Verifying bag');
        const bag = await checkBag(options.bag, (done, total) => progress.update(done, total));
        progress.stop();
        for (const p of bag.problems) {
          process.stdout.write(`DAMAGED ${options.bag}/${p.file}: ${p.problem}${p.expected ? `, expected ${p.expected}` : ''}${p.actual ? `, actual ${p.actual}` : ''}\n`);
        }
        damaged += bag.problems.length;
        process.stdout.write(`checked bag ${options.bag} (${bag.files} payload files): ${bag.problems.length === 0 ? 'valid' : `${bag.problems.length} problems`}\n`);
      }
      process.stdout.write(`${damaged === 0 ? 'verified' : 'DAMAGE FOUND'} in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
      if (damaged > 0) process.exitCode = 1;
    });
}
