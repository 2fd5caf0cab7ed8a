import { once } from 'node:events';
import { Command } from 'commander';
import { Invalid } from '../domain/errors.ts';
import { FORMAT_NAMES, FilterInputError, FilterLimitError, decodeUtf8Strict, formatToString, runStage, type FormatName, type StageName } from '../filter/index.ts';
import { byteLines, readAllBytes, tooLongLine } from './byte-lines.ts';

const STAGES: readonly StageName[] = ['url', 'html', 'autop', 'repair'];

// The CLI names the byte-level problem itself: the filter's own messages speak to someone
// typing into a form ("Please type or paste it again"), not to someone piping a file.
const BYTE_PROBLEMS = { invalid_utf8: 'is not valid UTF-8', nul: 'contains a NUL byte' } as const;
const STRING_PROBLEMS = { invalid_utf8: 'holds a lone surrogate escape, which is not valid UTF-8', nul: 'holds a NUL character (\\u0000)' } as const;

function parseFormat(raw: string | undefined): FormatName {
  if (raw === undefined) throw new Invalid(`name a format: folio format <${FORMAT_NAMES.join(' | ')}>`);
  if (!(FORMAT_NAMES as readonly string[]).includes(raw)) throw new Invalid(`the format must be one of ${FORMAT_NAMES.join(', ')} (got "${raw}")`);
  return raw as FormatName;
}

function parseStage(raw: string | undefined): StageName | undefined {
  if (raw === undefined) return undefined;
  if (!(STAGES as readonly string[]).includes(raw)) throw new Invalid(`--stage must be one of ${STAGES.join(', ')} (got "${raw}")`);
  return raw as StageName;
}

/** Decodes bytes strictly; `where` ("stdin", "line 3") starts the one-line error. */
function decode(bytes: Uint8Array, where: string): string {
  try {
    return decodeUtf8Strict(bytes);
  } catch (err) {
    if (err instanceof FilterInputError) throw new Invalid(`${where} ${BYTE_PROBLEMS[err.problem]}`);
    throw err;
  }
}

function render(format: FormatName, stage: StageName | undefined, text: string): string {
  // A stage alone runs exactly as runStage does (no validation, no preparation), so the
  // conformance data can feed it what Drupal's own tests fed each filter.
  return stage === undefined ? formatToString(format, text) : runStage(stage, text, format);
}

/** Writes and waits while the pipe is full, so a long --jsonl run holds one line at a time. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

function parseJsonString(text: string, number: number): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Invalid(`line ${number} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (typeof value !== 'string') throw new Invalid(`line ${number} must be one JSON string (got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value})`);
  return value;
}

/** Formats one --jsonl line; every refusal is an `Invalid` naming the line. */
function formatLine(format: FormatName, stage: StageName | undefined, bytes: Uint8Array, number: number): string | null {
  const text = decode(bytes, `line ${number}`);
  // Blank lines carry no string: they are skipped (an editor's trailing newline is common),
  // and errors still count physical lines so they point at the right place.
  if (text.trim() === '') return null;
  const input = parseJsonString(text, number);
  try {
    return render(format, stage, input);
  } catch (err) {
    // A JSON escape can still carry what the bytes could not (\u0000, a lone \ud800).
    if (err instanceof FilterInputError) throw new Invalid(`line ${number}: the string ${STRING_PROBLEMS[err.problem]}`);
    if (err instanceof FilterLimitError) throw new Invalid(`line ${number}: ${err.message}`);
    throw err;
  }
}

/**
 * One output line per non-blank input line: the HTML as a JSON string, or `{"error": "…"}` for a
 * refused line, so one bad line in a batch neither stops the rest nor shifts their answers.
 * Returns how many lines were answered and how many of them were refused.
 */
async function formatJsonLines(format: FormatName, stage: StageName | undefined): Promise<{ answered: number; refused: number }> {
  let answered = 0;
  let refused = 0;
  for await (const line of byteLines(process.stdin, { overlong: 'report' })) {
    let out: string;
    try {
      if (line.overlong) throw tooLongLine(line.number);
      const html = formatLine(format, stage, line.bytes, line.number);
      if (html === null) continue;
      out = JSON.stringify(html);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      out = JSON.stringify({ error: err.message });
      refused += 1;
    }
    answered += 1;
    await write(`${out}\n`);
  }
  return { answered, refused };
}

/** `folio format`: the HTML a comment typed in a format would publish as, from stdin. */
export function formatCommand(): Command {
  return new Command('format')
    .description(`print the HTML a text would be published as, read from stdin (format: ${FORMAT_NAMES.join(' | ')}); needs no database`)
    .usage('<format> [options]')
    .argument('[format]', FORMAT_NAMES.join(' | '))
    .option('--jsonl', 'one JSON string per input line in, one JSON string of HTML (or {"error": "…"}) per line out, streamed; blank lines are skipped')
    .option('--stage <stage>', `run one stage alone (${STAGES.join(' | ')}), as the pipeline runs it: no input check, no preparation`)
    .option('--database <url>', 'accepted like every command; ignored, format opens no database')
    .addHelpText('after', [
      '',
      'Input must be UTF-8 without NUL bytes, within the markup bounds (nesting, attributes, tags), or it is refused.',
      'Without --jsonl the HTML is printed followed by one newline, and a refused input stops with one line and exit code 2.',
      'With --jsonl output is exact and every line is processed: a refused line is answered on its own output line',
      'with {"error": "line N …"}. Exit code 0 when every line was formatted, 1 when any line was refused.',
    ].join('\n'))
    .action(async (rawFormat: string | undefined, options: { jsonl?: boolean; stage?: string }) => {
      const format = parseFormat(rawFormat);
      const stage = parseStage(options.stage);
      // A reader that closes early (| head) is not an error: stop quietly, as Unix tools do.
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(0);
        throw err;
      });
      if (options.jsonl) {
        const { answered, refused } = await formatJsonLines(format, stage);
        if (refused > 0) {
          process.stderr.write(`folio: ${refused} of ${answered} lines refused (answered with {"error": …})\n`);
          process.exitCode = 1;
        }
        return;
      }
      const text = decode(await readAllBytes(process.stdin), 'stdin');
      await write(`${render(format, stage, text)}\n`);
    });
}
