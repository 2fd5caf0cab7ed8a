import { Command } from 'commander';
import { articleCommand } from './article-command.ts';
import { commentsCommand } from './comments-command.ts';
import { demoCommand } from './demo-command.ts';
import { formatCommand } from './format-command.ts';
import { importCommand } from './import-command.ts';
import { urlsCommand } from './urls-command.ts';
import { exportCommand } from './export-command.ts';
import { migrateCommand } from './migrate-command.ts';
import { serveCommand } from './serve-command.ts';
import { reindexCommand, searchCommand } from './search-command.ts';
import { relatedCommand } from './related-command.ts';
import { userCommand } from './user-command.ts';
import { sectionCommand } from './section-command.ts';
import { verifyCommand } from './verify-command.ts';
import { correctionCommand } from './correction-command.ts';
import { backupCommand, restoreCommand } from './backup-command.ts';
import { mediaCommand } from './media-command.ts';
import { folioVersion } from './version.ts';

/** The `folio` command line. */
export function buildProgram(): Command {
  const program = new Command('folio')
    .description('Folio: a newspaper in two editions, a read-only English archive and a live Arabic edition')
    .version(folioVersion(), '-V, --version', 'print the version and exit')
    .showHelpAfterError('(run folio --help for usage)')
    .exitOverride((err) => {
      // Commander has printed its own one-line message; keep its exit code (0 for --help).
      process.exit(err.exitCode);
    });
  program.addCommand(serveCommand());
  program.addCommand(demoCommand());
  program.addCommand(migrateCommand());
  program.addCommand(articleCommand());
  program.addCommand(sectionCommand());
  program.addCommand(searchCommand());
  program.addCommand(reindexCommand());
  program.addCommand(relatedCommand());
  program.addCommand(commentsCommand());
  program.addCommand(userCommand());
  program.addCommand(formatCommand());
  program.addCommand(importCommand());
  program.addCommand(urlsCommand());
  program.addCommand(exportCommand());
  program.addCommand(verifyCommand());
  program.addCommand(correctionCommand());
  program.addCommand(backupCommand());
  program.addCommand(restoreCommand());
  program.addCommand(mediaCommand());
  return program;
}
