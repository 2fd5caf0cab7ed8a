import type {
  ImportedComment, ImportedNode, ImportedRevision, ImportedTerm, ImportProvenance, ImportRecord, ImportSource,
} from '../../src/domain/import-record.ts';
import { seconds } from './factories.ts';

export const TEST_PROVENANCE: ImportProvenance = { source: 'folio', originalUrl: null, capturedAt: null };

/** An async source over a fixed list of records. */
export async function* sourceOf(records: readonly ImportRecord[]): ImportSource {
  for (const r of records) yield r;
}

export function termRecord(o: Partial<ImportedTerm> & { key: string; name: string }): ImportedTerm {
  return { type: 'term', tid: null, vocabulary: 'tag', path: null, legacyPaths: [], parentKey: null, weight: 0, provenance: TEST_PROVENANCE, ...o };
}

export function revision(o: Partial<ImportedRevision> & { title: string }): ImportedRevision {
  return {
    vid: null, body: `<p>${o.title}: the first paragraph of the body, long enough for a teaser near one hundred and fifty characters in listings.</p><p>More.</p>`,
    bodyFormat: 'full_html', summary: null, credit: '(Reuters, Al-Akhbar)', photo: null, revisedAt: seconds('2014-11-18T10:00:00+02:00'), log: null, ...o,
  };
}

export function nodeRecord(o: Partial<ImportedNode> & { key: string; revisions: readonly ImportedRevision[] }): ImportedNode {
  return {
    type: 'node', nid: null, kind: 'article', path: null, legacyPaths: [], published: true, promoted: false,
    publishedAt: seconds('2014-11-18T10:00:00+02:00'), showDate: true, sectionKey: null, tagKeys: [], authors: [], blogKey: null,
    commentPolicy: null, files: [], provenance: TEST_PROVENANCE, ...o,
  };
}

export function commentRecord(o: Partial<ImportedComment> & { key: string; nodeKey: string }): ImportedComment {
  return {
    type: 'comment', cid: null, parentKey: null, thread: null, published: true, name: 'A reader', email: 'reader@private.example',
    homepage: null, hostname: '192.0.2.7', subject: 'A comment', body: 'Plain words.', format: 'filtered_html',
    createdAt: seconds('2014-11-19T09:00:00+02:00'), changedAt: seconds('2014-11-19T09:00:00+02:00'), provenance: TEST_PROVENANCE, ...o,
  };
}
