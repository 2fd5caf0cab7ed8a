import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatToString, runStage } from '../../src/filter/index.ts';
import { runCliWithInput } from '../support/run-cli.ts';

// Each run starts a process (most of a second), so cases share runs through --jsonl where they can.

const oneLine = (stderr: string) => assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
const jsonl = (texts: readonly string[]) => texts.map((t) => JSON.stringify(t)).join('\n');
const parsed = (stdout: string) => stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as string);

describe('folio format', () => {
  test('prints what the format publishes, plus one newline (docs/comment-format.md §4.3 example), opening no database', async () => {
    // The --database is accepted like every command's, and never opened: this one could not be.
    const res = await runCliWithInput(['format', 'filtered_html', '--database', 'sqlite:/nonexistent/dir/folio.db'], 'aaa\nbbb\n\nccc');
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout, '<p>aaa<br />\nbbb</p>\n<p>ccc</p>\n');
    assert.equal(res.stderr, '');
  });

  test('each format filters as it does for a comment', async () => {
    const texts = ['see www.example.com <script>alert(0)</script><b>b</b> & more', '<b>x</b>', 'دروبال\r\nسطر'];
    const expected: Record<string, string> = { plain_text: '<p>&lt;b&gt;x&lt;/b&gt;</p>', filtered_html: '<p>x</p>', full_html: '<p><b>x</b></p>' };
    for (const format of ['filtered_html', 'plain_text', 'full_html'] as const) {
      const res = await runCliWithInput(['format', format, '--jsonl'], jsonl(texts));
      assert.equal(res.code, 0, res.stderr);
      const out = parsed(res.stdout);
      assert.deepEqual(out, texts.map((t) => formatToString(format, t)));
      assert.equal(out[1], expected[format]);
    }
  });

  test('--stage runs one stage alone, without preparation or the other stages', async () => {
    const url = await runCliWithInput(['format', 'filtered_html', '--stage', 'url'], 'see www.example.com');
    assert.equal(url.stdout, 'see <a href="http://www.example.com">www.example.com</a>\n');
    // docs/comment-format.md §4.3: the line-break filter alone ends with its own newline.
    const autop = await runCliWithInput(['format', 'filtered_html', '--stage', 'autop'], 'aaa\nbbb\n\nccc');
    assert.equal(autop.stdout, '<p>aaa<br />\nbbb</p>\n<p>ccc</p>\n\n');
    const repair = await runCliWithInput(['format', 'full_html', '--stage', 'repair'], '<p>text<p><p>text');
    assert.equal(repair.stdout, `${runStage('repair', '<p>text<p><p>text', 'full_html')}\n`);
    assert.notEqual(repair.stdout, '<p>text<p><p>text\n');
    // With --jsonl, as the conformance script runs it: strings reach the stage as decoded, even a
    // \u0000 escape (the stage alone does no input check). docs/comment-format.md §2.1: a disallowed element goes, its text stays.
    const html = await runCliWithInput(['format', 'filtered_html', '--stage', 'html', '--jsonl'], jsonl(['<script>alert(0)</script><em>x</em>', 'o\u0000nfocus']));
    assert.equal(html.code, 0, html.stderr);
    assert.deepEqual(parsed(html.stdout), ['alert(0)<em>x</em>', runStage('html', 'o\u0000nfocus')]);
  });

  test('--jsonl: one JSON string in, one out, per line; CRLF accepted, blank lines skipped', async () => {
    const texts = ['aaa\nbbb\n\nccc', 'دروبال www.example.com', '<a href="javascript:alert(0)">x</a>', ''];
    const input = `${JSON.stringify(texts[0])}\r\n\n${jsonl(texts.slice(1))}\n   \n`;
    const res = await runCliWithInput(['format', 'filtered_html', '--jsonl'], input);
    assert.equal(res.code, 0, res.stderr);
    const lines = res.stdout.split('\n');
    assert.equal(lines.pop(), '');
    assert.deepEqual(lines.map((l) => JSON.parse(l)), texts.map((t) => formatToString('filtered_html', t)));
  });

  test('invalid UTF-8 and NUL bytes are refused: one line naming the problem, exit 2', async () => {
    const cases: [string[], Uint8Array, RegExp][] = [
      [[], Buffer.from([0xc0, 0x61, 0x61, 0x61]), /^folio: stdin is not valid UTF-8\n$/],
      [['--stage', 'html'], Buffer.from('a\u0000b'), /^folio: stdin contains a NUL byte\n$/],
      [['--jsonl'], Buffer.concat([Buffer.from('"ok"\n"b'), Buffer.from([0xff]), Buffer.from('"\n')]), /^folio: line 2 is not valid UTF-8\n$/],
      [['--jsonl'], Buffer.from('"ok"\n\n"a\u0000"\n'), /^folio: line 3 contains a NUL byte\n$/],
      // A JSON escape can carry what raw bytes cannot; the whole pipeline still refuses it.
      [['--jsonl'], Buffer.from('"ok"\n"a\\u0000"\n"\\ud800"\n'), /^folio: line 2: the string holds a NUL character/],
      [['--jsonl'], Buffer.from('"ok"\n42\n"never"\n'), /^folio: line 2 must be one JSON string \(got number\)\n$/],
    ];
    for (const [extra, bytes, message] of cases) {
      const res = await runCliWithInput(['format', 'filtered_html', ...extra], bytes);
      assert.equal(res.code, 2, `${extra.join(' ')}: ${res.stderr}`);
      oneLine(res.stderr);
      assert.match(res.stderr, message);
      // Lines before the bad one are already out; nothing after it is.
      if (extra.includes('--jsonl')) assert.equal(res.stdout, '"<p>ok</p>"\n');
    }
  });

  test('an unknown format or stage is one line and exit 2', async () => {
    for (const [args, message] of [
      [['format', 'html'], /the format must be one of filtered_html, plain_text, full_html \(got "html"\)/],
      [['format', 'plain_text', '--stage', 'xss'], /--stage must be one of url, html, autop, repair \(got "xss"\)/],
    ] as const) {
      const res = await runCliWithInput(args, 'x');
      assert.equal(res.code, 2, res.stderr);
      oneLine(res.stderr);
      assert.match(res.stderr, message);
    }
  });
});
