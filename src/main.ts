import { buildProgram } from './cli/program.ts';
import { FolioError } from './domain/errors.ts';

// The composition root: the CLI reads config, opens the store and starts what was asked for.
// `folio search … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const program = buildProgram();
try {
  await program.parseAsync(process.argv);
} catch (err) {
  // One readable line and a non-zero exit: the contract of every folio command.
  const message = err instanceof FolioError ? err.message : err instanceof Error ? err.message : String(err);
  process.stderr.write(`folio: ${message}\n`);
  if (!(err instanceof FolioError) && process.env.FOLIO_DEBUG) console.error(err);
  process.exitCode = err instanceof FolioError && err.code === 'INVALID' ? 2 : 1;
}
