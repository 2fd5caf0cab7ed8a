/**
 * Plain-text tables for the operator's terminal. Names, e-mails and titles come from strangers
 * (commenters), so control characters are neutralised before they reach a terminal that would
 * obey them (ANSI escapes can rewrite the screen; bidi overrides can disguise text).
 */

// C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The string with every terminal control character replaced by U+FFFD. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, '\uFFFD');
}

/** The string cut to `max` characters (code points), with "…" marking the cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Columns padded to their widest cell, headers first; every cell made terminal-safe. */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [headers, ...rows].map((row) => row.map(terminalSafe));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length)));
  return cells
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length))).join('  ').trimEnd())
    .join('\n');
}
