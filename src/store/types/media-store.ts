import type { MediaItem } from '../../domain/media.ts';

/** A page of the media library: newest first, optionally narrowed by a search. */
export interface MediaQuery {
  readonly edition: string;
  readonly limit: number;
  /** The keyset cursor: items uploaded before this one (its time and id). */
  readonly olderThan?: { readonly at: number; readonly id: string } | null;
  /** Words looked for in caption, credit, alt text and file name (case-insensitive, all must match). */
  readonly search?: string | null;
}

/** The text an editor may change on an item. */
export interface MediaText {
  readonly caption: string | null;
  readonly credit: string | null;
  readonly alt: string | null;
}

/** The media library's rows (016-media). */
export interface MediaStore {
  /** Adds an item; 'exists' (and nothing written) when an item with its id is there already. */
  insert(item: MediaItem): Promise<'inserted' | 'exists'>;
  find(id: string): Promise<MediaItem | undefined>;
  /** The imported item that was the old site's file at this path. */
  findByLegacyPath(path: string): Promise<MediaItem | undefined>;
  list(query: MediaQuery): Promise<MediaItem[]>;
  /** Changes an item's caption, credit and alt text; false when there is no such item. */
  updateText(id: string, text: MediaText): Promise<boolean>;
  /** Removes an item's row; false when there was none. */
  remove(id: string): Promise<boolean>;
  /** The nodes (not counting emptied trash) whose lead photo is one of `srcs` or whose body shows a file named `<id>-…`. */
  nodesUsing(id: string, srcs: readonly string[]): Promise<number[]>;
}
