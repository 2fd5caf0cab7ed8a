/**
 * The editor's document model: exactly what the staff_html format keeps (src/filter/staff-settings.ts),
 * so nothing the editor writes is lost on the server, and nothing it cannot write is invented.
 * Every block carries an optional `dir` for a paragraph in the other script's direction.
 */
import { Schema, type DOMOutputSpec, type Mark, type Node as PMNode, type NodeSpec } from 'prosemirror-model';
import { EMBED_PROVIDERS } from '../../../filter/embeds.ts';

const dirAttr = { dir: { default: null as string | null } };

function readDir(dom: HTMLElement): { dir: string | null } {
  const dir = dom.getAttribute('dir')?.toLowerCase() ?? null;
  return { dir: dir === 'ltr' || dir === 'rtl' || dir === 'auto' ? dir : null };
}

function withDir(node: PMNode, attrs: Record<string, string> = {}): Record<string, string> {
  return node.attrs['dir'] ? { ...attrs, dir: node.attrs['dir'] as string } : attrs;
}

function block(tag: string, content: string, group = 'block'): NodeSpec {
  return {
    content, group, attrs: dirAttr, defining: tag !== 'p',
    parseDOM: [{ tag, getAttrs: (dom) => readDir(dom as HTMLElement) }],
    toDOM: (node): DOMOutputSpec => [tag, withDir(node), 0],
  };
}


