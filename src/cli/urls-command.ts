import { siteFilePath } from '../services/file-store.ts';
import { referencePath } from '../import/file-copier.ts';
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { Invalid } from '../domain/errors.ts';
import { warcUrls } from '../import/sources/warc-source.ts';
import { openRuntime } from '../runtime.ts';
import { buildApp } from '../web/app.ts';
import { configFrom, type StoreOptions } from './options.ts';
import { checkUrl, isBroken, requestPathOf } from './url-check.ts';

const WARC_FILE = /\.(warc|arc)(\.gz)?$/i;
/**
 * Files (images, scripts, styles) a crawl captured: Folio serves pages, and of the old site's
 * files only those in its files folder (copied with `folio import --files`), which are checked.
 */
const FILE_PATH = /\.(jpe?g|png|gif|webp|svg|ico|css|js|pdf|docx?|mp3|mp4|zip|woff2?|ttf)$/i;

async function* urlsIn(file: string): AsyncIterable<string> {
  if (WARC_FILE.test(file)) {
    yield* warcUrls([file]);
    return;
  }
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (requestPathOf(line) !== null) yield line.trim();
  }
}

/** `folio urls check <file>`: what Folio answers for every legacy URL; non-zero exit if any would 404. */
export function urlsCommand(): Command {
  const urls = new Command('urls').description('legacy URL tools');
  urls.command('check')
    .description('report what Folio answers for each URL of a list (one per line) or of a WARC\'s captures; exits 1 if any would 404')
    .argument('<file>', 'a text file of URLs or paths, or a .warc/.warc.gz/.arc file')
    .option('--json', 'one JSON object per URL instead of text lines')
    .option('--only-broken', 'print only the URLs that would not resolve')
    .option('--database <url>', 'sqlite:<file> or postgres://…')
    .action(async (file: string, options: StoreOptions & { json?: boolean; onlyBroken?: boolean }) => {
      if (!existsSync(file)) throw new Invalid(`no such file: ${file} (give a list of URLs, one per line, or a WARC file)`);
      const runtime = await openRuntime(configFrom(options));
      const folio = await buildApp(runtime);
      const tally = { total: 0, ok: 0, redirected: 0, gone: 0, broken: 0, files: 0 };
      const seen = new Set<string>();
      try {
        for await (const url of urlsIn(file)) {
          const path = requestPathOf(url);
          if (path === null || seen.has(path)) continue;
          seen.add(path);
          const bare = path.split('?')[0]!;
          const siteFile = siteFilePath(referencePath(bare) ?? '') !== null;
          if (FILE_PATH.test(bare) && !siteFile) {
            tally.files++;
            continue;
          }
          const answer = await checkUrl(folio.app, url);
          // A file of the old files folder that Folio never held was imported without --files (with
          // it, a missing file answers 410): not a broken page, but a file not kept.
          if (siteFile && answer.finalStatus === 404) {
            tally.files++;
            continue;
          }
          tally.total++;
          const broken = isBroken(answer);
          if (broken) tally.broken++;
          else if (answer.finalStatus === 410) tally.gone++;
          else if (answer.hops > 0) tally.redirected++;
          else tally.ok++;
          if (options.onlyBroken && !broken) continue;
          if (options.json) process.stdout.write(`${JSON.stringify({ ...answer, broken })}\n`);
          else process.stdout.write(`${answer.status} ${path}${answer.hops > 0 ? ` -> ${answer.finalPath} (${answer.finalStatus})` : ''}${broken ? '  BROKEN' : ''}\n`);
        }
      } finally {
        await folio.app.close();
        await runtime.close();
      }
      process.stderr.write(`${tally.total} URLs: ${tally.ok} answer 200, ${tally.redirected} redirect to a page, ${tally.gone} gone (410), ${tally.broken} broken${tally.files > 0 ? `; ${tally.files} file URLs (images, attachments) not checked` : ''}\n`);
      if (tally.broken > 0) process.exitCode = 1;
    });
  return urls;
}
