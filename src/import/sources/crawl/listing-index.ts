import type { ImportProvenance, ImportRecord, ImportedNode } from '../../../domain/import-record.ts';
import { checkPlain } from '../../../filter/index.ts';
import { slugify } from '../../../text/slugify.ts';
import { TEASER_ONLY } from '../../import-report.ts';
import { nameFromPath, type ListingTeaser, type MinedListing } from './mined-listing.ts';
import { nidOfPath } from './url-path.ts';

// The listings of a crawl or a set of text dumps, read before the articles (issue 11, point 3).
// They name their terms, sections, authors and blogs, say which articles belong there, and
// keep the articles that were never captured alive as teasers. A teaser is matched to an
// article by its link path when the page linked it, else by the date plus the teaser text
// (the start of the article's body) or the title.

/** A teaser shorter than this is not trusted to identify an article by its text. */
const MIN_TEASER_MATCH = 20;

/** The comparable form of a title or text: lower case, quotes and dashes unified, spaces collapsed, trailing dots gone. */
function norm(text: string): string {
  return text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').replace(/\s*(\.\.\.|…)\s*$/, '').trim();
}

function plainText(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#0?39;/g, "'");
}

interface Entry {
  readonly listing: MinedListing;
  readonly teaser: ListingTeaser;
  readonly provenance: ImportProvenance;
  matched: boolean;
}

/** What the listings say, and which teasers found their article. */
export class ListingIndex {
  private readonly listings = new Map<string, { listing: MinedListing; provenance: ImportProvenance }>();
  private readonly entries: Entry[] = [];
  private readonly byTitle = new Map<string, Entry[]>();
  private readonly byPath = new Map<string, Entry[]>();
  /** Dated teasers by their date, so an article is compared only with the teasers of its day. */
  private readonly byDate = new Map<number, Entry[]>();

  /** Adds one captured listing page (several pages of one listing add up). */
  add(listing: MinedListing, provenance: ImportProvenance): void {
    const known = this.listings.get(listing.path);
    // A page with a heading names the listing better than one without.
    if (known === undefined || (known.listing.name === null && listing.name !== null)) this.listings.set(listing.path, { listing, provenance });
    for (const teaser of listing.teasers) {
      const entry: Entry = { listing, teaser, provenance, matched: false };
      this.entries.push(entry);
      push(this.byTitle, norm(teaser.title), entry);
      if (teaser.path !== null) push(this.byPath, teaser.path, entry);
      if (teaser.date !== null) push(this.byDate, teaser.date, entry);
    }
  }

  /** How many listing pages were mined. */
  get size(): number {
    return this.listings.size;
  }

  /**
   * The terms, authors and blogs the listings name, once each, parents first; and a redirect for
   * a blog alias whose owner's user id no capture told (it then leads to every blog post). A
   * subsection's parent that no listing names is made from its path, unless the source's pages name
   * it themselves (a crawl's article pages link their sections): a second name would flip-flop.
   */
  records(options: { deriveParents: boolean } = { deriveParents: true }): ImportRecord[] {
    const out: ImportRecord[] = [];
    const emitted = new Set<string>();
    const all = [...this.listings.values()].sort((a, b) => a.listing.path.split('/').length - b.listing.path.split('/').length);
    for (const { listing, provenance } of all) {
      const name = this.nameOf(listing);
      if (listing.kind === 'tag') {
        const tid = /^taxonomy\/term\/(\d+)$/.exec(listing.path);
        out.push({ type: 'term', key: termKeyOf(listing.path), tid: tid ? Number(tid[1]) : null, vocabulary: 'tag', name, path: tid ? null : listing.path, legacyPaths: [], parentKey: null, weight: 0, provenance });
      } else if (listing.kind === 'section') {
        const parts = listing.path.split('/');
        const parentPath = parts.length === 3 ? parts.slice(0, 2).join('/') : null;
        if (options.deriveParents && parentPath !== null && !this.listings.has(parentPath) && !emitted.has(parentPath)) {
          emitted.add(parentPath);
          out.push({ type: 'term', key: `path/${parentPath}`, tid: null, vocabulary: 'section', name: nameFromPath(parentPath), path: parentPath, legacyPaths: [], parentKey: null, weight: 0, provenance });
        }
        out.push({ type: 'term', key: `path/${listing.path}`, tid: null, vocabulary: 'section', name, path: listing.path, legacyPaths: [], parentKey: parentPath === null ? null : `path/${parentPath}`, weight: 0, provenance });
      } else if (listing.kind === 'author') {
        const slug = listing.path.slice('author/'.length);
        out.push({ type: 'author', key: `author/${slug}`, name, slug, provenance });
      } else if (listing.kind === 'blog') {
        const blog = this.blogOf(listing);
        if (blog !== null && listing.path.startsWith('blog/')) {
          out.push({ type: 'blog', key: `blog/${blog.uid}`, uid: blog.uid, title: name, slug: blog.slug, ownerName: listing.teasers.find((t) => t.authors.length > 0)?.authors[0] ?? '', provenance });
        } else if (blog === null) {
          out.push({ type: 'redirect', from: listing.path, to: 'blog', fixedRoute: true, provenance });
        }
      }
    }
    return out;
  }

