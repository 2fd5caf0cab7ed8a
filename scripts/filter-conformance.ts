/**
 * Runs Drupal 7.34's own filter test vectors against Folio's filter stages and helpers.
 *
 *   node --import tsx scripts/filter-conformance.ts <drupal-7.34-filter-tests.json> [--verbose]
 *
 * Every case is run against the matching stage or helper and compared with its expectation.
 * Cases where Folio deliberately differs (docs/comment-format.md, "Where Folio differs from Drupal 7.34") are
 * listed in EXPECTED_DIFFERENCES with the decision behind them; they are reported, not failed.
 * The data file is not part of the project (docs/comment-format.md, "Checking against Drupal"): it
 * is read from the path given on the command line.
 * Exit status: 0 when every case passes or differs only as documented, 1 otherwise.
 */
import { readFileSync } from 'node:fs';
import { checkPlain } from '../src/filter/check-plain.ts';
import { decodeEntities } from '../src/filter/decode-entities.ts';
import { filterHtml, filterHtmlEscape } from '../src/filter/filter-html.ts';
import { DRUPAL_URL_SKIP_TAGS, filterUrl } from '../src/filter/filter-url.ts';
import { filterXss, filterXssAdmin } from '../src/filter/filter-xss.ts';
import { formatToString, runStage } from '../src/filter/format-text.ts';
import { validateUtf8 } from '../src/filter/text-validation.ts';
import { truncateUtf8 } from '../src/filter/truncate-utf8.ts';
import { checkUrl, stripDangerousProtocols } from '../src/filter/url-safety.ts';

interface Case {
  readonly filter: string;
  readonly input: string;
  readonly input_hex?: string;
  readonly expect?: string;
  readonly expect_contains?: readonly string[];
  readonly expect_not_contains?: readonly string[];
  readonly normalize?: string;
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly source: string;
  readonly test_message?: string | readonly string[];
}

interface Difference {
  readonly decision: string;
  readonly why: string;
  readonly applies: (c: Case) => boolean;
}

/** Where Folio differs on purpose. Each entry names the decision of docs/comment-format.md behind it. */
const EXPECTED_DIFFERENCES: readonly Difference[] = [
  {
    decision: 'docs/comment-format.md decision 4 (link rel)',
    why: 'links get rel="nofollow ugc noopener", so the exact string rel="nofollow" does not occur',
    applies: (c) => c.filter === 'html' && c.settings?.['filter_html_nofollow'] === 1,
  },
  {
    decision: 'docs/comment-format.md decision 5 (shortening by characters)',
    why: 'long link text keeps 20 characters and gains "…", not 20 bytes and "..."',
    applies: (c) => c.filter === 'url' && c.settings?.['filter_url_length'] === 20,
  },
  {
    decision: 'docs/comment-format.md decision 3 (protocol list, narrowed in docs/url-schemes.md)',
    why: 'only http, https, mailto and tel are linked; ftp:, sftp:, ssh:, news:, telnet:, irc:, webcal:, rtsp: are not',
    applies: (c) => c.filter === 'url' && /\b(?:ftp|sftp|ssh|news|telnet|irc|webcal|rtsp):/.test(c.input),
  },
  {
    decision: 'docs/comment-format.md decision 6 (HTML5 repair)',
    why: 'HTML5 turns a stray </p> into an empty <p></p> and </br> into a second <br>',
    applies: (c) => c.filter === 'htmlcorrector' && /<\/p>$|<\/br>/.test(c.input) && /<hr|<div|<\/br>/.test(c.input),
  },
  {
    decision: 'docs/comment-format.md decision 10 / full_html safety',
    why: 'script and style never survive the repair stage, so there is no CDATA wrapping to compare',
    applies: (c) => c.filter === 'htmlcorrector' && /<(?:script|style)/i.test(c.input),
  },
];

function settingNumber(c: Case, key: string, fallback: number): number {
  const value = c.settings?.[key];
  return typeof value === 'number' ? value : fallback;
}

