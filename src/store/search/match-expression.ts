import type { QueryNode } from '../../domain/search-query.ts';

/** The token a query word matches in the index (stemmed; for prefixes, the normalised start). */
function token(node: { stemmed: string }): string {
  return node.stemmed;
}

/**
 * A query tree as an FTS5 MATCH expression. Tokens hold only letters and digits (the parser's
 * guarantee), so quoting them is enough: no user text ever reaches FTS5 as syntax.
 */
export function fts5Expression(node: QueryNode): string {
  switch (node.type) {
    case 'term':
      return node.prefix ? `"${node.normalized}"*` : `"${token(node)}"`;
    case 'phrase':
      return `"${node.stemmed.join(' ')}"`;
    case 'not':
      return fts5Expression(node.child);
    case 'and': {
      const positive = node.children.filter((c) => c.type !== 'not').map(fts5Expression);
      const negative = node.children.filter((c) => c.type === 'not').map(fts5Expression);
      // FTS5's NOT is binary ("a NOT b"), so exclusions follow the conjunction of the rest.
      return [`(${positive.join(' AND ')})`, ...negative.map((n) => `NOT ${n}`)].join(' ');
    }
    case 'or':
      return node.children.map((c) => `(${fts5Expression(c)})`).join(' OR ');
  }
}

/** A query tree as a PostgreSQL tsquery string (for to_tsquery), built from plain tokens only. */
export function tsqueryExpression(node: QueryNode): string {
  switch (node.type) {
    case 'term':
      return node.prefix ? `'${node.normalized}':*` : `'${token(node)}'`;
    case 'phrase':
      return `(${node.stemmed.map((w) => `'${w}'`).join(' <-> ')})`;
    case 'not':
      return `!${tsqueryExpression(node.child)}`;
    case 'and':
      return `(${node.children.map(tsqueryExpression).join(' & ')})`;
    case 'or':
      return `(${node.children.map(tsqueryExpression).join(' | ')})`;
  }
}