  /**
   * The node with what the listings say about it: its tags, section, authors, blog and whether
   * the front page featured it. Matching teasers are marked, so they do not become teaser-only items.
   */
  augment(node: ImportedNode, capturedComments: number | null = null): ImportedNode {
    const current = node.revisions.at(-1);
    if (current === undefined) return node;
    const paths = new Set([node.path, ...node.legacyPaths, node.nid === null ? null : `node/${node.nid}`].filter((p): p is string => p !== null));
    const body = norm(plainText(current.body));
    const candidates = new Set<Entry>([...paths].flatMap((p) => this.byPath.get(p) ?? []));
    // A linked teaser is matched by its link, unless the page was captured without its alias.
    const byText = (t: ListingTeaser) => t.path === null || node.path === null;
    for (const entry of this.byTitle.get(norm(current.title)) ?? []) if (byText(entry.teaser) && sameDay(entry.teaser.date, node.publishedAt)) candidates.add(entry);
    for (const entry of this.byDate.get(node.publishedAt) ?? []) {
      const t = entry.teaser;
      if (!byText(t) || candidates.has(entry)) continue;
      const teaser = norm(t.teaser);
      if (teaser.length >= MIN_TEASER_MATCH && body.startsWith(teaser)) candidates.add(entry);
    }
    if (candidates.size === 0) return node;
    let result = node;
    const notes: string[] = [...(node.notes ?? [])];
    for (const entry of candidates) {
      entry.matched = true;
      result = this.withMembership(result, entry.listing);
      const shown = entry.teaser.comments;
      // Either way round: a listing that shows fewer than were captured was saved before they were posted.
      if (shown !== null && capturedComments !== null && shown !== capturedComments) {
        const note = `the listing /${entry.listing.path} shows ${shown} comment${shown === 1 ? '' : 's'}; ${capturedComments} captured`;
        if (!notes.includes(note)) notes.push(note);
      }
    }
    // A page captured only at /node/<nid> learns its alias from the listing that linked it.
    const alias = result.path === null ? [...candidates].map((e) => e.teaser.path).find((p) => p !== null && nidOfPath(p) === null) : undefined;
    if (alias !== undefined && alias !== null) result = { ...result, path: alias };
    return notes.length > 0 ? { ...result, notes } : result;
  }

