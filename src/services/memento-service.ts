import type { CorrectionEntry, NodeDetail, Photo } from '../domain/content.ts';
import type { Edition } from '../domain/edition.ts';
import { NotFound } from '../domain/errors.ts';
import type { SafeHtml } from '../domain/safe-html.ts';
import type { ContentReader, RevisionQueries, StoredRevisionContent } from '../store/types.ts';

/** One Memento (RFC 7089 §1.1) of an article: a version as it stood from `datetime` on. */
export interface Memento {
  /** Epoch seconds; also the Memento's URL key, so two versions never share a second (see below). */
  readonly datetime: number;
  readonly title: string;
  readonly bodyHtml: SafeHtml;
  readonly summary: string | null;
  readonly credit: string | null;
  readonly photo: Photo | null;
}

/** An article with its Mementos (oldest first, at least one) and its corrections and updates. */
export interface ArticleHistory {
  readonly node: NodeDetail;
  readonly mementos: readonly Memento[];
  readonly corrections: readonly CorrectionEntry[];
}

function mementoOf(r: Pick<StoredRevisionContent, 'title' | 'bodyHtml' | 'summary' | 'credit' | 'photo'>, datetime: number): Memento {
  return { datetime, title: r.title, bodyHtml: r.bodyHtml, summary: r.summary, credit: r.credit, photo: r.photo };
}

/**
 * The Mementos of a node from its stored revisions. Revisions stored in the same second keep only
 * the last, since a Memento is named by its second. A node whose row is newer than every revision
 * (written before revisions were kept) has its row as the newest Memento, so every node has one.
 */
export function mementosOf(node: NodeDetail, revisions: readonly StoredRevisionContent[]): Memento[] {
  const bySecond = new Map<number, Memento>();
  for (const r of revisions) bySecond.set(r.revisedAt, mementoOf(r, r.revisedAt));
  const mementos = [...bySecond.values()].sort((a, b) => a.datetime - b.datetime);
  const last = mementos.at(-1);
  const rowTime = Math.max(node.updatedAt, node.publishedAt);
  const rowDiffers = !last || last.title !== node.title || last.bodyHtml.html !== node.bodyHtml.html;
  if (!last || (rowTime > last.datetime && rowDiffers)) mementos.push(mementoOf(node, rowTime));
  return mementos;
}

/**
 * The Memento a TimeGate answers for a datetime (RFC 7089 §4.1): the newest one made at or before
 * it; before the first, the first; with no datetime asked, the newest.
 */
export function chooseMemento(mementos: readonly Memento[], at: number | undefined): Memento {
  const first = mementos[0];
  if (!first) throw new NotFound();
  if (at === undefined) return mementos.at(-1)!;
  let best = first;
  for (const m of mementos) if (m.datetime <= at) best = m;
  return best;
}

/** Reads articles as Memento-aware resources: their versions and their corrections record. */
export class MementoService {
  constructor(private readonly content: ContentReader, private readonly revisions: RevisionQueries) {}

  /** The node a path names in this edition: a stored path (old ones too) or `node/<nid>`. */
  async resolveNode(edition: Edition, path: string): Promise<number> {
    const bare = /^node\/(\d{1,10})$/.exec(path);
    if (bare) return Number(bare[1]);
    const target = await this.content.resolvePath(edition.code, path);
    if (target?.targetType !== 'node') throw new NotFound();
    return target.targetId;
  }

  /** A published node of this edition with its versions and corrections; NotFound otherwise. */
  async history(edition: Edition, nid: number): Promise<ArticleHistory> {
    const node = await this.content.findNode(edition.code, nid);
    if (!node) throw new NotFound();
    return this.historyOf(edition, node);
  }

  /**
   * What the article page shows of its history: the times of its versions and its corrections.
   * Only the times are read; revision bodies are needed only when the node's row is newer than
   * every revision (stores older than fixity), where the full history decides.
   */
  async versionsOf(edition: Edition, node: NodeDetail, known?: { readonly revisionTimes: readonly number[]; readonly corrections: readonly CorrectionEntry[] }): Promise<{ versions: readonly Pick<Memento, 'datetime'>[]; corrections: readonly CorrectionEntry[] }> {
    // `known`: the revision times and corrections the caller already read with the node (ReaderService.nodePage).
    const [times, corrections] = known
      ? [known.revisionTimes, known.corrections]
      : await Promise.all([this.revisions.revisionTimesOf(node.nid), this.revisions.correctionsOf(edition.code, [node.nid]).then((m) => m.get(node.nid) ?? [])]);
    const last = times.at(-1);
    if (last === undefined || Math.max(node.updatedAt, node.publishedAt) > last) {
      const full = await this.historyOf(edition, node);
      return { versions: full.mementos, corrections: full.corrections };
    }
    return { versions: times.map((datetime) => ({ datetime })), corrections };
  }

  /** The same for a node already read (the article page has it). */
  async historyOf(edition: Edition, node: NodeDetail): Promise<ArticleHistory> {
    const [revisions, corrections] = await Promise.all([this.revisions.revisionsOf(node.nid), this.revisions.correctionsOf(edition.code, [node.nid])]);
    return { node, mementos: mementosOf(node, revisions), corrections: corrections.get(node.nid) ?? [] };
  }

  /** The corrections and updates of several nodes at once (feed items). */
  async correctionsOf(edition: Edition, nids: readonly number[]): Promise<Map<number, CorrectionEntry[]>> {
    return this.revisions.correctionsOf(edition.code, nids);
  }
}
