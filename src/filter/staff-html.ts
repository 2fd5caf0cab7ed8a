/**
 * The staff body format (`staff_html`, issue 12 point 3): what editors and writers type or paste,
 * as sanitised HTML. One stage: the input is parsed with HTML5 rules, rewritten (staff-tree-rewrite.ts),
 * and written by the canonical writer under the staff allow-list, so the output is a fixed point.
 * No line-break or URL stage runs before it: the canonical writer already turns blank lines into
 * paragraphs and addresses into links, exactly as it reads its own output on the next run.
 */
import { defaultTreeAdapter, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { renderFlow } from './canonical-flow.ts';
import { phpTrim } from './filter-html.ts';
import {
  STAFF_ATTRIBUTES,
  STAFF_BLOCK_TAGS,
  STAFF_IMAGE_ATTRIBUTES,
  STAFF_IMAGE_PROTOCOLS,
  STAFF_LINK_REL,
  STAFF_TAGS,
  STAFF_VERBATIM_TAGS,
} from './staff-settings.ts';
import { embedBareLinks, rewriteStaffTree } from './staff-tree-rewrite.ts';
import { parseSubset } from './subset-parser.ts';
import type { TreePolicy } from './tree-policy.ts';

/** The repair policy of staff_html. */
export const STAFF_TREE_POLICY: TreePolicy = Object.freeze<TreePolicy>({
  allowedTags: new Set(STAFF_TAGS),
  attributes: STAFF_ATTRIBUTES,
  linkRel: STAFF_LINK_REL,
  relOnlyOffSite: true,
  imageAttributes: STAFF_IMAGE_ATTRIBUTES,
  imageProtocols: STAFF_IMAGE_PROTOCOLS,
  keepComments: false,
  canonicalFlow: true,
  blockTags: STAFF_BLOCK_TAGS,
  verbatimTags: STAFF_VERBATIM_TAGS,
  paragraphAttributes: true,
});

const BODY_CONTEXT = defaultTreeAdapter.createElement('body', 'http://www.w3.org/1999/xhtml' as never, []);

function parse(html: string): DefaultTreeAdapterMap['documentFragment'] {
  return parseSubset(html) ?? parseFragment(BODY_CONTEXT, html, {});
}

// Only output holding a link to one of the embed services can hold a bare embed link.
const MAY_HOLD_BARE_EMBED = /<p><a href="https?:\/\/[^"]*(?:youtu|vimeo|twitter\.com|x\.com)/;

/** Parses staff HTML, rewrites it and writes it canonically (the staff format's one stage). */
export function repairStaffHtml(html: string): string {
  const fragment = parse(html);
  rewriteStaffTree(fragment);
  const out = phpTrim(renderFlow(fragment.childNodes, STAFF_TREE_POLICY));
  if (!MAY_HOLD_BARE_EMBED.test(out)) return out;
  // Addresses are linked by the writer, so a paragraph that is one bare video link is found in
  // its output; written again, the placeholder is canonical too.
  const again = parse(out);
  return embedBareLinks(again) ? phpTrim(renderFlow(again.childNodes, STAFF_TREE_POLICY)) : out;
}