  /**
   * The listed articles no capture holds, as items made of their teaser: the listing then answers
   * with what is known, and each is counted as "teaser-only" in the report's items by type.
   */
  teaserOnly(): ImportedNode[] {
    const groups = new Map<string, Entry[]>();
    for (const entry of this.entries) {
      if (entry.matched) continue;
      const t = entry.teaser;
      push(groups, t.path ?? `${norm(t.title)}\u0000${t.date ?? ''}`, entry);
    }
    const out: ImportedNode[] = [];
    for (const group of groups.values()) {
      const { teaser, provenance } = group[0]!;
      const nid = teaser.path === null ? null : nidOfPath(teaser.path);
      const slug = slugify(teaser.title);
      const path = teaser.path !== null && nid === null ? teaser.path : nid === null && slug !== '' ? `content/${slug}` : null;
      if (path === null && nid === null) continue;
      const key = nid !== null ? `node/${nid}` : `path/${path}`;
      const revisedAt = provenance.capturedAt ?? teaser.date ?? 0;
      const comments = Math.max(0, ...group.map((e) => e.teaser.comments ?? 0));
      const blogPost = group.some((e) => e.listing.kind === 'blog' || e.listing.kind === 'blogs');
      let node: ImportedNode = {
        type: 'node', key, nid, kind: blogPost ? 'blog_post' : 'article', path, legacyPaths: [], published: true, promoted: false,
        publishedAt: teaser.date ?? revisedAt, showDate: teaser.date !== null, sectionKey: null, tagKeys: [], authors: [...teaser.authors], blogKey: null,
        commentPolicy: null, sourceType: TEASER_ONLY,
        revisions: [{ vid: null, title: teaser.title, body: teaser.teaser === '' ? '' : `<p>${checkPlain(teaser.teaser)}</p>`, bodyFormat: 'filtered_html', summary: null, credit: null, photo: null, revisedAt, log: null }],
        files: [], provenance: { ...provenance, originalUrl: null }, ...(comments > 0 ? { listedComments: comments } : {}),
        notes: [`teaser only: listed on /${group.map((e) => e.listing.path).filter((p, i, all) => all.indexOf(p) === i).join(', /')}, but its page was never captured${comments > 0 ? ` (the listing shows ${comments} comment${comments === 1 ? '' : 's'})` : ''}`],
      };
      for (const entry of group) node = this.withMembership(node, entry.listing);
      out.push(node);
    }
    return out;
  }

  private withMembership(node: ImportedNode, listing: MinedListing): ImportedNode {
    switch (listing.kind) {
      case 'tag': {
        const key = termKeyOf(listing.path);
        return node.tagKeys.includes(key) ? node : { ...node, tagKeys: [...node.tagKeys, key] };
      }
      case 'section': {
        const depth = (k: string | null) => (k === null ? 0 : k.split('/').length);
        const key = `path/${listing.path}`;
        return depth(key) > depth(node.sectionKey) ? { ...node, sectionKey: key } : node;
      }
      case 'author': {
        const name = this.nameOf(listing);
        const slug = listing.path.slice('author/'.length);
        return node.authors.some((a) => a === name || slugify(a) === slug) ? node : { ...node, authors: [...node.authors, name] };
      }
      case 'blog': {
        const blog = this.blogOf(listing);
        return blog === null || node.blogKey !== null ? node : { ...node, blogKey: `blog/${blog.uid}`, kind: 'blog_post' };
      }
      case 'front':
        return node.promoted ? node : { ...node, promoted: true };
      case 'blogs':
        return node;
    }
  }

  private nameOf(listing: MinedListing): string {
    return this.listings.get(listing.path)?.listing.name ?? listing.name ?? nameFromPath(listing.path);
  }

  /**
   * A blog's owner id and alias: /blog/<uid> gives the id; the /blogs/<slug> listing with the same
   * heading gives the alias. Null when no capture told the id.
   */
  private blogOf(listing: MinedListing): { uid: number; slug: string } | null {
    const blogs = [...this.listings.values()].map((l) => l.listing).filter((l) => l.kind === 'blog');
    const name = this.nameOf(listing);
    const byUid = listing.path.startsWith('blog/') ? listing : blogs.find((l) => l.path.startsWith('blog/') && this.nameOf(l) === name);
    if (byUid === undefined) return null;
    const alias = listing.path.startsWith('blogs/') ? listing : blogs.find((l) => l.path.startsWith('blogs/') && this.nameOf(l) === name);
    return { uid: Number(byUid.path.slice('blog/'.length)), slug: alias ? alias.path.slice('blogs/'.length) : slugify(name) || `blog-${byUid.path.slice(5)}` };
  }
}

/** The key of the tag a listing path names: "term/<tid>" for /taxonomy/term/<tid>, else "path/<path>". */
export function termKeyOf(path: string): string {
  const tid = /^taxonomy\/term\/(\d+)$/.exec(path);
  return tid ? `term/${tid[1]}` : `path/${path}`;
}

function sameDay(a: number | null, b: number): boolean {
  return a === null || a === b;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
