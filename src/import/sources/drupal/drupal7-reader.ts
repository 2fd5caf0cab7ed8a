import type { Connection } from 'mysql2/promise';
import type { CommentRow, DrupalReader, EntityTranslationRow, FileRow, RevisionRow, TermLinkRow } from './drupal-rows.ts';
import { firstRowPer, isPlainIdentifier, selectRows, text } from './sql-rows.ts';
import { DRUPAL7_NAMES, sharedQueries } from './shared-queries.ts';

// Drupal 7 core schema. Term links and images live in Field API tables whose names depend on the
// site, so they are discovered from field_config: every taxonomy_term_reference field (field_tags,
// field_section, field_author …) and every image field. Bylines are a term reference field into
// the "Authors" vocabulary, ordered by delta. Revision tables (field_revision_*) are read rather
// than field_data_*, so unpublished nodes and older revisions get their terms and photos too.

/** Reads a Drupal 7 database. */
export async function drupal7Reader(db: Connection, tables: ReadonlySet<string>): Promise<DrupalReader> {
  const termFields = await fieldTables(db, tables, 'taxonomy_term_reference');
  const imageFields = await fieldTables(db, tables, 'image');
  const hasFileUsage = tables.has('file_usage') && tables.has('file_managed');
  // The Title module replaces node titles with a field (title_field) and comment subjects with
  // subject_field; node.title and comment.subject keep a legacy copy that may be stale or empty.
  const hasTitleField = tables.has('field_revision_title_field');
  const hasEntityTranslation = tables.has('entity_translation');
  const commentSubjectTable = tables.has('field_data_subject_field') ? 'subject_field' : tables.has('field_data_title_field') ? 'title_field' : null;

  return {
    version: 7,
    commentStatusPublishedIs: 1,
    ...sharedQueries(db, DRUPAL7_NAMES),
    async entityTranslations(nids) {
      if (nids.length === 0 || !hasEntityTranslation) return [];
      // The row whose source is '' is the original language; the others are translations.
      return selectRows<EntityTranslationRow>(db, `
        SELECT entity_id AS nid, language FROM entity_translation
        WHERE entity_type = 'node' AND entity_id IN (?) AND source <> '' AND status = 1 ORDER BY entity_id, language`, [nids]);
    },
    async revisions(nids, language) {
      if (nids.length === 0) return [];
      // delta 0 of the body; a translated body adds rows per language: the wanted language's row
      // (an entity translation's, else the node's own) comes first per vid and wins.
      const wanted = language === undefined ? 'n.language' : '?';
      const rows = await selectRows<Record<string, unknown>>(db, `
        SELECT r.nid, r.vid, ${hasTitleField ? 'COALESCE(t.title_field_value, r.title)' : 'r.title'} AS title, r.log, r.timestamp, b.body_value, b.body_summary, b.body_format
        FROM node_revision r JOIN node n ON n.nid = r.nid LEFT JOIN field_revision_body b
          ON b.entity_type = 'node' AND b.entity_id = r.nid AND b.revision_id = r.vid AND b.deleted = 0 AND b.delta = 0
        ${hasTitleField ? `LEFT JOIN field_revision_title_field t
          ON t.entity_type = 'node' AND t.entity_id = r.nid AND t.revision_id = r.vid AND t.deleted = 0 AND t.delta = 0` : ''}
        WHERE r.nid IN (?) ORDER BY r.nid, r.vid, b.language = ${wanted} DESC${hasTitleField ? `, t.language = ${wanted} DESC` : ''}`,
      language === undefined ? [nids] : [nids, language, ...(hasTitleField ? [language] : [])]);
      return firstRowPer(rows, (r) => Number(r.vid)).map((r): RevisionRow => ({
        nid: Number(r.nid), vid: Number(r.vid), title: text(r.title), body: text(r.body_value), summary: text(r.body_summary),
        format: r.body_format === null ? null : text(r.body_format), log: text(r.log), timestamp: Number(r.timestamp),
      }));
    },
    async termLinks(nodes) {
      if (nodes.length === 0) return [];
      const nids = nodes.map((n) => n.nid);
      const vids = nodes.map((n) => n.vid);
      if (termFields.length === 0) {
        // No term reference fields: taxonomy_index is all there is (it lists published nodes only).
        return tables.has('taxonomy_index') ? selectRows<TermLinkRow>(db, 'SELECT nid, tid, 0 AS delta FROM taxonomy_index WHERE nid IN (?) ORDER BY nid, tid', [nids]) : [];
      }
      const perField = await Promise.all(termFields.map((field) => selectRows<TermLinkRow>(db, `
        SELECT entity_id AS nid, ${field}_tid AS tid, delta FROM field_revision_${field}
        WHERE entity_type = 'node' AND entity_id IN (?) AND revision_id IN (?) AND deleted = 0 ORDER BY entity_id, delta`, [nids, vids])));
      return perField.flat();
    },
    async files(nodes) {
      if (nodes.length === 0) return [];
      const nids = nodes.map((n) => n.nid);
      const images = await Promise.all(imageFields.map((field) => selectRows<Record<string, unknown>>(db, `
        SELECT i.entity_id AS nid, i.revision_id AS vid, f.fid, f.uri, f.filemime, i.${field}_title AS title, i.${field}_alt AS alt, i.delta
        FROM field_revision_${field} i JOIN file_managed f ON f.fid = i.${field}_fid
        WHERE i.entity_type = 'node' AND i.entity_id IN (?) AND i.deleted = 0 ORDER BY i.entity_id, i.revision_id, i.delta`, [nids])));
      const attachments = hasFileUsage ? await selectRows<Record<string, unknown>>(db, `
        SELECT u.id AS nid, f.fid, f.uri, f.filemime FROM file_usage u JOIN file_managed f ON f.fid = u.fid
        WHERE u.type = 'node' AND u.id IN (?) ORDER BY u.id, f.fid`, [nids]) : [];
      return [
        ...images.flat().map((r): FileRow => ({
          nid: Number(r.nid), vid: Number(r.vid), fid: Number(r.fid), location: text(r.uri), mime: text(r.filemime),
          caption: text(r.title) || text(r.alt), order: Number(r.delta),
        })),
        ...attachments.map((r): FileRow => ({
          nid: Number(r.nid), vid: null, fid: Number(r.fid), location: text(r.uri), mime: text(r.filemime), caption: '', order: 0,
        })),
      ];
    },
    async dateHiddenTypes() {
      // node_submitted_<type> is FALSE (i:0; or b:0;) when "Display author and date information" is off.
      if (!tables.has('variable')) return new Set<string>();
      const rows = await selectRows<{ name: unknown; value: unknown }>(db, "SELECT name, value FROM variable WHERE name LIKE 'node\\_submitted\\_%'");
      return new Set(rows.filter((r) => /^(?:i:0|b:0|s:1:"0");$/.test(text(r.value))).map((r) => text(r.name).slice('node_submitted_'.length)));
    },
    async commentsAfter(cid, limit) {
      const rows = await selectRows<Record<string, unknown>>(db, `
        SELECT c.cid, c.pid, c.nid, ${commentSubjectTable ? `COALESCE(s.${commentSubjectTable}_value, c.subject)` : 'c.subject'} AS subject, b.comment_body_value, b.comment_body_format, c.hostname, c.created, c.changed,
               c.status, c.thread, c.name, c.mail, c.homepage, c.uid, u.name AS user_name, u.mail AS user_mail, n.nid IS NOT NULL AS node_exists, (c.pid = 0 OR p.cid IS NOT NULL) AS parent_exists
        FROM comment c LEFT JOIN node n ON n.nid = c.nid LEFT JOIN comment p ON p.cid = c.pid LEFT JOIN users u ON u.uid = c.uid AND c.uid > 0
          LEFT JOIN field_data_comment_body b ON b.entity_type = 'comment' AND b.entity_id = c.cid AND b.deleted = 0 AND b.delta = 0
          ${commentSubjectTable ? `LEFT JOIN field_data_${commentSubjectTable} s ON s.entity_type = 'comment' AND s.entity_id = c.cid AND s.deleted = 0 AND s.delta = 0` : ''}
        WHERE c.cid > ? ORDER BY c.cid LIMIT ?`, [cid, limit]);
      return firstRowPer(rows, (r) => Number(r.cid)).map((r): CommentRow => ({
        cid: Number(r.cid), pid: Number(r.pid), nid: Number(r.nid), nodeExists: Number(r.node_exists) === 1,
        parentExists: Number(r.parent_exists) === 1, subject: text(r.subject),
        body: r.comment_body_value === null ? null : text(r.comment_body_value),
        format: r.comment_body_format === null ? null : text(r.comment_body_format),
        hostname: text(r.hostname), created: Number(r.created), changed: Number(r.changed), status: Number(r.status),
        thread: text(r.thread), name: text(r.name), mail: text(r.mail), homepage: text(r.homepage),
        uid: Number(r.uid), userName: text(r.user_name), userMail: text(r.user_mail),
      }));
    },
  };
}

/** Active, undeleted fields of one type whose revision table exists, in field_config order. */
async function fieldTables(db: Connection, tables: ReadonlySet<string>, type: string): Promise<string[]> {
  if (!tables.has('field_config')) return [];
  const rows = await selectRows<{ field_name: unknown }>(db, 'SELECT field_name FROM field_config WHERE type = ? AND deleted = 0 AND active = 1 ORDER BY id', [type]);
  return rows.map((r) => text(r.field_name)).filter((name) => isPlainIdentifier(name) && tables.has(`field_revision_${name}`));
}
