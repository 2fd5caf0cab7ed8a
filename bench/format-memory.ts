/**
 * Peak memory of formatting hostile comments at the size limit (issue 10: some generated inputs
 * grew memory by 385–579 MiB). Each shape runs in a fresh process, so one shape's garbage is not
 * another's peak; the figure is the process's peak RSS minus its RSS just before formatting.
 * Shapes over a markup bound are refused before parsing (markup-limits.ts); the others are the
 * worst the bounds still accept. Target: under 64 MiB each.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { COMMENT_LIMITS } from '../src/domain/comment-form.ts';
import { formatToString, MARKUP_LIMITS, type FormatName } from '../src/filter/index.ts';

const SIZE = COMMENT_LIMITS.comment;

function fill(unit: (i: number) => string): string {
  let out = '';
  for (let i = 0; out.length < SIZE; i++) out += unit(i);
  return out.slice(0, SIZE);
}

/** `depth` distinct inline elements (so the parser cannot merge them), then paragraphs to the limit. */
function openThenParagraphs(depth: number, tag = 'em'): string {
  let out = '';
  for (let i = 0; i < depth; i++) out += `<${tag} lang="a-${i}">`;
  return out + 'x\n\n'.repeat(Math.floor((SIZE - out.length) / 3));
}

/** The shapes, by name: the comment text each one formats. */
export const HOSTILE_SHAPES: Readonly<Record<string, () => string>> = {
  'deep nesting (refused)': () => '<em>'.repeat(SIZE / 4),
  'unclosed emphasis per paragraph (refused)': () => fill(() => '<em>x\n\n'),
  'distinct emphasis per paragraph (refused)': () => fill((i) => `<em lang="a-${i}">x\n\n`),
  'many attributes on one tag (refused)': () => `<em ${'lang=x '.repeat(2_800)}>x`,
  'nested lists (refused)': () => fill(() => '<ul><li>'),
  'widest accepted: open elements at the bound, then paragraphs': () => openThenParagraphs(MARKUP_LIMITS.depth),
  'open elements at the bound, nested in quotes, then paragraphs': () => `${'<blockquote>'.repeat(10)}${openThenParagraphs(MARKUP_LIMITS.depth - 10, 'strong')}`,
  'a link on every line': () => fill((i) => `www.x${i}.com\n`),
  'a tag every three characters': () => fill(() => '<br>'),
};

/** Formats one shape in this process and prints its peak growth in bytes (child side). */
function measureHere(name: string, format: FormatName): void {
  const text = HOSTILE_SHAPES[name]!();
  formatToString(format, '<em>warm-up</em> www.example.com\n\nok');
  const before = process.memoryUsage().rss;
  let outcome = 'formatted';
  try {
    formatToString(format, text);
  } catch (err) {
    outcome = `refused: ${(err as Error).message}`;
  }
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ growth: Math.max(0, peak - before), outcome }));
}

/** One row per shape and format: peak RSS growth in MiB, and whether it was formatted or refused. */
export function measureFormatMemory(formats: readonly FormatName[] = ['filtered_html', 'full_html']): { shape: string; format: FormatName; mib: number; outcome: string }[] {
  const self = fileURLToPath(import.meta.url);
  const rows = [];
  for (const shape of Object.keys(HOSTILE_SHAPES)) {
    for (const format of formats) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', shape, format], { encoding: 'utf8' });
      const { growth, outcome } = JSON.parse(out) as { growth: number; outcome: string };
      rows.push({ shape, format, mib: growth / 2 ** 20, outcome });
    }
  }
  return rows;
}

if (process.argv[2] === '--child') measureHere(process.argv[3]!, process.argv[4] as FormatName);