/** The staff schema. */
export const staffSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: block('p', 'inline*'),
    heading: {
      content: 'inline*', group: 'block', defining: true,
      attrs: { level: { default: 2 }, ...dirAttr },
      parseDOM: [1, 2, 3, 4, 5, 6].map((n) => ({
        tag: `h${n}`, getAttrs: (dom: HTMLElement) => ({ level: Math.min(4, Math.max(2, n)), ...readDir(dom) }),
      })),
      toDOM: (node): DOMOutputSpec => [`h${node.attrs['level'] as number}`, withDir(node), 0],
    },
    blockquote: block('blockquote', 'block+'),
    bullet_list: block('ul', 'list_item+'),
    ordered_list: block('ol', 'list_item+'),
    list_item: {
      content: 'paragraph block*', attrs: dirAttr, defining: true,
      parseDOM: [{ tag: 'li', getAttrs: (dom) => readDir(dom as HTMLElement) }],
      toDOM: (node): DOMOutputSpec => ['li', withDir(node), 0],
    },
    code_block: {
      content: 'text*', marks: '', group: 'block', code: true, defining: true,
      parseDOM: [{ tag: 'pre', preserveWhitespace: 'full' }],
      toDOM: (): DOMOutputSpec => ['pre', 0],
    },
    // A video or post, held as its provider and id; written as the format's placeholder.
    embed: {
      group: 'block', atom: true, selectable: true, draggable: true,
      attrs: { provider: { default: 'youtube' }, id: { default: '' }, url: { default: '' } },
      parseDOM: [{
        tag: 'figure[data-embed]', priority: 60,
        getAttrs: (dom) => {
          const el = dom as HTMLElement;
          const provider = el.getAttribute('data-embed') ?? '';
          if (!(EMBED_PROVIDERS as readonly string[]).includes(provider)) return false;
          return { provider, id: el.getAttribute('data-id') ?? '', url: el.querySelector('a')?.getAttribute('href') ?? '' };
        },
      }],
      toDOM: (node): DOMOutputSpec => ['figure', { class: 'embed', 'data-embed': node.attrs['provider'] as string, 'data-id': node.attrs['id'] as string },
        ['a', { href: node.attrs['url'] as string }, node.attrs['url'] as string]],
    },
    // A photo with a caption (the caption is the figure's content).
    figure: {
      content: 'inline*', group: 'block', attrs: { src: { default: '' }, alt: { default: '' } },
      parseDOM: [{
        tag: 'figure', contentElement: 'figcaption',
        getAttrs: (dom) => {
          const img = (dom as HTMLElement).querySelector('img');
          return img ? { src: img.getAttribute('src') ?? '', alt: img.getAttribute('alt') ?? '' } : false;
        },
      }],
      toDOM: (node): DOMOutputSpec => ['figure', ['img', { src: node.attrs['src'] as string, alt: node.attrs['alt'] as string }], ['figcaption', 0]],
    },
    table: {
      content: 'table_row+', group: 'block', isolating: true,
      parseDOM: [{ tag: 'table' }], toDOM: (): DOMOutputSpec => ['table', ['tbody', 0]],
    },
    table_row: { content: '(table_cell | table_header)+', parseDOM: [{ tag: 'tr' }], toDOM: (): DOMOutputSpec => ['tr', 0] },
    table_cell: {
      content: 'inline*', isolating: true, attrs: { colspan: { default: null }, rowspan: { default: null } },
      parseDOM: [{ tag: 'td', getAttrs: (dom) => spans(dom as HTMLElement) }],
      toDOM: (node): DOMOutputSpec => ['td', spanAttrs(node), 0],
    },
    table_header: {
      content: 'inline*', isolating: true, attrs: { colspan: { default: null }, rowspan: { default: null } },
      parseDOM: [{ tag: 'th', getAttrs: (dom) => spans(dom as HTMLElement) }],
      toDOM: (node): DOMOutputSpec => ['th', spanAttrs(node), 0],
    },
    text: { group: 'inline' },
    image: {
      inline: true, group: 'inline', draggable: true,
      attrs: { src: { default: '' }, alt: { default: '' } },
      parseDOM: [{ tag: 'img[src]', getAttrs: (dom) => ({ src: (dom as HTMLElement).getAttribute('src'), alt: (dom as HTMLElement).getAttribute('alt') ?? '' }) }],
      toDOM: (node): DOMOutputSpec => ['img', { src: node.attrs['src'] as string, alt: node.attrs['alt'] as string }],
    },
    hard_break: { inline: true, group: 'inline', selectable: false, parseDOM: [{ tag: 'br' }], toDOM: (): DOMOutputSpec => ['br'] },
  },
  marks: {
    link: {
      attrs: { href: {} }, inclusive: false,
      parseDOM: [{ tag: 'a[href]', getAttrs: (dom) => ({ href: (dom as HTMLElement).getAttribute('href') }) }],
      toDOM: (mark: Mark): DOMOutputSpec => ['a', { href: mark.attrs['href'] as string }, 0],
    },
    // Styled word-processor markup is turned into these elements by paste-cleaning.ts.
    strong: { parseDOM: [{ tag: 'strong' }, { tag: 'b' }], toDOM: (): DOMOutputSpec => ['strong', 0] },
    em: { parseDOM: [{ tag: 'em' }, { tag: 'i' }], toDOM: (): DOMOutputSpec => ['em', 0] },
    underline: { parseDOM: [{ tag: 'u' }], toDOM: (): DOMOutputSpec => ['u', 0] },
    strike: { parseDOM: [{ tag: 's' }, { tag: 'del' }, { tag: 'strike' }], toDOM: (): DOMOutputSpec => ['s', 0] },
    sub: { excludes: 'sup', parseDOM: [{ tag: 'sub' }], toDOM: (): DOMOutputSpec => ['sub', 0] },
    sup: { excludes: 'sub', parseDOM: [{ tag: 'sup' }], toDOM: (): DOMOutputSpec => ['sup', 0] },
    code: { parseDOM: [{ tag: 'code' }], toDOM: (): DOMOutputSpec => ['code', 0] },
  },
});

function spans(dom: HTMLElement): { colspan: string | null; rowspan: string | null } {
  return { colspan: dom.getAttribute('colspan'), rowspan: dom.getAttribute('rowspan') };
}

function spanAttrs(node: PMNode): Record<string, string> {
  const out: Record<string, string> = {};
  if (node.attrs['colspan']) out['colspan'] = node.attrs['colspan'] as string;
  if (node.attrs['rowspan']) out['rowspan'] = node.attrs['rowspan'] as string;
  return out;
}
