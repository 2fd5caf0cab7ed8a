/**
 * The repair stage (Drupal's `filter_htmlcorrector`, weight 10), rebuilt on HTML5 rules
 * (docs/comment-format.md decision 6) and made the one authority on what survives (docs/comment-format.md decision 10): the text is parsed
 * with parse5 (or, for markup HTML5 has nothing to repair in, the strict subset parser that
 * builds the same tree), the tree is walked against an allow-list, and the result is
 * serialised. Nothing rewrites the text after this stage, so nothing an earlier stage produced
 * can slip through. filtered_html and plain_text use the canonical writer (canonical-flow.ts);
 * full_html writes the tree as parsed.
 *
 * Serialisation is canonical: lower-case names, attributes double-quoted in allow-list order,
 * void elements as `<br />` (Drupal's XHTML style), text escaped minimally, no leading or
 * trailing whitespace (the HTML stage trims, so a kept trailing newline would not come back).
 */
import { defaultTreeAdapter, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { BidiTracker } from '../text/bidi-controls.ts';
import { renderFlow } from './canonical-flow.ts';
import { parseSubset } from './subset-parser.ts';
import { phpTrim } from './filter-html.ts';
import {
  elementFate,
  escapeText,
  isSafeComment,
  isVoid,
  removeControlCharacters,
  startTag,
  type TreeChild,
  type TreePolicy,
} from './tree-policy.ts';

export type { TreePolicy } from './tree-policy.ts';

/**
 * Deepest nesting the faithful writer (full_html) recurses into; deeper markup is written as its
 * text. Input is already bounded by MARKUP_LIMITS before parsing; this guards the recursion.
 */
const MAX_TREE_DEPTH = 64;

// The fragment is parsed as the content of <body>, as Drupal's corrector does.
const BODY_CONTEXT = defaultTreeAdapter.createElement('body', 'http://www.w3.org/1999/xhtml' as never, []);

function serializeChildren(children: readonly TreeChild[], policy: TreePolicy, depth: number, bidi: BidiTracker): string {
  let out = '';
  for (const child of children) out += serializeNode(child, policy, depth, bidi);
  return out;
}

/** Past MAX_TREE_DEPTH: only the subtree's text, gathered without recursion. */
function textOf(root: TreeChild, policy: TreePolicy): string {
  let out = '';
  const pending: TreeChild[] = [root];
  while (pending.length > 0) {
    const node = pending.pop() as TreeChild;
    if (node.nodeName === '#text') out += escapeText((node as DefaultTreeAdapterMap['textNode']).value);
    else if ('tagName' in node && elementFate(node, policy) !== 'drop') {
      for (let i = node.childNodes.length - 1; i >= 0; i--) pending.push(node.childNodes[i] as TreeChild);
    }
  }
  return out;
}

/**
 * The faithful writer: the tree as parsed, minus what the policy removes. Each element closes the
 * bidi embeddings, overrides and isolates its text opened, before its end tag (issue 10).
 */
function serializeNode(node: TreeChild, policy: TreePolicy, depth: number, bidi: BidiTracker): string {
  if (node.nodeName === '#text') {
    const text = escapeText((node as DefaultTreeAdapterMap['textNode']).value);
    bidi.feed(text);
    return text;
  }
  if (node.nodeName === '#comment') {
    const data = removeControlCharacters((node as DefaultTreeAdapterMap['commentNode']).data);
    return policy.keepComments && isSafeComment(data) ? `<!--${data}-->` : '';
  }
  if (!('tagName' in node)) return '';
  const fate = elementFate(node, policy);
  if (fate === 'drop') return '';
  if (depth >= MAX_TREE_DEPTH) {
    const text = textOf(node, policy);
    bidi.feed(text);
    return text;
  }
  if (fate === 'unwrap') return serializeChildren(node.childNodes, policy, depth + 1, bidi);
  const open = startTag(node, policy);
  if (isVoid(node.tagName)) return open;
  const outer = bidi.depth;
  let inner = serializeChildren(node.childNodes, policy, depth + 1, bidi) + bidi.closeTo(outer);
  // The parser drops one newline right after <pre>; write it back so the text is unchanged.
  if (node.tagName === 'pre' && inner.startsWith('\n')) inner = '\n' + inner;
  return `${open}${inner}</${node.tagName}>`;
}

/**
 * Parses `html` as body content with HTML5 rules and serialises what `policy` allows. Markup in
 * the small unambiguous subset (subset-parser.ts) is read by the strict parser, which builds the
 * tree parse5 would; everything else is parsed by parse5.
 */
export function repairHtml(html: string, policy: TreePolicy): string {
  const fragment = parseSubset(html) ?? parseFragment(BODY_CONTEXT, html, {});
  let out: string;
  if (policy.canonicalFlow) {
    out = renderFlow(fragment.childNodes, policy);
  } else {
    const bidi = new BidiTracker();
    out = serializeChildren(fragment.childNodes, policy, 0, bidi) + bidi.closeTo(0);
  }
  return phpTrim(out);
}
