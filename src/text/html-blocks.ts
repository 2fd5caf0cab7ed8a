import { Parser } from 'htmlparser2';

// Elements that make a block of reading text: each one's text becomes one line of the result.
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'p', 'pre', 'section', 'summary', 'td', 'th', 'tr',
]);
// Elements whose content is not reading text.
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math']);

/**
 * The reading text of an HTML body, one line per block (paragraph, heading, list item, quote…),
 * with inline markup gone and runs of white space made one space. What a word diff compares, so
 * that a link added or a paragraph re-tagged does not show as every word changed.
 */
export function htmlBlockLines(html: string): string[] {
  const lines: string[] = [];
  let current = '';
  let hidden = 0;
  const endBlock = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line !== '') lines.push(line);
    current = '';
  };
  const parser = new Parser({
    onopentag(name) {
      if (HIDDEN.has(name)) hidden++;
      else if (BLOCKS.has(name)) endBlock();
      else if (name === 'br') current += ' ';
    },
    onclosetag(name) {
      if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
      else if (BLOCKS.has(name)) endBlock();
    },
    ontext(text) {
      if (hidden === 0) current += text;
    },
  }, { decodeEntities: true });
  parser.end(html);
  endBlock();
  return lines;
}
