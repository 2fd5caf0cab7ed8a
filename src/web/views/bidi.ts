import type { SafeHtml } from '../../domain/safe-html.ts';
import { hasUnclosedBidi } from '../../text/bidi-controls.ts';
import { html } from './html.ts';

/**
 * Reader-written text (a name, a subject) for element content: wrapped in `<bdi>` when it leaves
 * a bidi embedding, override or isolate open, so it cannot reorder what the page prints after it
 * (issue 10). Text that closes what it opens is printed as is.
 */
export function readerText(text: string): SafeHtml {
  return hasUnclosedBidi(text) ? html`<bdi>${text}</bdi>` : html`${text}`;
}
