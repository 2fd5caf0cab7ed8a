/**
 * The filter module's entry points: `formatText` turns untrusted comment text into safe HTML;
 * `runStage` runs one stage of a format on its own (for the CLI and the conformance script).
 */
import { trustedHtml, type SafeHtml } from '../domain/safe-html.ts';
import { TEXT_FORMATS, type FormatName, type StageName } from './text-formats.ts';
import { FilterLimitError, findMarkupProblem } from './markup-limits.ts';
import { assertValidText } from './text-validation.ts';

/**
 * Renders `input` in `format`. Throws `FilterInputError` (an `Invalid`) for text holding NUL or
 * a lone surrogate (docs/comment-format.md decision 1), and `FilterLimitError` for markup over the format's bounds
 * (markup-limits.ts), before any stage runs. For filtered_html the result is a fixed point: formatting
 * `result.html` again returns the same HTML (docs/comment-format.md decision 8). plain_text escapes its input, so its
 * output is not (it would show the tags); full_html's repair stage is a plain corrector.
 */
export function formatText(format: FormatName, input: string): SafeHtml {
  return trustedHtml(formatToString(format, input));
}

/** `formatText` returning the plain string, for callers that store or compare the HTML. */
export function formatToString(format: FormatName, input: string): string {
  assertValidText(input);
  const checked = checkText(format, input);
  if ('limit' in checked) throw checked.limit;
  return runStages(checked.text);
}

/**
 * Text prepared for its format and found within the format's bounds: `formatChecked` renders it
 * without preparing and scanning it a second time (an importer checks every item before it
 * knows whether the item changed, and renders only those that did).
 */
export interface CheckedText {
  readonly format: FormatName;
  readonly input: string;
  readonly prepared: string;
  /** Only checkText makes one: text that skipped the bounds check cannot reach formatChecked. */
  readonly [checkedByCheckText]: true;
}

declare const checkedByCheckText: unique symbol;

/** The input prepared and checked against its format's bounds, or the `FilterLimitError` `formatText` would throw. */
export function checkText(format: FormatName, input: string): { readonly text: CheckedText } | { readonly limit: FilterLimitError } {
  const definition = TEXT_FORMATS[format];
  const prepared = definition.prepare(input);
  if (definition.limits !== null) {
    const problem = findMarkupProblem(prepared, definition.limits);
    if (problem !== null) return { limit: new FilterLimitError(problem, definition.limits) };
  }
  return { text: { format, input, prepared } as CheckedText };
}

/** What `formatText(text.format, text.input)` returns, from text `checkText` passed. */
export function formatChecked(text: CheckedText): SafeHtml {
  assertValidText(text.input);
  return trustedHtml(runStages(text));
}

function runStages(text: CheckedText): string {
  const definition = TEXT_FORMATS[text.format];
  let html = text.prepared;
  for (const stage of definition.stages) html = definition.run[stage](html);
  return html;
}

/**
 * The `FilterLimitError` `formatText` would throw for `input` in `format`, or null: for forms
 * that show it next to the field, and importers that skip the item with its message.
 */
export function formatLimitError(format: FormatName, input: string): FilterLimitError | null {
  const checked = checkText(format, input);
  return 'limit' in checked ? checked.limit : null;
}

/**
 * The HTML `formatText` returns, or the `FilterLimitError` it would throw, from one pass over
 * the input: for forms that show the limit next to the field and keep the HTML otherwise.
 * Text `formatText` refuses for its bytes (NUL, a lone surrogate) still throws.
 */
export function formatOrLimitError(format: FormatName, input: string): { readonly html: SafeHtml } | { readonly limit: FilterLimitError } {
  assertValidText(input);
  const checked = checkText(format, input);
  return 'limit' in checked ? checked : { html: trustedHtml(runStages(checked.text)) };
}

/**
 * Runs one stage of a format (default filtered_html) on `input` as given: no validation and no
 * preparation, exactly what that filter does inside the pipeline.
 */
export function runStage(stage: StageName, input: string, format: FormatName = 'filtered_html'): string {
  return TEXT_FORMATS[format].run[stage](input);
}
