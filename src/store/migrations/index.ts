import type { Migration, MigrationProvider } from 'kysely';
import * as content001 from './001-content.ts';
import * as moderation002 from './002-moderation.ts';
import * as search003 from './003-search.ts';
import * as translations005 from './005-translations.ts';
import * as import004 from './004-import.ts';
import * as fixity006 from './006-fixity.ts';
import * as pathCase007 from './007-path-case.ts';
import * as pathRedirects008 from './008-path-redirects.ts';
import * as readPath011 from './011-read-path.ts';
import * as people012 from './012-people.ts';
import * as audit013 from './013-audit.ts';
import * as newsroom014 from './014-newsroom.ts';
import * as relatedItems018 from './018-related-items.ts';
import * as listedComments017 from './017-listed-comments.ts';
import * as media016 from './016-media.ts';
import * as searchEditionIndex019 from './019-search-edition-index.ts';
import * as revisionOrder020 from './020-revision-order.ts';
import * as scheduledDue021 from './021-scheduled-due.ts';
import * as searchFacets022 from './022-search-facets.ts';

/** Every migration, in order. Names sort lexically, which is the order Kysely applies them. */
const MIGRATIONS: Record<string, Migration> = {
  '001-content': content001,
  '002-moderation': moderation002,
  '003-search': search003,
  '005-translations': translations005,
  '004-import': import004,
  '006-fixity': fixity006,
  '007-path-case': pathCase007,
  '008-path-redirects': pathRedirects008,
  '011-read-path': readPath011,
  '012-people': people012,
  '013-audit': audit013,
  '014-newsroom': newsroom014,
  '018-related-items': relatedItems018,
  '017-listed-comments': listedComments017,
  '016-media': media016,
  '019-search-edition-index': searchEditionIndex019,
  '020-revision-order': revisionOrder020,
  '021-scheduled-due': scheduledDue021,
  '022-search-facets': searchFacets022,
};

/** A provider that needs no file system access, so migrations work from any install location. */
export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
