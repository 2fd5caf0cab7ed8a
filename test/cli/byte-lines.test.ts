import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_INPUT_BYTES, byteLines, readAllBytes, readFirstLine } from '../../src/cli/byte-lines.ts';

async function* chunks(...parts: (string | Buffer)[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield typeof p === 'string' ? Buffer.from(p) : p;
}

async function lines(...parts: (string | Buffer)[]): Promise<[number, string][]> {
  const out: [number, string][] = [];
  for await (const line of byteLines(chunks(...parts))) out.push([line.number, line.bytes.toString('latin1')]);
  return out;
}

describe('byteLines', () => {
  test('splits on LF and CRLF wherever the chunks break, numbering every line', async () => {
    assert.deepEqual(await lines('a\nb', 'c\r', '\n\n', 'd'), [[1, 'a'], [2, 'bc'], [3, ''], [4, 'd']]);
    assert.deepEqual(await lines('a\n'), [[1, 'a']]);
    assert.deepEqual(await lines(''), []);
    assert.deepEqual(await lines('\n'), [[1, '']]);
  });

  test('keeps bytes as they are: a multi-byte character split across chunks, invalid bytes', async () => {
    const alef = Buffer.from('ا');
    const out: Buffer[] = [];
    for await (const line of byteLines(chunks(alef.subarray(0, 1), Buffer.concat([alef.subarray(1), Buffer.from([0xff, 0x0a])])))) out.push(line.bytes);
    assert.deepEqual(out, [Buffer.concat([alef, Buffer.from([0xff])])]);
  });

  test('a line longer than the limit is refused rather than held', async () => {
    const big = Buffer.alloc(MAX_INPUT_BYTES + 1, 0x61);
    await assert.rejects(lines(big), /line 1 is longer than 16 MiB/);
    await assert.rejects(readAllBytes(chunks(big)), /stdin is longer than 16 MiB/);
  });

  test("overlong: 'report' yields an overlong line marked and empty, and goes on with the next", async () => {
    const big = Buffer.alloc(MAX_INPUT_BYTES + 1, 0x61);
    const half = Buffer.alloc(MAX_INPUT_BYTES / 2 + 1, 0x62);
    const cases: [Buffer[], [number, string, boolean][]][] = [
      [[Buffer.from('a\n'), big, Buffer.from('\nc\n')], [[1, 'a', false], [2, '', true], [3, 'c', false]]],
      // Overlong only once two chunks are joined, and its end in a later chunk with the next line.
      [[Buffer.from('a\n'), half, half, half, Buffer.from('x\nc')], [[1, 'a', false], [2, '', true], [3, 'c', false]]],
      // Overlong up to the end of input, without a final newline.
      [[Buffer.from('a\n'), big], [[1, 'a', false], [2, '', true]]],
      // Overlong inside one chunk that also holds the line ending.
      [[Buffer.concat([Buffer.from('a\n'), big, Buffer.from('\nc')])], [[1, 'a', false], [2, '', true], [3, 'c', false]]],
    ];
    for (const [parts, expected] of cases) {
      const out: [number, string, boolean][] = [];
      for await (const line of byteLines(chunks(...parts), { overlong: 'report' })) out.push([line.number, line.bytes.toString(), line.overlong === true]);
      assert.deepEqual(out, expected);
    }
  });

  test('readFirstLine stops at the first line', async () => {
    assert.equal((await readFirstLine(chunks('secret pass', 'word\r\nsecond\n')))?.toString(), 'secret password');
    assert.equal(await readFirstLine(chunks()), undefined);
    assert.equal((await readAllBytes(chunks('a', 'b'))).toString(), 'ab');
  });
});
