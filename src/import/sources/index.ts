import type { ImportSource, ImportSourceName } from '../../domain/import-record.ts';
import { Invalid } from '../../domain/errors.ts';
import { countDrupalItems, drupalSource, type DrupalLanguages } from './drupal/drupal-source.ts';
import { exportEditions, folioSource } from './folio-source.ts';

export { exportEditions };
import { htmlSource } from './html-source.ts';
import { textSource } from './text-source.ts';
import { warcSource } from './warc-source.ts';

/** The input formats, in the order `folio import --help` lists them. */
export const SOURCE_NAMES: readonly ImportSourceName[] = ['drupal', 'warc', 'html', 'text', 'folio'];

/** What opening a source needs: files or folders, or a database URL for `drupal`. */
export interface SourceRequest {
  readonly name: string;
  readonly inputs: readonly string[];
  readonly db: string | null;
  /** For `folio`: read only this edition's records of the export. */
  readonly edition?: string;
  /** For `drupal`: content types left out, their paths answering 410 with the reason. */
  readonly excludeTypes?: readonly string[];
  /** For `drupal`: which nodes this edition takes by language. */
  readonly languages?: DrupalLanguages;
}

/** An opened source, with the number of records it will yield when it can tell. */
export interface OpenedSource {
  readonly name: ImportSourceName;
  readonly records: ImportSource;
  readonly total: number | null;
}

function isSourceName(name: string): name is ImportSourceName {
  return (SOURCE_NAMES as readonly string[]).includes(name);
}

/** Opens the named source, or explains in one line what is wrong with the request. */
export async function openSource(request: SourceRequest): Promise<OpenedSource> {
  const { name } = request;
  if (!isSourceName(name)) throw new Invalid(`unknown import source "${name}": use one of ${SOURCE_NAMES.join(', ')}`);
  if (name === 'drupal') {
    const url = request.db ?? request.inputs[0];
    if (url === undefined) throw new Invalid('the drupal source needs the database: --db mysql://user@host/database');
    return { name, records: drupalSource({ url, excludeTypes: request.excludeTypes ?? [], ...(request.languages ? { languages: request.languages } : {}) }), total: (await countDrupalItems(url)).total };
  }
  if (request.inputs.length === 0) throw new Invalid(`the ${name} source needs at least one file or folder to read`);
  if (name === 'folio') return { name, records: folioSource([...request.inputs], request.edition), total: null };
  const opened = { warc: warcSource, html: htmlSource, text: textSource }[name];
  return { name, records: opened([...request.inputs]), total: null };
}
