/**
 * HTML that may be written into a page unescaped. Only two producers exist: the view
 * templates (which escape every interpolated value) and the comment filter (whose output
 * is allow-listed). Everything else is plain text and gets escaped.
 */
export interface SafeHtml {
  readonly html: string;
  readonly safe: true;
}

class TrustedHtml implements SafeHtml {
  readonly safe = true as const;
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/** Marks markup as safe. Call it only on output you have escaped or sanitised yourself. */
export function trustedHtml(html: string): SafeHtml {
  return new TrustedHtml(html);
}

/** True for values made by `trustedHtml` (a plain object with `safe: true` is not trusted). */
export function isSafeHtml(value: unknown): value is SafeHtml {
  return value instanceof TrustedHtml;
}
