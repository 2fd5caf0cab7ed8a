/**
 * Pasted HTML from Word and Google Docs, reduced before ProseMirror reads it: conditional
 * comments, Office namespaces (`<o:p>`), style sheets and metadata go, and what the inline styles
 * meant is made into elements (a span styled bold becomes `<strong>`; Docs' `<b>` styled back to
 * normal around a whole paste is removed). The styles are read from the attribute text, because
 * the site's CSP (no inline style) keeps them out of `element.style`. What is left is read by the
 * schema's parse rules, which keep only what staff_html keeps; the server's filter stays the
 * authority on what is stored.
 */
const CONDITIONAL_COMMENTS = /<!--\[if[\s\S]*?<!\[endif\]-->/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
const WITH_CONTENT = /<(style|script|xml|title|head)\b[\s\S]*?<\/\1\s*>/gi;
const VOID_METADATA = /<(?:meta|link)\b[^>]*>/gi;
const OFFICE_TAGS = /<\/?(?:o|w|m|v|st1):[^>]*>/gi;
// Renamed before parsing, so the page's CSP is never asked to apply an inline style or handler
// (it would refuse, and report each one); the style's text is still read below.
const STYLE_ATTRIBUTE = /(\s)style\s*=/gi;
const HANDLER_ATTRIBUTE = /(\s)on[a-z]+\s*=/gi;
const STYLE_KEPT = 'data-pasted-style';

const NOT_BOLD = /font-weight\s*:\s*(?:normal|[1-5]00)\b/i;
const NOT_ITALIC = /font-style\s*:\s*normal\b/i;
const BOLD = /font-weight\s*:\s*(?:bold|[6-9]00)\b/i;
const ITALIC = /font-style\s*:\s*italic\b/i;

function unwrap(element: Element): void {
  element.replaceWith(...element.childNodes);
}

function wrapContent(element: Element, tag: string): void {
  const mark = element.ownerDocument.createElement(tag);
  mark.append(...element.childNodes);
  element.append(mark);
}

/** The pasted HTML without Office and Docs markup, its meaningful styles made elements. */
export function cleanPastedHtml(html: string): string {
  const text = html.replace(CONDITIONAL_COMMENTS, '').replace(COMMENTS, '').replace(WITH_CONTENT, '').replace(VOID_METADATA, '')
    .replace(OFFICE_TAGS, '').replace(STYLE_ATTRIBUTE, `$1${STYLE_KEPT}=`).replace(HANDLER_ATTRIBUTE, '$1data-pasted-handler=');
  // An inert document: nothing in the paste loads or runs while it is read.
  const doc = new DOMParser().parseFromString(text, 'text/html');
  for (const element of [...doc.body.querySelectorAll('*')].reverse()) {
    const style = element.getAttribute(STYLE_KEPT) ?? '';
    const tag = element.localName;
    if ((tag === 'b' || tag === 'strong') && (NOT_BOLD.test(style) || element.id.startsWith('docs-internal-guid'))) {
      unwrap(element);
      continue;
    }
    if ((tag === 'i' || tag === 'em') && NOT_ITALIC.test(style)) {
      unwrap(element);
      continue;
    }
    if (tag === 'span') {
      if (BOLD.test(style)) wrapContent(element, 'strong');
      if (ITALIC.test(style)) wrapContent(element, 'em');
    }
    for (const name of element.getAttributeNames()) if (name === 'class' || name.startsWith('data-pasted-')) element.removeAttribute(name);
  }
  return doc.body.innerHTML;
}
