import type { ImportProvenance, ImportRecord, ImportedComment, ImportedNode, ImportedTerm } from '../../../domain/import-record.ts';
import { slugify } from '../../../text/slugify.ts';
import type { ParsedComment, ParsedListingPage, ParsedNodePage, ShownLink } from './parsed-page.ts';
import { nidOfPath, sitePath } from './url-path.ts';

// Turns one parsed capture into records, in the order the importer wants them: the terms and
// authors the page links to, then the node, then its comments. Several captures of one node
// give several nodes with the same key, one revision each; the importer merges them.

/** Records for one parsed page captured at url. */
export function pageRecords(page: ParsedNodePage | ParsedListingPage, url: string, provenance: ImportProvenance): ImportRecord[] {
  if (page.kind === 'node') return nodeRecords(page, url, provenance);
  return page.vocabulary === null ? [] : [listingRecord(page, page.vocabulary, provenance)];
}

/** Identity of a node capture: key, canonical alias and the other paths it answered at. */
function nodeIdentity(nid: number | null, canonicalPath: string | null, url: string): { key: string; path: string | null; legacyPaths: string[] } {
  const captured = sitePath(url);
  const alias = [canonicalPath, captured].find((p) => p !== null && p !== '' && nidOfPath(p) === null) ?? null;
  const key = nid !== null ? `node/${nid}` : `path/${alias ?? captured}`;
  // /node/<nid> is implied by nid, so it is never a legacy path.
  const legacyPaths = captured !== '' && captured !== alias && nidOfPath(captured) === null ? [captured] : [];
  return { key, path: alias, legacyPaths };
}

function nodeRecords(page: ParsedNodePage, url: string, provenance: ImportProvenance): ImportRecord[] {
  const { key, path, legacyPaths } = nodeIdentity(page.nid, page.canonicalPath, url);
  const revisedAt = provenance.capturedAt ?? page.publishedAt ?? 0;
  const records: ImportRecord[] = [];
  const sectionKeys = page.sections.map((s) => `path/${s.path}`);
  page.sections.forEach((s) => records.push(term(s, 'section', sectionParent(s.path), provenance)));
  page.tags.forEach((t) => records.push(term(t, 'tag', null, provenance)));
  for (const a of page.authors) {
    const slug = a.path.startsWith('author/') ? a.path.slice('author/'.length) : null;
    records.push({ type: 'author', key: `author/${slug ?? slugify(a.name)}`, name: a.name, slug, provenance });
  }
  let blogKey: string | null = null;
  if (page.blog?.uid != null) {
    blogKey = `blog/${page.blog.uid}`;
    const slug = page.blog.path?.startsWith('blogs/') ? page.blog.path.slice('blogs/'.length) : slugify(page.blog.name);
    records.push({ type: 'blog', key: blogKey, uid: page.blog.uid, title: page.blog.name, slug, ownerName: page.authors[0]?.name ?? '', provenance });
  }
  const node: ImportedNode = {
    type: 'node', key, nid: page.nid, kind: page.nodeKind, path, legacyPaths, published: true, promoted: page.promoted,
    publishedAt: page.publishedAt ?? revisedAt, showDate: page.publishedAt !== null,
    sectionKey: sectionKeys.at(-1) ?? null,
    tagKeys: page.tags.map(termKey),
    authors: page.authors.map((a) => a.name),
    blogKey,
    commentPolicy: page.hasCommentForm ? 'open' : null,
    revisions: [{ vid: null, title: page.title, body: page.body, bodyFormat: 'filtered_html', summary: null, credit: page.credit, photo: page.photo, revisedAt, log: null }],
    files: page.photo && /^\/?sites\//.test(sitePath(page.photo.src)) ? [`/${sitePath(page.photo.src)}`] : [],
    provenance,
  };
  records.push(node);
  const keys: string[] = [];
  for (const c of page.comments) {
    const record = comment(c, key, keys, revisedAt, provenance);
    keys.push(record.key);
    records.push(record);
  }
  return records;
}

function listingRecord(page: ParsedListingPage, vocabulary: 'tag' | 'section' | 'author', provenance: ImportProvenance): ImportRecord {
  if (vocabulary === 'author') {
    const slug = page.path.slice('author/'.length);
    return { type: 'author', key: `author/${slug}`, name: page.name, slug, provenance };
  }
  const link = { name: page.name, path: page.path };
  return term(link, vocabulary, vocabulary === 'section' ? sectionParent(page.path) : null, provenance);
}

function term(link: ShownLink, vocabulary: 'tag' | 'section', parentKey: string | null, provenance: ImportProvenance): ImportedTerm {
  const tid = /^taxonomy\/term\/(\d+)$/.exec(link.path);
  return {
    type: 'term', key: termKey(link), tid: tid ? Number(tid[1]) : null, vocabulary, name: link.name,
    path: tid ? null : link.path, legacyPaths: [], parentKey, weight: 0, provenance,
  };
}

function termKey(link: ShownLink): string {
  const tid = /^taxonomy\/term\/(\d+)$/.exec(link.path);
  return tid ? `term/${tid[1]}` : `path/${link.path}`;
}

/** A subsection's parent is the section its path extends ("section/politics/palestine" → "section/politics"). */
function sectionParent(path: string): string | null {
  const parts = path.split('/');
  return parts.length === 3 ? `path/${parts.slice(0, 2).join('/')}` : null;
}

function comment(c: ParsedComment, nodeKey: string, keys: readonly string[], fallbackTime: number, provenance: ImportProvenance): ImportedComment {
  const createdAt = c.createdAt ?? fallbackTime;
  // Without a cid the comment is known by its node, time and author, which stay the same across captures.
  const key = c.cid !== null ? `comment/${c.cid}` : `${nodeKey}/comment/${createdAt}-${slugify(c.name) || 'anonymous'}`;
  return {
    type: 'comment', key, cid: c.cid, nodeKey, parentKey: c.parentIndex !== null ? keys[c.parentIndex] ?? null : null, thread: null,
    published: true, name: c.name, email: null, homepage: c.homepage, hostname: null, subject: c.subject, body: c.body,
    format: 'filtered_html', createdAt, changedAt: createdAt, provenance,
  };
}
