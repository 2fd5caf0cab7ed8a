/**
 * The staff body editor (issue 12, point 3): progressive enhancement of
 * `textarea[data-folio-editor]`. Without JavaScript the textarea is the editor; with it, a
 * ProseMirror view takes its place, writes HTML back into it on every change and on submit (so the
 * form posts exactly what a no-JS form would), cleans pastes and autosaves drafts.
 * Bundled by esbuild (scripts/build-editor.mjs) into /assets/editor.<hash>.js; CSP-clean: no
 * inline script or style, the look is in editor.css.
 */
import { baseKeymap, toggleMark } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { DOMParser as PMParser, DOMSerializer, type Node as PMNode } from 'prosemirror-model';
import { splitListItem, liftListItem, sinkListItem } from 'prosemirror-schema-list';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { Autosave } from './autosave.ts';
import { label, pageLanguage, timeOfDay } from './messages.ts';
import { cleanPastedHtml } from './paste-cleaning.ts';
import { staffSchema } from './schema.ts';
import { buildToolbar } from './toolbar.ts';

function parseBody(html: string): PMNode {
  const holder = document.createElement('div');
  // Parsed into an inert template: nothing in the stored body runs or loads while it is read.
  const template = document.createElement('template');
  template.innerHTML = html;
  holder.append(template.content);
  return PMParser.fromSchema(staffSchema).parse(holder);
}

function serialise(doc: PMNode): string {
  const holder = document.createElement('div');
  holder.append(DOMSerializer.fromSchema(staffSchema).serializeFragment(doc.content));
  const blocks = [...holder.childNodes].map((n) => (n as Element).outerHTML ?? n.textContent ?? '');
  // An empty document is an empty body, not "<p></p>".
  return blocks.length === 1 && blocks[0] === '<p></p>' ? '' : blocks.join('\n');
}

function mount(textarea: HTMLTextAreaElement): void {
  const form = textarea.form;
  if (form === null || textarea.dataset['folioEditorMounted'] === '1') return;
  textarea.dataset['folioEditorMounted'] = '1';
  const lang = pageLanguage(document);
  const wrapper = document.createElement('div');
  wrapper.className = 'folio-editor';
  const status = document.createElement('p');
  status.className = 'folio-editor-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const say = (text: string): void => {
    status.textContent = text;
  };
  let view: EditorView;
  const ask = (question: string, value = ''): string | null => window.prompt(question, value);
  const toolbar = buildToolbar(document, () => view, lang, ask, say);
  const mountPoint = document.createElement('div');
  wrapper.append(toolbar.element, mountPoint, status);
  textarea.before(wrapper);

  const flush = (): void => {
    textarea.value = serialise(view.state.doc);
  };
  const autosave = new Autosave(form, textarea, flush, status, lang);
  const labelledBy = textarea.id ? document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(textarea.id)}"]`) : null;
  if (labelledBy && !labelledBy.id) labelledBy.id = `${textarea.id}-label`;

  const state = EditorState.create({
    doc: parseBody(textarea.value),
    plugins: [
      history(),
      keymap({
        'Mod-z': undo, 'Shift-Mod-z': redo, 'Mod-y': redo,
        'Mod-b': toggleMark(staffSchema.marks['strong']!), 'Mod-i': toggleMark(staffSchema.marks['em']!),
        Enter: splitListItem(staffSchema.nodes['list_item']!),
        'Mod-[': liftListItem(staffSchema.nodes['list_item']!), 'Mod-]': sinkListItem(staffSchema.nodes['list_item']!),
      }),
      keymap(baseKeymap),
    ],
  });
  view = new EditorView(mountPoint, {
    state,
    attributes: {
      class: 'folio-editor-content',
      role: 'textbox',
      'aria-multiline': 'true',
      // The edition's direction: Arabic paragraphs with Latin names and numbers read right to left
      // (dir="auto" per paragraph would turn one that starts with a Latin name left to right).
      dir: document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr',
      ...(labelledBy ? { 'aria-labelledby': labelledBy.id } : { 'aria-label': label(lang, 'editorLabel') }),
    },
    transformPastedHTML: cleanPastedHtml,
    dispatchTransaction(tr) {
      const next = view.state.apply(tr);
      view.updateState(next);
      toolbar.update(next);
      if (tr.docChanged) {
        flush();
        autosave.changed(textarea.value);
      }
    },
  });
  toolbar.update(view.state);
  textarea.hidden = true;

  const copy = autosave.leftover(textarea.value);
  if (copy !== null) offerCopy(wrapper, lang, timeOfDay(lang, copy.at), () => {
    view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, parseBody(copy.html).content));
    say(label(lang, 'restored'));
  }, () => autosave.dropCopy());

  form.addEventListener('submit', () => {
    flush();
    autosave.submitted();
  });
  // Leaving the page (closing the tab, following a link, switching away on a phone).
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void autosave.save(true);
  });
  window.addEventListener('pagehide', () => void autosave.save(true));
}

function offerCopy(wrapper: HTMLElement, lang: ReturnType<typeof pageLanguage>, time: string, restore: () => void, discard: () => void): void {
  const bar = document.createElement('div');
  bar.className = 'folio-editor-offer';
  bar.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = label(lang, 'restoreOffer', { time });
  const yes = document.createElement('button');
  yes.type = 'button';
  yes.textContent = label(lang, 'restore');
  const no = document.createElement('button');
  no.type = 'button';
  no.textContent = label(lang, 'discard');
  yes.addEventListener('click', () => {
    restore();
    bar.remove();
  });
  no.addEventListener('click', () => {
    discard();
    bar.remove();
  });
  bar.append(text, yes, no);
  wrapper.prepend(bar);
}

for (const textarea of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-folio-editor]')) mount(textarea);
