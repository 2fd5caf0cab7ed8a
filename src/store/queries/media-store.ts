import { sql, type Kysely, type Selectable } from 'kysely';
import type { MediaItem } from '../../domain/media.ts';
import type { Database, MediaTable } from '../schema.ts';
import type { MediaQuery, MediaStore, MediaText } from '../types.ts';

/** The most words a library search uses; more would only slow the scan. */
const MAX_SEARCH_WORDS = 8;

function toItem(row: Selectable<MediaTable>): MediaItem {
  return {
    id: row.id, edition: row.edition, originalName: row.original_name, type: row.type,
    width: Number(row.width), height: Number(row.height), bytes: Number(row.bytes),
    caption: row.caption, credit: row.credit, alt: row.alt,
    widths: row.widths === '' ? [] : row.widths.split(',').map(Number),
    uploadedBy: row.uploaded_by, uploadedAt: Number(row.uploaded_at), legacyPath: row.legacy_path,
  };
}

/** A LIKE pattern matching the text anywhere, with LIKE's own wildcards taken literally. */
function containing(word: string): string {
  return `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The media library in SQL, the same on SQLite and PostgreSQL. */
export class KyselyMediaStore implements MediaStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(item: MediaItem): Promise<'inserted' | 'exists'> {
    const result = await this.db.insertInto('media').values({
      id: item.id, edition: item.edition, original_name: item.originalName, type: item.type,
      width: item.width, height: item.height, bytes: item.bytes,
      caption: item.caption, credit: item.credit, alt: item.alt, widths: item.widths.join(','),
      uploaded_by: item.uploadedBy, uploaded_at: item.uploadedAt, legacy_path: item.legacyPath,
    }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? 'inserted' : 'exists';
  }

  async find(id: string): Promise<MediaItem | undefined> {
    const row = await this.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toItem(row) : undefined;
  }

  async findByLegacyPath(path: string): Promise<MediaItem | undefined> {
    const row = await this.db.selectFrom('media').selectAll().where('legacy_path', '=', path).orderBy('uploaded_at').limit(1).executeTakeFirst();
    return row ? toItem(row) : undefined;
  }

  async list(query: MediaQuery): Promise<MediaItem[]> {
    let q = this.db.selectFrom('media').selectAll().where('edition', '=', query.edition);
    if (query.olderThan) {
      const { at, id } = query.olderThan;
      q = q.where((eb) => eb.or([eb('uploaded_at', '<', at), eb.and([eb('uploaded_at', '=', at), eb('id', '<', id)])]));
    }
    const words = (query.search ?? '').split(/\s+/).filter((w) => w !== '').slice(0, MAX_SEARCH_WORDS);
    for (const word of words) {
      const pattern = containing(word);
      // lower() on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's only for non-ASCII.
      const field = (column: 'caption' | 'credit' | 'alt' | 'original_name') => sql<boolean>`lower(coalesce(${sql.ref(column)}, '')) like ${pattern} escape '\\'`;
      q = q.where((eb) => eb.or([field('caption'), field('credit'), field('alt'), field('original_name')]));
    }
    const rows = await q.orderBy('uploaded_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
    return rows.map(toItem);
  }

  async updateText(id: string, text: MediaText): Promise<boolean> {
    const result = await this.db.updateTable('media').set({ caption: text.caption, credit: text.credit, alt: text.alt }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('media').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async nodesUsing(id: string, srcs: readonly string[]): Promise<number[]> {
    const named = `%/${id}-%`;
    const rows = await this.db.selectFrom('nodes').select('nid')
      .where((eb) => eb.or([
        ...(srcs.length > 0 ? [eb('photo_src', 'in', [...srcs])] : []),
        eb('body_html', 'like', named),
      ]))
      .orderBy('nid').limit(20).execute();
    return rows.map((r) => r.nid);
  }
}
