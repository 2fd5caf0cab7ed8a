import type { WritableEdition } from '../../src/domain/edition-guard.ts';
import type { CommentWrite, ContentWriter, NodeWrite, TermWrite } from '../../src/store/types.ts';

/** What one NodeWrite looked like, minus its (large) body. */
export interface NodeFacts {
  readonly nid: number;
  readonly edition: string;
  readonly kind: NodeWrite['kind'];
  readonly authors: number;
  readonly publishedAt: number;
  readonly summary: string | null;
  readonly teaser: string;
}

/** Facts gathered while a real writer did the work. */
export interface WriteRecord {
  readonly nodes: NodeFacts[];
  readonly terms: (TermWrite & { edition: string })[];
  readonly authors: { aid: number; name: string; slug: string; edition: string }[];
  /** Nids whose title, body, teaser, lead, summary, credit or caption holds an e-mail address. */
  readonly nodeTextWithEmail: number[];
  readonly saveNodesBatchSizes: number[];
  comments: number;
}

// An e-mail address anywhere in a string (what the "no e-mail in node text" rule looks for).
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

/**
 * Wraps a ContentWriter: every call goes to the real one, and a few facts about the content are
 * kept on the way. Bodies are checked as they pass and then dropped, so a big run stays small.
 * A Proxy forwards the methods not watched here, so the wrapper keeps up with the interface.
 */
export function recordingWriter(inner: ContentWriter): { writer: ContentWriter; record: WriteRecord } {
  const record: WriteRecord = { nodes: [], terms: [], authors: [], nodeTextWithEmail: [], saveNodesBatchSizes: [], comments: 0 };
  const watched: Partial<ContentWriter> = {
    saveTerms(edition: WritableEdition, terms: readonly TermWrite[]) {
      for (const t of terms) record.terms.push({ ...t, edition: edition.code });
      return inner.saveTerms(edition, terms);
    },
    saveAuthors(edition: WritableEdition, authors: readonly { aid: number; name: string; slug: string }[]) {
      for (const a of authors) record.authors.push({ ...a, edition: edition.code });
      return inner.saveAuthors(edition, authors);
    },
    saveNodes(edition: WritableEdition, nodes: readonly NodeWrite[]) {
      record.saveNodesBatchSizes.push(nodes.length);
      for (const n of nodes) {
        record.nodes.push({ nid: n.nid, edition: edition.code, kind: n.kind, authors: n.authorIds.length, publishedAt: n.publishedAt, summary: n.summary, teaser: n.teaser });
        const text = [n.title, n.bodyHtml, n.teaser, n.leadHtml, n.summary ?? '', n.credit ?? '', n.photo?.caption ?? ''].join('\n');
        if (EMAIL.test(text)) record.nodeTextWithEmail.push(n.nid);
      }
      return inner.saveNodes(edition, nodes);
    },
    saveComments(edition: WritableEdition, comments: readonly CommentWrite[]) {
      record.comments += comments.length;
      return inner.saveComments(edition, comments);
    },
  };
  const writer = new Proxy(inner, {
    get(target, prop, receiver) {
      const own = (watched as Record<PropertyKey, unknown>)[prop];
      if (own !== undefined) return own;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { writer, record };
}
