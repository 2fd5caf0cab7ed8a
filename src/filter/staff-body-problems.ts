/**
 * What a staff body still lacks before it may be published, read from staff_html's output. The
 * format itself never refuses: a draft may be incomplete, and nothing a writer typed is lost.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { TipLanguage } from './tip-strings.ts';

/** An image without a text alternative (`alt` empty): readers of screen readers get nothing. */
export interface MissingAltProblem {
  readonly code: 'image-alt-missing';
  /** The image's address, so the form can say which one. */
  readonly src: string;
}

/** A reason the body may not be published yet. */
export type StaffBodyProblem = MissingAltProblem;

type Node = DefaultTreeAdapterMap['childNode'];

/** The problems of a body already formatted as staff_html, in document order. */
export function staffBodyProblems(html: string): StaffBodyProblem[] {
  if (!html.includes('<img')) return [];
  const problems: StaffBodyProblem[] = [];
  // Depth first, children pushed in reverse: document order without re-shifting the array.
  const pending: Node[] = [...parseFragment(html).childNodes].reverse();
  while (pending.length > 0) {
    const node = pending.pop() as Node;
    if (!('tagName' in node)) continue;
    if (node.tagName === 'img') {
      const alt = node.attrs.find((a) => a.name === 'alt')?.value ?? '';
      if (alt.trim() === '') problems.push({ code: 'image-alt-missing', src: node.attrs.find((a) => a.name === 'src')?.value ?? '' });
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) pending.push(node.childNodes[i] as Node);
  }
  return problems;
}

/** The problem as one sentence for the editor's form (plain text; views escape it). */
export function staffBodyProblemMessage(problem: StaffBodyProblem, lang: TipLanguage): string {
  return lang === 'ar'
    ? `الصورة ${problem.src} بلا نص بديل: اكتب وصفًا لها في السمة alt قبل النشر.`
    : `The image ${problem.src} has no text alternative: describe it in its alt attribute before publishing.`;
}
