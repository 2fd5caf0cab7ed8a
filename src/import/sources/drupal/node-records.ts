import type { ImportedGone, ImportedNode, ImportedRevision, ImportSkip } from '../../../domain/import-record.ts';
import type { NodeKind } from '../../../domain/content.ts';
import type { CommentPolicy } from '../../../domain/edition.ts';
import type { SourcePaths } from './alias-paths.ts';
import type { DrupalVersion, FileRow, NodeRow, RevisionRow, TermLinkRow } from './drupal-rows.ts';
import { leadPhoto, sitePath } from './site-files.ts';
import { splitCredit } from './split-credit.ts';
import type { TermInfo } from './term-records.ts';
import { importTextFormat } from './text-format.ts';

/**
 * Drupal content types → Folio kinds. "story" is Drupal 6's name for an article. Any other type
 * (forum, poll, a site's own) becomes a generic item that keeps its type, so its URLs keep answering.
 */
const KINDS: ReadonlyMap<string, NodeKind> = new Map([
  ['article', 'article'], ['story', 'article'], ['blog', 'blog_post'], ['page', 'page'],
  ['landing', 'landing'], ['newsletter', 'newsletter'], ['corrections', 'corrections'],
]);

/** Drupal's node.comment as Drupal displays it: 2 read/write, 1 read only (shown, no form), 0 hidden (neither). */
function commentPolicy(setting: number): CommentPolicy {
  const value = Number(setting);
  return value === 2 ? 'open' : value === 1 ? 'closed' : 'hidden';
}

/** Everything fetched for one page of nodes, grouped by nid. */
export interface NodePageData {
  readonly version: DrupalVersion;
  readonly revisions: ReadonlyMap<number, readonly RevisionRow[]>;
  readonly links: ReadonlyMap<number, readonly TermLinkRow[]>;
  readonly files: ReadonlyMap<number, readonly FileRow[]>;
  readonly paths: (source: string) => SourcePaths;
  readonly terms: ReadonlyMap<number, TermInfo>;
  readonly dateHiddenTypes: ReadonlySet<string>;
  /** Account names by uid, read only when the site has no Authors vocabulary: the byline then. */
  readonly userNames?: ReadonlyMap<number, string>;
}

/** One node with all its revisions, or a skip saying why it could not be read. */
export function nodeRecord(node: NodeRow, data: NodePageData): ImportedNode | ImportSkip {
  const ref = `node/${node.nid}`;
  const kind = KINDS.get(node.type) ?? 'generic';
  const rows = data.revisions.get(node.nid) ?? [];
  const current = rows.find((r) => r.vid === node.vid);
  // Another revision would publish text the site never showed as current, so the node is skipped.
  if (!current) return { type: 'skip', ref, reason: `its current revision ${node.vid} is missing from the revision table` };
  const older = rows.filter((r) => r !== current).sort((a, b) => a.timestamp - b.timestamp || a.vid - b.vid);
  const files = data.files.get(node.nid) ?? [];
  const paths = data.paths(ref);
  const linked = [...(data.links.get(node.nid) ?? [])]
    .sort((a, b) => a.delta - b.delta)
    .map((l) => data.terms.get(Number(l.tid)))
    .filter((t): t is TermInfo => t !== undefined);
  const section = linked.filter((t) => t.role === 'section').sort((a, b) => b.depth - a.depth)[0];
  return {
    type: 'node', key: ref, nid: node.nid, kind, path: paths.path, legacyPaths: paths.legacyPaths,
    published: Number(node.status) === 1, promoted: Number(node.promote) === 1, publishedAt: Number(node.created),
    showDate: !data.dateHiddenTypes.has(node.type), sectionKey: section?.key ?? null,
    tagKeys: unique(linked.filter((t) => t.role === 'tag').map((t) => t.key)),
    authors: data.userNames === undefined ? unique(linked.filter((t) => t.role === 'author').map((t) => t.name)) : fallbackByline(node, kind, data),
    blogKey: kind === 'blog_post' ? `blog/${node.uid}` : null,
    commentPolicy: commentPolicy(node.comment),
    revisions: [...older, current].map((r) => revision(r, files.filter((f) => f.vid === r.vid))),
    files: unique(files.map((f) => sitePath(f.location))),
    ...(kind === 'generic' ? { sourceType: node.type } : {}),
    // Drupal's tnid names the set's source node; every member (each in its own edition) carries it.
    ...(Number(node.tnid) > 0 ? { translationSet: Number(node.tnid) } : {}),
    provenance: { source: 'drupal', originalUrl: `drupal${data.version}:${ref}`, capturedAt: Number(node.changed) },
  };
}

/**
 * Without an Authors vocabulary, Drupal's "Submitted by <user>" line was the byline: the node's
 * author, on types that showed that line. Blog posts are signed by their blog instead.
 */
function fallbackByline(node: NodeRow, kind: string, data: NodePageData): string[] {
  if (kind === 'blog_post' || data.dateHiddenTypes.has(node.type)) return [];
  const name = data.userNames?.get(Number(node.uid))?.trim() ?? '';
  return name === '' ? [] : [name];
}

function revision(row: RevisionRow, files: readonly FileRow[]): ImportedRevision {
  const { body, credit } = splitCredit(row.body);
  return {
    vid: row.vid, title: row.title, body, bodyFormat: importTextFormat(row.format), summary: editorSummary(row.summary, row.body),
    credit, photo: leadPhoto([...files].sort((a, b) => a.order - b.order || a.fid - b.fid)), revisedAt: row.timestamp,
    log: row.log.trim() === '' ? null : row.log,
  };
}

/** Drupal 6 stores an automatic teaser (the body's start) for every node; only a hand-written one is a summary. */
function editorSummary(summary: string, body: string): string | null {
  const trimmed = summary.trim();
  if (trimmed === '' || body.trimStart().startsWith(trimmed)) return null;
  return trimmed;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Why an excluded type's paths answer 410, as the report and the gone_paths row say it. */
export function exclusionReason(type: string): string {
  return `content type "${type}" was excluded from the import (--exclude-type ${type})`;
}

/** The paths of a node of an excluded type, every one gone: its aliases and /node/<nid>. */
export function excludedNodePaths(node: NodeRow, data: Pick<NodePageData, 'paths' | 'version'>): ImportedGone[] {
  const ref = `node/${node.nid}`;
  const paths = data.paths(ref);
  const reason = exclusionReason(node.type);
  const provenance = { source: 'drupal' as const, originalUrl: `drupal${data.version}:${ref}`, capturedAt: Number(node.changed) };
  return [...(paths.path === null ? [] : [paths.path]), ...paths.legacyPaths, ref].map((path) => ({ type: 'gone', path, reason, provenance }));
}

/**
 * An entity translation (Drupal 7's Entity Translation module) as an item of its own in its
 * language's edition: a new id (the nid is the original's), in the original's translation set,
 * keyed by nid and language so re-runs find it. It is filed under the same sections and tags (each
 * edition has its own copy of the terms); its comments stay with the original, where Drupal stored them.
 */
export function entityTranslationOf(record: ImportedNode, nid: number, language: string): ImportedNode {
  const ref = `node/${nid}/${language}`;
  return {
    ...record, key: ref, nid: null, translationSet: nid, commentPolicy: 'hidden',
    provenance: { ...record.provenance, originalUrl: `drupal${record.provenance.originalUrl?.startsWith('drupal6') ? 6 : 7}:${ref}` },
  };
}