/** Runs one case against Folio; `rejected` when docs/comment-format.md decision 1 refuses the input. */
function run(c: Case): { output: string; note: string } {
  let input = c.input;
  if (c.input_hex !== undefined) {
    const bytes = Buffer.from(c.input_hex, 'hex');
    // docs/comment-format.md decision 1: invalid UTF-8 is refused before any filter runs; nothing is rendered.
    if (!validateUtf8(bytes)) return { output: '', note: 'rejected as invalid UTF-8 (docs/comment-format.md decision 1)' };
    input = bytes.toString('utf8');
  }
  const settings = c.settings ?? {};
  switch (c.filter) {
    case 'autop':
      return { output: runStage('autop', input), note: '' };
    case 'url':
      return {
        output: filterUrl(input, { length: settingNumber(c, 'filter_url_length', 72), skipTags: DRUPAL_URL_SKIP_TAGS }),
        note: '',
      };
    case 'xss': {
      const tags = settings['allowed_tags'] as readonly string[] | undefined;
      const output = settings['function'] === 'filter_xss_admin' ? filterXssAdmin(input) : filterXss(input, tags);
      return { output, note: '' };
    }
    case 'html':
      return {
        output: filterHtml(input, {
          allowedHtml: settings['allowed_html'] as string | undefined,
          nofollow: settings['filter_html_nofollow'] === 1,
        }),
        note: '',
      };
    case 'htmlcorrector':
      return { output: runStage('repair', input, 'full_html'), note: 'full_html repair stage' };
    case 'decode_entities':
      return { output: decodeEntities(input), note: '' };
    case 'check_plain':
      return { output: checkPlain(input), note: '' };
    case 'check_url':
      return { output: checkUrl(input), note: '' };
    case 'strip_dangerous_protocols':
      return { output: stripDangerousProtocols(input), note: '' };
    case 'html_escape':
      return { output: filterHtmlEscape(input), note: 'plain_text escape stage' };
    case 'truncate_utf8':
      return {
        output: truncateUtf8(input, settingNumber(c, 'max_length', 0), {
          wordsafe: settings['wordsafe'] === true,
          addEllipsis: settings['add_ellipsis'] === true,
        }),
        note: '',
      };
    case 'pipeline':
      return { output: formatToString('filtered_html', input), note: 'filtered_html' };
    default:
      throw new Error(`unknown filter "${c.filter}"`);
  }
}

/** Checks an output against a case's expectations; returns the failed ones. */
function check(c: Case, output: string): string[] {
  const problems: string[] = [];
  let seen = output;
  if (c.normalize?.startsWith('lowercase(decode_entities')) seen = decodeEntities(output).toLowerCase();
  else if (c.normalize === 'case-insensitive') seen = output.toLowerCase();
  if (c.expect !== undefined && output !== c.expect) problems.push(`expected exactly ${JSON.stringify(c.expect)}`);
  for (const wanted of c.expect_contains ?? []) {
    if (!seen.includes(c.normalize === 'case-insensitive' ? wanted.toLowerCase() : wanted)) problems.push(`missing ${JSON.stringify(wanted)}`);
  }
  for (const unwanted of c.expect_not_contains ?? []) {
    if (seen.includes(c.normalize === 'case-insensitive' ? unwanted.toLowerCase() : unwanted)) problems.push(`contains ${JSON.stringify(unwanted)}`);
  }
  return problems;
}

function main(): number {
  const args = process.argv.slice(2);
  const path = args.find((a) => !a.startsWith('--'));
  const verbose = args.includes('--verbose');
  if (path === undefined) {
    console.error('usage: node --import tsx scripts/filter-conformance.ts <drupal-7.34-filter-tests.json> [--verbose]');
    return 2;
  }
  const cases = JSON.parse(readFileSync(path, 'utf8')) as Case[];
  const counts = { pass: 0, documented: 0, fixedAnyway: 0, fail: 0 };
  cases.forEach((c, index) => {
    const label = `#${String(index).padStart(3, '0')} ${c.filter.padEnd(24)}`;
    const difference = EXPECTED_DIFFERENCES.find((d) => d.applies(c));
    let problems: string[];
    let output = '';
    let note = '';
    try {
      ({ output, note } = run(c));
      problems = check(c, output);
    } catch (error) {
      problems = [`threw ${(error as Error).message}`];
    }
    const extra = note === '' ? '' : ` (${note})`;
    if (problems.length === 0) {
      if (difference) counts.fixedAnyway++;
      else counts.pass++;
      console.log(`PASS ${label}${extra}${difference ? ` [documented difference not triggered: ${difference.decision}]` : ''}`);
    } else if (difference) {
      counts.documented++;
      console.log(`DIFF ${label} ${difference.decision}: ${difference.why}`);
      if (verbose) console.log(`       ${problems.join('; ')}\n       got ${JSON.stringify(output)}`);
    } else {
      counts.fail++;
      console.log(`FAIL ${label}${extra} ${problems.join('; ')}\n       input ${JSON.stringify(c.input)}\n       got   ${JSON.stringify(output)}`);
    }
  });
  console.log(
    `\n${cases.length} cases: ${counts.pass + counts.fixedAnyway} pass, ${counts.documented} differ as documented, ${counts.fail} unexpected failures`,
  );
  return counts.fail === 0 ? 0 : 1;
}

process.exitCode = main();
