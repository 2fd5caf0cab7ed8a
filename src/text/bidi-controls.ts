/**
 * Unicode bidirectional formatting controls (UAX #9): which ones a text leaves open, the
 * characters that close them, and removing them. An embedding (LRE, RLE), override (LRO, RLO)
 * or isolate (LRI, RLI, FSI) left open in reader-written text reorders whatever the page prints
 * after it: the rest of a comment, the "(not verified)" after a name, the site name in a title.
 * Pure functions; no I/O.
 */

/** Starts of embeddings and overrides: LRE, RLE, LRO, RLO. */
const EMBEDDING_STARTS = new Set([0x202a, 0x202b, 0x202d, 0x202e]);
/** Starts of isolates: LRI, RLI, FSI. */
const ISOLATE_STARTS = new Set([0x2066, 0x2067, 0x2068]);
const PDF = 0x202c;
const PDI = 0x2069;

/** The closer of an embedding or override. */
export const POP_DIRECTIONAL_FORMATTING = '\u202C';
/** The closer of an isolate. */
export const POP_DIRECTIONAL_ISOLATE = '\u2069';

// The scoped controls: embeddings, overrides, their closer, isolates and theirs. The marks (LRM,
// RLM, ALM) affect one position only and are left alone.
const SCOPED_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const SCOPED_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

type Scope = 'embedding' | 'isolate';

/**
 * Follows UAX #9's rules X1–X8 for what is open as text goes by: a PDF closes the innermost
 * embedding unless an isolate opened after it (then it is ignored); a PDI closes the innermost
 * isolate and every embedding opened inside it, and is ignored when no isolate is open.
 */
export class BidiTracker {
  private readonly scopes: Scope[] = [];

  /** How many embeddings, overrides and isolates are open. */
  get depth(): number {
    return this.scopes.length;
  }

  /** Reads `text`, updating what is open. */
  feed(text: string): void {
    if (!SCOPED_CONTROL.test(text)) return;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x202a || code > 0x2069) continue;
      if (EMBEDDING_STARTS.has(code)) this.scopes.push('embedding');
      else if (ISOLATE_STARTS.has(code)) this.scopes.push('isolate');
      else if (code === PDF) {
        if (this.scopes[this.scopes.length - 1] === 'embedding') this.scopes.pop();
      } else if (code === PDI) {
        const isolate = this.scopes.lastIndexOf('isolate');
        if (isolate !== -1) this.scopes.length = isolate;
      }
    }
  }

  /** The characters that close everything opened since depth `to` (innermost first), and closes it. */
  closeTo(to = 0): string {
    let out = '';
    while (this.scopes.length > to) out += this.scopes.pop() === 'isolate' ? POP_DIRECTIONAL_ISOLATE : POP_DIRECTIONAL_FORMATTING;
    return out;
  }
}

/** The characters that close what `text` leaves open, innermost first ('' when nothing is). */
export function bidiClosers(text: string): string {
  if (!SCOPED_CONTROL.test(text)) return '';
  const tracker = new BidiTracker();
  tracker.feed(text);
  return tracker.closeTo(0);
}

/** True when `text` leaves an embedding, override or isolate open. */
export function hasUnclosedBidi(text: string): boolean {
  return bidiClosers(text) !== '';
}

/** `text` with what it leaves open closed at its end. */
export function closeBidi(text: string): string {
  return text + bidiClosers(text);
}

/** `text` without embedding, override and isolate controls (for a page title, an attribute). */
export function stripBidiControls(text: string): string {
  return SCOPED_CONTROL.test(text) ? text.replace(SCOPED_CONTROLS, '') : text;
}
