import type { Connection } from 'mysql2/promise';
import type { AliasRow, BlogUserRow, DrupalCounts, DrupalReader, NodeRow, TermRow, UserNameRow, VocabularyRow } from './drupal-rows.ts';
import { selectRows } from './sql-rows.ts';

/** Where Drupal 6 and 7 keep the same facts under different names. */
export interface SchemaNames {
  readonly termData: 'term_data' | 'taxonomy_term_data';
  readonly termHierarchy: 'term_hierarchy' | 'taxonomy_term_hierarchy';
  readonly vocabulary: 'vocabulary' | 'taxonomy_vocabulary';
  readonly comments: 'comments' | 'comment';
  /** url_alias columns: src/dst in Drupal 6, source/alias in Drupal 7. */
  readonly aliasSource: 'src' | 'source';
  readonly aliasTarget: 'dst' | 'alias';
}

export const DRUPAL6_NAMES: SchemaNames = { termData: 'term_data', termHierarchy: 'term_hierarchy', vocabulary: 'vocabulary', comments: 'comments', aliasSource: 'src', aliasTarget: 'dst' };
export const DRUPAL7_NAMES: SchemaNames = { termData: 'taxonomy_term_data', termHierarchy: 'taxonomy_term_hierarchy', vocabulary: 'taxonomy_vocabulary', comments: 'comment', aliasSource: 'source', aliasTarget: 'alias' };

type SharedQueries = Pick<DrupalReader, 'counts' | 'vocabularies' | 'terms' | 'aliases' | 'blogUsers' | 'nodesAfter' | 'orphanNodeAliasesAfter' | 'systemAliasesAfter' | 'userNames' | 'languages' | 'usersAfter'>;

/** The queries that differ between the two versions only by table and column names. */
export function sharedQueries(db: Connection, n: SchemaNames): SharedQueries {
  // url_alias rows pointing at node/<nid> for a node that no longer exists.
  const orphanNodeAliases = `FROM url_alias a LEFT JOIN node n ON n.nid = CAST(SUBSTRING(a.${n.aliasSource}, 6) AS UNSIGNED)
    WHERE a.${n.aliasSource} REGEXP '^node/[0-9]+$' AND n.nid IS NULL`;
  // Aliases of everything but nodes and existing terms (which their records carry): users, blogs,
  // forums, views pages, deleted terms. 'taxonomy/term/' is 14 characters.
  const systemAliases = `FROM url_alias a WHERE a.${n.aliasSource} NOT REGEXP '^node/[0-9]+$'
    AND NOT (a.${n.aliasSource} REGEXP '^taxonomy/term/[0-9]+$'
      AND EXISTS (SELECT 1 FROM ${n.termData} t WHERE t.tid = CAST(SUBSTRING(a.${n.aliasSource}, 15) AS UNSIGNED)))`;
  return {
    async counts(): Promise<DrupalCounts> {
      const [row] = await selectRows<Record<keyof DrupalCounts, unknown>>(db, `
        SELECT (SELECT COUNT(*) FROM ${n.termData}) AS terms, (SELECT COUNT(DISTINCT uid) FROM node WHERE type = 'blog') AS blogs,
               (SELECT COUNT(*) FROM node) AS nodes, (SELECT COUNT(*) ${orphanNodeAliases}) AS gone,
               (SELECT COUNT(*) ${systemAliases}) AS systemAliases, 2 * (SELECT COUNT(*) FROM users WHERE uid > 0)
                 - (SELECT COUNT(DISTINCT n.uid) FROM node n JOIN users u ON u.uid = n.uid WHERE n.type = 'blog' AND n.uid > 0) AS users,
               (SELECT COUNT(*) FROM ${n.comments}) AS comments`);
      return {
        terms: Number(row?.terms), blogs: Number(row?.blogs), nodes: Number(row?.nodes), gone: Number(row?.gone),
        systemAliases: Number(row?.systemAliases), users: Number(row?.users), comments: Number(row?.comments),
      };
    },
    vocabularies: () => selectRows<VocabularyRow>(db, `SELECT vid, name FROM ${n.vocabulary} ORDER BY weight, vid`),
    async terms() {
      const rows = await selectRows<Omit<TermRow, 'parents'> & { parent_list: unknown }>(db, `
        SELECT d.tid, d.vid, d.name, d.weight, COALESCE(MIN(h.parent), 0) AS parent, GROUP_CONCAT(h.parent ORDER BY h.parent) AS parent_list
        FROM ${n.termData} d LEFT JOIN ${n.termHierarchy} h ON h.tid = d.tid
        GROUP BY d.tid, d.vid, d.name, d.weight ORDER BY d.tid`);
      return rows.map(({ parent_list, ...row }) => ({ ...row, parents: String(parent_list ?? '0').split(',').map(Number) }));
    },
    async aliases(sources) {
      if (sources.length === 0) return [];
      return selectRows<AliasRow>(db, `SELECT pid, ${n.aliasSource} AS source, ${n.aliasTarget} AS alias, language FROM url_alias WHERE ${n.aliasSource} IN (?) ORDER BY pid`, [sources]);
    },
    blogUsers: () => selectRows<BlogUserRow>(db, `
      SELECT b.uid, COALESCE(u.name, '') AS name
      FROM (SELECT DISTINCT uid FROM node WHERE type = 'blog') b LEFT JOIN users u ON u.uid = b.uid ORDER BY b.uid`),
    usersAfter: (uid, limit) => selectRows<UserNameRow>(db, 'SELECT uid, name FROM users WHERE uid > ? ORDER BY uid LIMIT ?', [Math.max(uid, 0), limit]),
    async userNames(uids) {
      const wanted = [...new Set(uids)].filter((uid) => uid > 0);
      if (wanted.length === 0) return [];
      return selectRows<UserNameRow>(db, 'SELECT uid, name FROM users WHERE uid IN (?)', [wanted]);
    },
    nodesAfter: (nid, limit) => selectRows<NodeRow>(db, `
      SELECT nid, vid, type, uid, status, created, changed, comment, promote, language, tnid
      FROM node WHERE nid > ? ORDER BY nid LIMIT ?`, [nid, limit]),
    async languages() {
      const rows = await selectRows<{ language: unknown }>(db, 'SELECT DISTINCT language FROM node');
      return new Set(rows.map((r) => String(r.language ?? '')));
    },
    systemAliasesAfter: (pid, limit) => selectRows<AliasRow>(db, `
      SELECT a.pid, a.${n.aliasSource} AS source, a.${n.aliasTarget} AS alias ${systemAliases} AND a.pid > ? ORDER BY a.pid LIMIT ?`, [pid, limit]),
    orphanNodeAliasesAfter: (pid, limit) => selectRows<AliasRow>(db, `
      SELECT a.pid, a.${n.aliasSource} AS source, a.${n.aliasTarget} AS alias ${orphanNodeAliases} AND a.pid > ? ORDER BY a.pid LIMIT ?`, [pid, limit]),
  };
}
