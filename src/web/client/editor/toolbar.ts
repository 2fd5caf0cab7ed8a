/**
 * The toolbar: one button per command, labelled in the page's language, in a `role="toolbar"`
 * that arrow keys move through (one tab stop, as WAI-ARIA's toolbar pattern asks). It lays out
 * with the page's direction, so it mirrors on the Arabic edition.
 */
import { setBlockType, toggleMark, wrapIn, lift } from 'prosemirror-commands';
import { redo, undo } from 'prosemirror-history';
import type { MarkType, NodeType } from 'prosemirror-model';
import { wrapInList } from 'prosemirror-schema-list';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
// The server's own recogniser (pure, so it bundles for the browser): the button inserts exactly
// what staff_html would keep.
import { embedUrl, parseEmbedUrl } from '../../../filter/embeds.ts';
import { label, type EditorLanguage } from './messages.ts';
import { staffSchema } from './schema.ts';

type Ask = (question: string, value?: string) => string | null;

interface Button {
  readonly key: Parameters<typeof label>[1];
  readonly text: string;
  readonly run: (view: EditorView) => void;
  readonly active?: (state: EditorState) => boolean;
}

function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  return empty ? type.isInSet(state.storedMarks ?? $from.marks()) !== undefined : state.doc.rangeHasMark(from, to, type);
}

function blockIs(state: EditorState, type: NodeType, attrs: Record<string, unknown> = {}): boolean {
  const parent = state.selection.$from.parent;
  return parent.type === type && Object.entries(attrs).every(([k, v]) => parent.attrs[k] === v);
}

function within(state: EditorState, type: NodeType): boolean {
  const $from = state.selection.$from;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === type) return true;
  return false;
}

function runCommand(command: Command): (view: EditorView) => void {
  return (view) => {
    command(view.state, view.dispatch, view);
    view.focus();
  };
}

function toggleHeading(level: number): Command {
  return (state, dispatch) => blockIs(state, staffSchema.nodes['heading']!, { level })
    ? setBlockType(staffSchema.nodes['paragraph']!)(state, dispatch)
    : setBlockType(staffSchema.nodes['heading']!, { level })(state, dispatch);
}

function toggleWrap(type: NodeType, wrap: Command): Command {
  return (state, dispatch) => within(state, type) ? lift(state, dispatch) : wrap(state, dispatch);
}

/** Sets (or clears) `dir` on the blocks in the selection: the page's opposite direction, or none. */
function toggleDirection(opposite: 'ltr' | 'rtl'): Command {
  return (state, dispatch) => {
    const { from, to } = state.selection;
    const tr = state.tr;
    let set: string | null | undefined;
    state.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isTextblock || !('dir' in node.attrs)) return true;
      set ??= node.attrs['dir'] === opposite ? null : opposite;
      tr.setNodeMarkup(pos, undefined, { ...node.attrs, dir: set });
      return false;
    });
    if (set === undefined) return false;
    dispatch?.(tr);
    return true;
  };
}

function linkCommand(ask: Ask, lang: EditorLanguage): (view: EditorView) => void {
  return (view) => {
    const type = staffSchema.marks['link']!;
    const { from, to, empty } = view.state.selection;
    let current = '';
    view.state.doc.nodesBetween(from, Math.max(to, from + 1), (node) => {
      const mark = type.isInSet(node.marks);
      if (mark) current = mark.attrs['href'] as string;
    });
    const href = ask(label(lang, 'linkPrompt'), current);
    if (href === null) return view.focus();
    const tr = view.state.tr.removeMark(from, to, type);
    const address = href.trim();
    if (address !== '') {
      if (empty) tr.insert(from, staffSchema.text(address, [type.create({ href: address })]));
      else tr.addMark(from, to, type.create({ href: address }));
    }
    view.dispatch(tr);
    view.focus();
  };
}

function imageCommand(ask: Ask, lang: EditorLanguage): (view: EditorView) => void {
  return (view) => {
    const src = ask(label(lang, 'imagePrompt'))?.trim();
    if (!src) return view.focus();
    const alt = ask(label(lang, 'altPrompt'))?.trim() ?? '';
    view.dispatch(view.state.tr.replaceSelectionWith(staffSchema.nodes['image']!.create({ src, alt })));
    view.focus();
  };
}

function embedCommand(ask: Ask, lang: EditorLanguage, say: (text: string) => void): (view: EditorView) => void {
  return (view) => {
    const address = ask(label(lang, 'embedPrompt'));
    if (address === null || address.trim() === '') return view.focus();
    const found = parseEmbedUrl(address);
    const embed = found && { ...found, url: embedUrl(found) };
    if (embed === null) {
      say(label(lang, 'embedInvalid'));
      return view.focus();
    }
    const tr = view.state.tr.replaceSelectionWith(staffSchema.nodes['embed']!.create({ ...embed }));
    // With nothing to type into after it, the placeholder itself would stay selected and the next
    // insertion would replace it: an empty paragraph follows, with the cursor in it.
    if (!(tr.selection instanceof TextSelection)) {
      const end = tr.selection.to;
      tr.insert(end, staffSchema.nodes['paragraph']!.create());
      tr.setSelection(TextSelection.create(tr.doc, end + 1));
    }
    view.dispatch(tr);
    view.focus();
  };
}

