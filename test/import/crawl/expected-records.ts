import { formatToString } from '../../../src/filter/index.ts';
import type { ImportRecord, ImportedComment, ImportedNode } from '../../../src/domain/import-record.ts';
import type { FixtureComment, FixtureNode } from '../../fixtures/original-site/fixture-page.ts';

/** Records by type, for assertions. */
export function byType(records: readonly ImportRecord[]): { nodes: ImportedNode[]; comments: ImportedComment[]; types: string[] } {
  return {
    nodes: records.filter((r): r is ImportedNode => r.type === 'node'),
    comments: records.filter((r): r is ImportedComment => r.type === 'comment'),
    types: records.map((r) => r.type),
  };
}

/** The fixture's body as Filtered HTML displays it. */
export function displayedBody(node: FixtureNode): string {
  return formatToString('filtered_html', node.paragraphs.map((p) => `<p>${p}</p>`).join('\n'));
}

/** Comments of a fixture in page order (parents before replies), with their parent's cid. */
export function flatComments(comments: readonly FixtureComment[], parent: number | null = null): { c: FixtureComment; parent: number | null }[] {
  return comments.flatMap((c) => [{ c, parent }, ...flatComments(c.replies ?? [], c.cid)]);
}

/** Midday of the printed Beirut date, as the parser reads a "Published" line. */
export function beirutNoonOf(unix: number): number {
  const d = new Date((unix + 2 * 3600) * 1000); // Beirut is UTC+2 in November, the fixtures' month.
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 10) / 1000;
}
