// The exported site's search, run in the reader's browser: the server search is gone, so the
// query is tokenised here by the server's own code (bundled in) and looked up in the prebuilt
// shards, which load as script tags because fetch() of local files is refused on file://.
import type { Lang } from '../../../domain/errors.ts';
import { tokenizeForSearch } from '../../../text/arabic-normalize.ts';
import { t } from '../../../text/messages.ts';
import { DOCS_PER_SHARD, shardKey } from '../search-shards.ts';

/** Results shown: a static page has no pager, and the newest hits of a broad query suffice. */
const SHOWN = 50;

type Postings = Record<string, number[]>;
type DocRow = [file: string, title: string, date: string, teaser: string];

const script = document.currentScript as HTMLScriptElement;
const indexBase = script.dataset.index ?? '';
const root = script.dataset.root ?? '';
const lang = (script.dataset.lang === 'ar' ? 'ar' : 'en') satisfies Lang;
const waiting = new Map<string, (value: unknown) => void>();

function load<T>(name: string): Promise<T> {
  return new Promise((resolve, reject) => {
    waiting.set(name, resolve as (value: unknown) => void);
    const tag = document.createElement('script');
    tag.src = `${indexBase}${name}.js`;
    // A token no item contains has no shard: that is an empty result, not an error.
    tag.onerror = () => (name.startsWith('docs-') ? reject(new Error(`missing ${name}`)) : resolve({} as T));
    document.head.appendChild(tag);
  });
}

Object.assign(window, {
  folioSearch: {
    shard: (key: string, postings: Postings) => waiting.get(key)?.(postings),
    docs: (n: number, rows: DocRow[]) => waiting.get(`docs-${n}`)?.(rows),
    meta: () => undefined,
  },
});

/** Document ids (with their title-hit counts) holding every token. */
async function match(tokens: readonly string[]): Promise<Map<number, number>> {
  let found: Map<number, number> | null = null;
  for (const token of tokens) {
    const shard = await load<Postings>(shardKey(token));
    const next = new Map<number, number>();
    for (const posting of shard[token] ?? []) {
      const id = posting >> 1;
      if (found === null || found.has(id)) next.set(id, (found?.get(id) ?? 0) + (posting & 1));
    }
    found = next;
  }
  return found ?? new Map();
}

async function rows(ids: readonly number[]): Promise<Map<number, DocRow>> {
  const shards = new Map<number, DocRow[]>();
  for (const n of new Set(ids.map((id) => Math.floor(id / DOCS_PER_SHARD)))) shards.set(n, await load<DocRow[]>(`docs-${n}`));
  return new Map(ids.map((id) => [id, shards.get(Math.floor(id / DOCS_PER_SHARD))![id % DOCS_PER_SHARD]!]));
}

function element(name: string, text?: string, attributes: Record<string, string> = {}): HTMLElement {
  const el = document.createElement(name);
  if (text !== undefined) el.textContent = text;
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  return el;
}

async function run(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const query = params.get('q') ?? '';
  const newest = params.get('sort') === 'newest';
  const input = document.getElementById('search-page-q') as HTMLInputElement | null;
  if (input) input.value = query;
  const sort = document.getElementById('search-sort') as HTMLSelectElement | null;
  if (sort && newest) sort.value = 'newest';
  const region = document.getElementById('static-search-results');
  const tokens = [...new Set(tokenizeForSearch(query, lang))];
  if (!region || tokens.length === 0) return;
  const hits = await match(tokens);
  // Ids are in newest-first order; "relevance" puts more title hits first.
  const ranked = [...hits].sort(([a, ta], [b, tb]) => (newest ? a - b : tb - ta || a - b)).slice(0, SHOWN).map(([id]) => id);
  const docs = await rows(ranked);
  const description = `“${query}”`;
  const summary = hits.size === 0 ? t(lang, 'searchNone', { description }) : hits.size === 1 ? t(lang, 'searchOneResult', { description }) : t(lang, 'searchResults', { count: hits.size, description });
  region.replaceChildren(element('p', summary, { class: 'search-summary' }));
  const list = element('ol', undefined, { class: 'search-results' });
  for (const id of ranked) {
    const [file, title, date, teaser] = docs.get(id)!;
    const item = element('li', undefined, { class: 'search-result' });
    const heading = element('h3');
    heading.append(element('a', title, { href: `${root}${file.split('/').map(encodeURIComponent).join('/')}` }));
    item.append(heading, element('p', date, { class: 'date' }), element('p', teaser, { class: 'teaser-text' }));
    list.append(item);
  }
  if (ranked.length > 0) region.append(list);
}

void run();
