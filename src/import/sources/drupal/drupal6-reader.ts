import type { Connection } from 'mysql2/promise';
import type { CommentRow, DrupalReader, FileRow, RevisionRow, TermLinkRow } from './drupal-rows.ts';
import { selectRows, text } from './sql-rows.ts';
import { DRUPAL6_NAMES, sharedQueries } from './shared-queries.ts';

// Drupal 6 core schema (modules/node, taxonomy, path, comment, upload, filter, system) plus one
// CCK table for ordered bylines: content_field_author(vid, nid, delta, field_author_value), a
// content_taxonomy field whose values are tids in the "Authors" vocabulary. Without that table the
// Authors-vocabulary terms in term_node still give the byline, in tid order.

/** Reads a Drupal 6 database. */
export async function drupal6Reader(db: Connection, tables: ReadonlySet<string>): Promise<DrupalReader> {
  const formatNames = await readFormatNames(db);
  const defaultFormat = tables.has('variable') ? await readDefaultFormat(db) : 1;
  // Format 0 means "the site default" in Drupal 6; an id missing from filter_formats stays null.
  const formatName = (id: unknown): string | null => formatNames.get(Number(id) === 0 ? defaultFormat : Number(id)) ?? null;
  const hasAuthorField = tables.has('content_field_author');
  const hasUploads = tables.has('upload') && tables.has('files');

  return {
    version: 6,
    commentStatusPublishedIs: 0,
    ...sharedQueries(db, DRUPAL6_NAMES),
    // Drupal 6 translates by node (tnid) only.
    entityTranslations: async () => [],
    async revisions(nids) {
      if (nids.length === 0) return [];
      const rows = await selectRows<Record<string, unknown>>(db, `
        SELECT nid, vid, title, body, teaser, format, log, timestamp
        FROM node_revisions WHERE nid IN (?) ORDER BY nid, vid`, [nids]);
      return rows.map((r): RevisionRow => ({
        nid: Number(r.nid), vid: Number(r.vid), title: text(r.title), body: text(r.body), summary: text(r.teaser),
        format: formatName(r.format), log: text(r.log), timestamp: Number(r.timestamp),
      }));
    },
    async termLinks(nodes) {
      if (nodes.length === 0) return [];
      const vids = nodes.map((n) => n.vid);
      const links = await selectRows<TermLinkRow>(db, 'SELECT nid, tid, 0 AS delta FROM term_node WHERE vid IN (?) ORDER BY nid, tid', [vids]);
      if (!hasAuthorField) return links;
      const bylines = await selectRows<TermLinkRow>(db, `
        SELECT nid, field_author_value AS tid, delta FROM content_field_author
        WHERE vid IN (?) AND field_author_value IS NOT NULL ORDER BY nid, delta`, [vids]);
      // Bylines first so their delta order wins when term_node repeats the same author.
      return [...bylines, ...links];
    },
    async files(nodes) {
      if (nodes.length === 0 || !hasUploads) return [];
      const rows = await selectRows<Record<string, unknown>>(db, `
        SELECT u.nid, u.vid, f.fid, f.filename, f.filepath, f.filemime, u.description, u.weight, u.list
        FROM upload u JOIN files f ON f.fid = u.fid
        WHERE u.nid IN (?) ORDER BY u.nid, u.vid, u.weight, u.fid`, [nodes.map((n) => n.nid)]);
      return rows.map((r): FileRow => ({
        nid: Number(r.nid), vid: Number(r.vid), fid: Number(r.fid), location: text(r.filepath), mime: text(r.filemime),
        // upload.module fills the description with the file name when the editor left it empty.
        caption: text(r.description) === text(r.filename) ? '' : text(r.description), order: Number(r.weight), listed: Number(r.list) !== 0,
      }));
    },
    async dateHiddenTypes() {
      // theme_settings holds the global toggles, e.g. s:21:"toggle_node_info_page";i:0;
      if (!tables.has('variable')) return new Set<string>();
      const rows = await selectRows<{ value: unknown }>(db, "SELECT value FROM variable WHERE name = 'theme_settings'");
      const hidden = text(rows[0]?.value).matchAll(/s:\d+:"toggle_node_info_([a-z0-9_]+)";(?:i:0|b:0|s:1:"0");/g);
      return new Set([...hidden].map((m) => m[1]!));
    },
    async commentsAfter(cid, limit) {
      const rows = await selectRows<Record<string, unknown>>(db, `
        SELECT c.cid, c.pid, c.nid, c.subject, c.comment, c.format, c.hostname, c.timestamp, c.status, c.thread,
               c.name, c.mail, c.homepage, c.uid, u.name AS user_name, u.mail AS user_mail, n.nid IS NOT NULL AS node_exists, (c.pid = 0 OR p.cid IS NOT NULL) AS parent_exists
        FROM comments c LEFT JOIN node n ON n.nid = c.nid LEFT JOIN comments p ON p.cid = c.pid LEFT JOIN users u ON u.uid = c.uid AND c.uid > 0
        WHERE c.cid > ? ORDER BY c.cid LIMIT ?`, [cid, limit]);
      return rows.map((r): CommentRow => ({
        cid: Number(r.cid), pid: Number(r.pid), nid: Number(r.nid), nodeExists: Number(r.node_exists) === 1,
        parentExists: Number(r.parent_exists) === 1, subject: text(r.subject), body: text(r.comment), format: formatName(r.format),
        hostname: text(r.hostname), created: Number(r.timestamp), changed: Number(r.timestamp), status: Number(r.status),
        thread: text(r.thread), name: text(r.name), mail: text(r.mail), homepage: text(r.homepage),
        uid: Number(r.uid), userName: text(r.user_name), userMail: text(r.user_mail),
      }));
    },
  };
}

/** filter_formats: id → name ("Filtered HTML"). */
async function readFormatNames(db: Connection): Promise<Map<number, string>> {
  const rows = await selectRows<{ format: number; name: unknown }>(db, 'SELECT format, name FROM filter_formats');
  return new Map(rows.map((r) => [Number(r.format), text(r.name)]));
}

/** The variable filter_default_format (a PHP-serialised number), 1 when unset as in Drupal 6. */
async function readDefaultFormat(db: Connection): Promise<number> {
  const rows = await selectRows<{ value: unknown }>(db, "SELECT value FROM variable WHERE name = 'filter_default_format'");
  const match = /(\d+)/.exec(text(rows[0]?.value));
  return match ? Number(match[1]) : 1;
}
