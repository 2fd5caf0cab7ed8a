import type { WritableEdition } from '../domain/edition-guard.ts';
import type { CommentWrite, ContentWriter, NodeWrite } from '../store/types.ts';
import { leadAndTeaser } from '../text/teaser.ts';
import type { EditionTally } from './demo-report.ts';

/** A node before its teaser and lead are derived; `opening` is the start of the body. */
export type NodeDraft = Omit<NodeWrite, 'teaser' | 'leadHtml'> & { readonly opening: string };

/**
 * Derives the listing fields the store keeps. The text helpers only ever see the body's opening
 * paragraphs (which hold well over 150 characters of text): the teaser and the first paragraph
 * depend on nothing after them, and parsing whole bodies would triple the cost of a big seed.
 */
export function finishNode(draft: NodeDraft): NodeWrite {
  const { opening, ...node } = draft;
  const derived = leadAndTeaser(opening);
  return { ...node, teaser: node.summary ?? derived.teaser, leadHtml: derived.leadHtml };
}

// Nodes per saveNodes call: one transaction each, large enough to amortise it, small enough
// that a batch of bodies (about 3 KB each) stays a couple of megabytes.
const DEFAULT_BATCH_SIZE = 500;

/**
 * Buffers nodes and their comments and writes them a batch at a time, after `beforeFlush` has
 * saved whatever terms and authors the batch refers to. Memory stays bounded by one batch.
 */
export class NodeBatch {
  private nodes: NodeWrite[] = [];
  private comments: CommentWrite[] = [];

  constructor(
    private readonly writer: ContentWriter,
    private readonly edition: WritableEdition,
    private readonly tally: EditionTally,
    private readonly beforeFlush: () => Promise<void>,
    private readonly afterFlush: (nodes: number) => void,
    private readonly size = DEFAULT_BATCH_SIZE,
  ) {}

  /** Queues a node with its comments, writing the batch when it is full. */
  async push(node: NodeWrite, comments: readonly CommentWrite[]): Promise<void> {
    this.nodes.push(node);
    for (const c of comments) this.comments.push(c);
    this.tally.addNode(node, comments);
    if (this.nodes.length >= this.size) await this.flush();
  }

  /** Writes whatever is queued. */
  async flush(): Promise<void> {
    await this.beforeFlush();
    if (this.nodes.length === 0) return;
    const nodes = this.nodes;
    const comments = this.comments;
    this.nodes = [];
    this.comments = [];
    await this.writer.saveNodes(this.edition, nodes);
    if (comments.length > 0) await this.writer.saveComments(this.edition, comments);
    this.afterFlush(nodes.length);
  }
}
