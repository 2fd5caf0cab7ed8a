import type { ImportedNode } from '../domain/import-record.ts';
import type { MutableBatch } from './batch.ts';
import type { FileCopier } from './file-copier.ts';
import type { UrlFate } from './import-report.ts';

/** What the files of one run came to. */
export interface FileCounts {
  copied: number;
  unchanged: number;
  missing: number;
}

/** Files remembered as done per run, so a photo on a thousand pages is copied once. */
const REMEMBERED_FILES = 200_000;

/** The reason a referenced file's URL answers 410. */
export const MISSING_FILE_REASON = 'the file was not in the copy of the files folder (--files)';

/** Links and images in markup: what a body's src and href point at. */
const MARKUP_REFERENCE = /\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** Every file an item referenced: its file list, its photos and the images and links in its bodies. */
export function referencedFiles(node: ImportedNode): string[] {
  const refs = new Set(node.files);
  for (const r of node.revisions) {
    if (r.photo !== null) refs.add(r.photo.src);
    for (const m of r.body.matchAll(MARKUP_REFERENCE)) refs.add(m[1] ?? m[2] ?? '');
  }
  refs.delete('');
  return [...refs];
}

/**
 * The importer's file step (`--files`): copies what each item references into Folio's files,
 * each file once per run. A copied or already present file answers at its old URL; a missing
 * one is named in the report and its URL answers 410, so no referenced file URL is a 404.
 */
export class NodeFiles {
  readonly counts: FileCounts = { copied: 0, unchanged: 0, missing: 0 };
  private readonly done = new Set<string>();

  constructor(private readonly run: { reportUrl(entry: UrlFate): void; warn(ref: string, reason: string): void }, private readonly copy: FileCopier) {}

  /** Copies the files of these items; the paths of missing ones join the batch's gone paths. */
  async copyFor(nodes: readonly ImportedNode[], batch: MutableBatch): Promise<void> {
    for (const node of nodes) {
      for (const ref of referencedFiles(node)) {
        const result = await this.copy(ref);
        if (result === null || this.done.has(result.path)) continue;
        if (this.done.size >= REMEMBERED_FILES) this.done.clear();
        this.done.add(result.path);
        this.counts[result.outcome]++;
        if (result.outcome !== 'missing') {
          this.run.reportUrl({ path: result.path, fate: 'canonical' });
          continue;
        }
        this.run.reportUrl({ path: result.path, fate: 'gone', reason: MISSING_FILE_REASON });
        this.run.warn(`/${result.path}`, `referenced by ${node.key}, but ${MISSING_FILE_REASON}; its URL answers 410`);
        batch.gone.push({ path: result.path, reason: MISSING_FILE_REASON });
      }
    }
  }
}
