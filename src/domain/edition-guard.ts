import type { Edition } from './edition.ts';
import { ReadOnlyEdition } from './errors.ts';

declare const writable: unique symbol;

/**
 * An edition that may be written to. The store's write methods only accept this type, so a
 * write to an archive cannot even be expressed without passing through one of the two
 * functions below (the type-level half of "read-only twice over"; see STYLE.md habit 7).
 */
export type WritableEdition = Edition & { readonly [writable]: true };

/** The run-time half: every ordinary write goes through here, and archives refuse it. */
export function requireWritable(edition: Edition): WritableEdition {
  if (edition.mode === 'archive') throw new ReadOnlyEdition(edition.code);
  return edition as WritableEdition;
}

/**
 * Why an archive may be written to: the importer and the demo seeder, which build the archive,
 * and an admin's correction record, the one change an archive accepts after it is built (it is
 * kept as a revision, so the archive's history stays complete). Everything else stays read-only.
 */
export type SanctionedArchiveWriter = 'import' | 'demo-seed' | 'correction';

/**
 * Grants write access to any edition, archives included. Only the importer, the demo seeder and
 * the corrections service call this; an architecture test checks that no other module does.
 */
export function sanctionedWriter(edition: Edition, _who: SanctionedArchiveWriter): WritableEdition {
  return edition as WritableEdition;
}
