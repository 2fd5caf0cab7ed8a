import type { ImportedAuthor, ImportedTerm } from '../../../domain/import-record.ts';
import { slugify } from '../../../text/slugify.ts';
import { groupAliases, pathsOf } from './alias-paths.ts';
import type { DrupalReader, TermRow, VocabularyRow } from './drupal-rows.ts';

// Vocabularies are told apart by name, as the original site named them: "Sections" is the section
// tree (two levels, from term_hierarchy), "Authors" holds the byline names (term aliases
// author/<slug>), and every other vocabulary is free tags.
const SECTION_VOCABULARY = /\bsections?\b/i;
const AUTHOR_VOCABULARY = /\bauthors?\b/i;

/** Aliases are looked up this many terms at a time, to keep each IN list short. */
const ALIAS_BATCH = 1000;

/** What a node needs to know about a term it links to. */
export interface TermInfo {
  readonly role: 'section' | 'tag' | 'author';
  readonly key: string;
  readonly name: string;
  /** 0 for a root; a subsection is more specific than its parent section. */
  readonly depth: number;
}

/** The records for every vocabulary and the lookup nodes use to resolve their term links. */
export interface TermCatalogue {
  readonly records: readonly (ImportedTerm | ImportedAuthor)[];
  readonly byTid: ReadonlyMap<number, TermInfo>;
  /** False when no vocabulary holds bylines: nodes then take their author's user name (issue 11). */
  readonly hasAuthorVocabulary: boolean;
}

/** Reads vocabularies, terms and term aliases; parents come before their children. */
export async function readTermCatalogue(reader: DrupalReader): Promise<TermCatalogue> {
  const roles = new Map((await reader.vocabularies()).map((v) => [Number(v.vid), vocabularyRole(v)]));
  const terms = await reader.terms();
  const aliasRows = [];
  for (let i = 0; i < terms.length; i += ALIAS_BATCH) {
    aliasRows.push(...(await reader.aliases(terms.slice(i, i + ALIAS_BATCH).map((t) => `taxonomy/term/${t.tid}`))));
  }
  const aliases = groupAliases(aliasRows);
  const byId = new Map(terms.map((t) => [Number(t.tid), t]));
  const origin = (tid: number): string => `drupal${reader.version}:taxonomy/term/${tid}`;

  const byTid = new Map<number, TermInfo>();
  const records: (ImportedTerm | ImportedAuthor)[] = [];
  const authorKeys = new Set<string>();
  for (const term of [...terms].sort((a, b) => depthOf(a, byId) - depthOf(b, byId) || a.tid - b.tid)) {
    const tid = Number(term.tid);
    const role = roles.get(Number(term.vid)) ?? 'tag';
    const paths = pathsOf(aliases, `taxonomy/term/${tid}`);
    if (role === 'author') {
      const slug = authorSlug(paths.path) ?? slugify(term.name);
      const key = `author/${slug || `term-${tid}`}`;
      byTid.set(tid, { role, key, name: term.name, depth: 0 });
      // Two terms with one slug are one person entered twice: the first record stands for both.
      if (authorKeys.has(key)) continue;
      authorKeys.add(key);
      records.push({ type: 'author', key, name: term.name, slug: authorSlug(paths.path), provenance: { source: 'drupal', originalUrl: origin(tid), capturedAt: null } });
      continue;
    }
    // A parent that is missing or in another vocabulary is treated as the root: the term is kept at the top level.
    const parent = byId.get(Number(term.parent));
    const parentKey = parent && Number(parent.vid) === Number(term.vid) ? `term/${parent.tid}` : null;
    // Several parents: the first is the tree's (breadcrumbs, the term's page), the others are kept too.
    const otherParentKeys = parentKey === null ? [] : (term.parents ?? []).map(Number).filter((p) => p !== Number(parent!.tid))
      .filter((p) => Number(byId.get(p)?.vid) === Number(term.vid)).map((p) => `term/${p}`);
    const key = `term/${tid}`;
    byTid.set(tid, { role, key, name: term.name, depth: parentKey === null ? 0 : depthOf(term, byId) });
    records.push({
      type: 'term', key, tid, vocabulary: role, name: term.name, path: paths.path, legacyPaths: paths.legacyPaths,
      parentKey, ...(otherParentKeys.length > 0 ? { otherParentKeys } : {}), weight: Number(term.weight), provenance: { source: 'drupal', originalUrl: origin(tid), capturedAt: null },
    });
  }
  return { records, byTid, hasAuthorVocabulary: [...roles.values()].includes('author') };
}

function vocabularyRole(vocabulary: VocabularyRow): TermInfo['role'] {
  if (SECTION_VOCABULARY.test(vocabulary.name)) return 'section';
  if (AUTHOR_VOCABULARY.test(vocabulary.name)) return 'author';
  return 'tag';
}

/** "author/lea-al-qazzi" → "lea-al-qazzi"; other aliases give null so the importer derives the slug. */
function authorSlug(path: string | null): string | null {
  const match = path === null ? null : /^author\/([^/]+)$/.exec(path);
  return match ? match[1]! : null;
}

/** Steps up to a root within the term's vocabulary; a cycle or a missing parent ends the walk. */
function depthOf(term: TermRow, byId: ReadonlyMap<number, TermRow>): number {
  let depth = 0;
  const seen = new Set([Number(term.tid)]);
  for (let parent = byId.get(Number(term.parent)); parent && parent.vid === term.vid && !seen.has(Number(parent.tid)); parent = byId.get(Number(parent.parent))) {
    seen.add(Number(parent.tid));
    depth++;
  }
  return depth;
}
