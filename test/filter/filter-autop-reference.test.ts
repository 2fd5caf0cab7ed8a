/**
 * filter-autop.ts rewrites a few of Drupal's regexes as loops (to stay linear on long whitespace
 * runs) and skips passes that cannot match. This test holds it to a direct, regex-for-regex port
 * of Drupal 7.34's _filter_autop (with aside and svg added, as Folio does) on random input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { filterAutop } from '../../src/filter/filter-autop.ts';

const WS = '[\\t\\n\\v\\f\\r ]';
const BLOCK =
  '(?:table|thead|tfoot|caption|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|select|form|blockquote|address|p|h[1-6]|hr|aside)';
const rx = (source: string, flags = 'g'): RegExp => new RegExp(source, flags);

/** Drupal's _filter_autop, one preg_replace per line, `\s` as PCRE's ASCII class. */
function drupalAutop(text: string): string {
  const chunks = text.split(/(<!--[^\n]*?-->|<\/?(?:pre|script|style|object|iframe|svg|!--)[^>]*>)/i);
  let ignore = false;
  let ignoreTag = '';
  let output = '';
  chunks.forEach((chunk, i) => {
    if (i % 2 === 1) {
      output += chunk;
      if (chunk.startsWith('<!--')) return;
      const open = chunk[1] !== '/';
      const tag = chunk.slice(open ? 1 : 2).split(/[ >]/)[0] ?? '';
      if (!ignore) {
        if (open) {
          ignore = true;
          ignoreTag = tag;
        }
      } else if (!open && ignoreTag === tag) {
        ignore = false;
        ignoreTag = '';
      }
      return;
    }
    if (ignore) {
      output += chunk;
      return;
    }
    let c = chunk.replace(/\n*$/, '') + '\n\n';
    c = c.replace(rx(`<br />${WS}*<br />`), '\n\n');
    c = c.replace(rx(`(<${BLOCK}[^>]*>)`), '\n$1');
    c = c.replace(rx(`(</${BLOCK}>)`), '$1\n\n');
    c = c.replace(/\n\n+/g, '\n\n');
    c = c.replace(rx(`^\\n|\\n${WS}*\\n$`), '');
    c = '<p>' + c.replace(rx(`\\n${WS}*\\n\\n?([^\\n])`), '</p>\n<p>$1') + '</p>\n';
    c = c.replace(/<p>(<li[^\n]+?)<\/p>/g, '$1');
    c = c.replace(/<p><blockquote([^>]*)>/gi, '<blockquote$1><p>');
    c = c.replaceAll('</blockquote></p>', '</p></blockquote>');
    c = c.replace(rx(`<p>${WS}*</p>\\n?`), '');
    c = c.replace(rx(`<p>${WS}*(</?${BLOCK}[^>]*>)`), '$1');
    c = c.replace(rx(`(</?${BLOCK}[^>]*>)${WS}*</p>`), '$1');
    c = c.replace(rx(`(?<!<br />)${WS}*\\n`), '<br />\n');
    c = c.replace(rx(`(</?${BLOCK}[^>]*>)${WS}*<br />`), '$1');
    c = c.replace(rx(`<br />(${WS}*</?(?:p|li|div|th|pre|td|ul|ol)>)`), '$1');
    c = c.replace(/&([^#])(?![A-Za-z0-9]{1,8};)/g, '&amp;$1');
    output += c;
  });
  return output;
}

const PIECES = ['a', 'x y', ' ', '  ', '\n', '\n\n', '\t', '\r', '\f', '\v', '<br />', '<br>', '<p>', '</p>', '<li>', '</li>', '<ul>',
  '</ul>', '<blockquote>', '</blockquote>', '<BLOCKQUOTE x>', '<pre>', '</pre>', '<PRE>', '<!--', '-->', '<!-- c -->', '&', '&amp;',
  '&#1;', '<em>', '</em>', '<aside>', '</aside>', '<script>', '</script>', '<div class="x">', '</div>', '>', '<', '<h2>', '</h2>',
  '<hr />', '<param>', '<svg>', '</svg>'];

test('filterAutop equals a regex-for-regex port of Drupal 7.34 on random input', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => {
      const input = parts.join('');
      assert.equal(filterAutop(input), drupalAutop(input));
    }),
    { numRuns: 2000 },
  );
});
