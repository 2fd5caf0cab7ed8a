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
    ];
    for (const [extra, bytes, message] of cases) {
      const res = await runCliWithInput(['format', 'filtered_html', ...extra], bytes);
      assert.equal(res.code, 2, `${extra.join(' ')}: ${res.stderr}`);
      oneLine(res.stderr);
      assert.match(res.stderr, message);
    }
  });

  test('--jsonl: a refused line is answered with {"error"} on its own output line, the rest still run, exit 1', async () => {
    const cases: [Uint8Array, RegExp][] = [
      [Buffer.concat([Buffer.from('"ok"\n"b'), Buffer.from([0xff]), Buffer.from('"\n"after"\n')]), /^line 2 is not valid UTF-8$/],
      // The blank line 2 is skipped (no output line), so the error names physical line 3.
      [Buffer.from('"ok"\n\n"a\u0000"\n"after"\n'), /^line 3 contains a NUL byte$/],
      // A JSON escape can carry what raw bytes cannot; the whole pipeline still refuses it.
      [Buffer.from('"ok"\n"a\\u0000"\n"after"\n'), /^line 2: the string holds a NUL character/],
      [Buffer.from('"ok"\n"\\ud800"\n"after"\n'), /^line 2: the string holds a lone surrogate/],
      [Buffer.from('"ok"\n42\n"after"\n'), /^line 2 must be one JSON string \(got number\)$/],
      [Buffer.from('"ok"\n{"a":\n"after"\n'), /^line 2 is not JSON: /],
    ];
    for (const [bytes, message] of cases) {
      const res = await runCliWithInput(['format', 'filtered_html', '--jsonl'], bytes);
      assert.equal(res.code, 1, res.stderr);
      const lines = res.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
      assert.equal(lines.length, 3, res.stdout);
      assert.equal(lines[0], '<p>ok</p>');
      const error = lines[1] as { error: string };
      assert.deepEqual(Object.keys(error), ['error']);
      assert.match(error.error, message);
      assert.equal(lines[2], '<p>after</p>');
      oneLine(res.stderr);
      assert.match(res.stderr, /^folio: 1 of 3 lines refused/);
    }
  });

  test('markup over a bound: one line and exit 2, or with --jsonl an {"error"} line and the rest formatted', async () => {
    const deep = `${'<em>'.repeat(20_000)}x`;
    const single = await runCliWithInput(['format', 'filtered_html'], deep);
    assert.equal(single.code, 2, single.stderr);
    oneLine(single.stderr);
    assert.match(single.stderr, /^folio: The text nests HTML tags more than 40 levels deep/);
    assert.equal(single.stdout, '');
    const wide = `<a ${'title=x '.repeat(1_000)}>x</a>`;
    const batch = await runCliWithInput(['format', 'full_html', '--jsonl'], jsonl(['ok', deep, wide, 'after']));
    assert.equal(batch.code, 1, batch.stderr);
    const lines = batch.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
    assert.deepEqual(lines[0], '<p>ok</p>');
    assert.match((lines[1] as { error: string }).error, /^line 2: The text nests HTML tags more than 40 levels deep/);
    assert.match((lines[2] as { error: string }).error, /^line 3: A tag in the text has more than 64 attributes/);
    assert.deepEqual(lines[3], '<p>after</p>');
    assert.match(batch.stderr, /^folio: 2 of 4 lines refused/);
  });

  test('--jsonl: exit 0 when every line is formatted, even with only blank lines', async () => {
    for (const input of ['"a"\n"b"\n', '\n\n', '']) {
      const res = await runCliWithInput(['format', 'filtered_html', '--jsonl'], input);
      assert.equal(res.code, 0, res.stderr);
      assert.equal(res.stderr, '');
    }
  });

  test('an unknown format or stage is one line and exit 2', async () => {
    for (const [args, message] of [
      [['format', 'html'], /the format must be one of filtered_html, plain_text, full_html, staff_html \(got "html"\)/],
      [['format', 'plain_text', '--stage', 'xss'], /--stage must be one of url, html, autop, repair \(got "xss"\)/],
    ] as const) {
      const res = await runCliWithInput(args, 'x');
      assert.equal(res.code, 2, res.stderr);
      oneLine(res.stderr);
      assert.match(res.stderr, message);
    }
  });
});
