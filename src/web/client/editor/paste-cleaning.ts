/**
 * Pasted HTML from Word and Google Docs, reduced before ProseMirror reads it: conditional
 * comments, Office namespaces (`<o:p>`), style sheets and metadata go. What is left is read by the
 * schema's parse rules, which keep only what staff_html keeps; the server's filter stays the
 * authority on what is stored.
 */
const CONDITIONAL_COMMENTS = /<!--\[if[\s\S]*?<!\[endif\]-->/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
const STYLE_OR_SCRIPT = /<(style|script|xml|meta|link|title)\b[\s\S]*?(?:<\/\1>|\/?>)/gi;
const OFFICE_TAGS = /<\/?(?:o|w|m|v|st1):[^>]*>/gi;

/** The pasted HTML without Office and Docs markup. */
export function cleanPastedHtml(html: string): string {
  return html.replace(CONDITIONAL_COMMENTS, '').replace(COMMENTS, '').replace(STYLE_OR_SCRIPT, '').replace(OFFICE_TAGS, '');
}
