import { diffWords } from 'diff';
import type { Lang } from '../domain/errors.ts';

/** A run of text that is in both versions, only in the newer (inserted) or only in the older (deleted). */
export interface DiffPart {
  readonly kind: 'same' | 'ins' | 'del';
  readonly text: string;
}

/** One line (a block of a body, or a whole title) of a diff. */
export type DiffLine = readonly DiffPart[];

const segmenters = new Map<Lang, Intl.Segmenter>();

/**
 * Word segmentation by the Unicode rules (UAX #29) rather than jsdiff's own word pattern, which
 * knows only Latin letters: without it an Arabic word is split into single letters, and a changed
 * word shows as a scatter of changed letters.
 */
function segmenter(lang: Lang): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) segmenters.set(lang, (s = new Intl.Segmenter(lang, { granularity: 'word' })));
  return s;
}

/** How far a diff may go before it gives up (jsdiff's abortable mode). */
export interface DiffLimits {
  /** The most words (tokens) inserted plus deleted. */
  readonly maxEditLength: number;
  /** Milliseconds of work, whatever the edit length (Myers' algorithm is quadratic in the worst case). */
  readonly timeout: number;
}

/**
 * The default limits: far beyond any real edit of an article (a 10,000-word rewrite is 20,000
 * edits), and a second of one core at most, since the diff runs on the server's event loop.
 */
export const DIFF_LIMITS: DiffLimits = Object.freeze({ maxEditLength: 40_000, timeout: 1000 });

/**
 * A word-level diff of two texts given as lines (a body's blocks, or one line for a title). The
 * comparison runs over the whole text, so a sentence moved to the next paragraph is still the same
 * words; the result is cut back into the newer version's lines (deleted lines among them).
 */
export function wordDiff(before: readonly string[], after: readonly string[], lang: Lang, limits: DiffLimits = DIFF_LIMITS): DiffLine[] {
  const changes = diffWords(before.join('\n'), after.join('\n'), { intlSegmenter: segmenter(lang), ...limits });
  // Past the limits (a long article rewritten from top to bottom), the diff says so plainly: all of
  // the old text went, all of the new came, rather than holding the server for minutes.
  if (changes === undefined) return [...before.map((text) => [{ kind: 'del' as const, text }]), ...after.map((text) => [{ kind: 'ins' as const, text }])];
  const lines: DiffPart[][] = [[]];
  for (const change of changes) {
    const kind = change.added ? 'ins' : change.removed ? 'del' : 'same';
    change.value.split('\n').forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece !== '') lines.at(-1)!.push({ kind, text: piece });
    });
  }
  return lines.filter((line) => line.some((p) => p.text.trim() !== ''));
}

/** Whether a diff shows any change at all. */
export function hasChanges(lines: readonly DiffLine[]): boolean {
  return lines.some((line) => line.some((p) => p.kind !== 'same'));
}