/** The toolbar element for `view`, and a function that refreshes its pressed states. */
export function buildToolbar(doc: Document, view: () => EditorView, lang: EditorLanguage, ask: Ask, say: (text: string) => void): { element: HTMLElement; update: (state: EditorState) => void } {
  const pageDir = doc.documentElement.dir === 'rtl' ? 'rtl' : 'ltr';
  const opposite = pageDir === 'rtl' ? 'ltr' : 'rtl';
  const s = staffSchema;
  const buttons: Button[] = [
    { key: 'bold', text: 'B', run: runCommand(toggleMark(s.marks['strong']!)), active: (st) => markActive(st, s.marks['strong']!) },
    { key: 'italic', text: 'I', run: runCommand(toggleMark(s.marks['em']!)), active: (st) => markActive(st, s.marks['em']!) },
    { key: 'link', text: label(lang, 'link'), run: linkCommand(ask, lang), active: (st) => markActive(st, s.marks['link']!) },
    { key: 'heading2', text: 'H2', run: runCommand(toggleHeading(2)), active: (st) => blockIs(st, s.nodes['heading']!, { level: 2 }) },
    { key: 'heading3', text: 'H3', run: runCommand(toggleHeading(3)), active: (st) => blockIs(st, s.nodes['heading']!, { level: 3 }) },
    { key: 'bulletList', text: '•', run: runCommand(toggleWrap(s.nodes['bullet_list']!, wrapInList(s.nodes['bullet_list']!))), active: (st) => within(st, s.nodes['bullet_list']!) },
    { key: 'orderedList', text: '1.', run: runCommand(toggleWrap(s.nodes['ordered_list']!, wrapInList(s.nodes['ordered_list']!))), active: (st) => within(st, s.nodes['ordered_list']!) },
    { key: 'quote', text: '❝', run: runCommand(toggleWrap(s.nodes['blockquote']!, wrapIn(s.nodes['blockquote']!))), active: (st) => within(st, s.nodes['blockquote']!) },
    { key: 'image', text: label(lang, 'image'), run: imageCommand(ask, lang) },
    { key: 'embed', text: label(lang, 'embed'), run: embedCommand(ask, lang, say) },
    { key: 'direction', text: opposite === 'ltr' ? 'LTR' : 'RTL', run: runCommand(toggleDirection(opposite)), active: (st) => st.selection.$from.parent.attrs['dir'] === opposite },
    { key: 'undo', text: '↶', run: runCommand(undo) },
    { key: 'redo', text: '↷', run: runCommand(redo) },
  ];
  const element = doc.createElement('div');
  element.className = 'folio-editor-toolbar';
  element.setAttribute('role', 'toolbar');
  element.setAttribute('aria-label', label(lang, 'toolbar'));
  const nodes = buttons.map((button, i) => {
    const node = doc.createElement('button');
    node.type = 'button';
    node.className = `folio-editor-button folio-editor-${button.key}`;
    // The glyph is what sighted users see; the name in words is what assistive technology reads
    // (hidden visually, so the visible text never contradicts the accessible name).
    const glyph = doc.createElement('span');
    glyph.setAttribute('aria-hidden', 'true');
    glyph.textContent = button.text;
    const name = doc.createElement('span');
    name.className = 'folio-editor-name';
    name.textContent = label(lang, button.key);
    node.append(glyph, name);
    node.title = label(lang, button.key);
    node.tabIndex = i === 0 ? 0 : -1;
    if (button.active) node.setAttribute('aria-pressed', 'false');
    // mousedown would move focus out of the text and lose the selection.
    node.addEventListener('mousedown', (event) => event.preventDefault());
    node.addEventListener('click', () => button.run(view()));
    element.append(node);
    return node;
  });
  element.addEventListener('keydown', (event) => {
    const at = nodes.indexOf(doc.activeElement as HTMLButtonElement);
    if (at === -1) return;
    // Arrow keys follow the reading direction: in RTL the "next" button is to the left.
    const forward = pageDir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const back = pageDir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    let next = at;
    if (event.key === forward) next = (at + 1) % nodes.length;
    else if (event.key === back) next = (at - 1 + nodes.length) % nodes.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = nodes.length - 1;
    else return;
    event.preventDefault();
    nodes[at]!.tabIndex = -1;
    nodes[next]!.tabIndex = 0;
    nodes[next]!.focus();
  });
  const update = (state: EditorState): void => {
    buttons.forEach((button, i) => {
      if (button.active) nodes[i]!.setAttribute('aria-pressed', String(button.active(state)));
    });
  };
  return { element, update };
}
