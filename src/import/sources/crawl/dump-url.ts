import { sitePath } from './url-path.ts';

// A text dump names the URL it was saved from in one of three ways (issue 11, point 2): a first
// line "URL: <url>", a urls.tsv manifest beside the files ("<file name>\t<url>" per line), or a
// file name that is the percent-encoded path ("content%2Fharbour-workers%E2%80%99-strike.txt").
// The first that answers wins, in that order.

/** "URL: http://english.example/content/a" as a dump's first line. */
const URL_LINE = /^\uFEFF?\s*URL:\s*(\S+)\s*$/i;

/** A dump's URL and its text without the URL line; url is null when nothing names it. */
export interface DumpUrl {
  readonly url: string | null;
  readonly text: string;
  /** Which of the three ways named it. */
  readonly from: 'line' | 'manifest' | 'file name' | null;
}

/** The URL a dump names, from its first line, the manifest's entry for its file name, or the file name. */
export function dumpUrl(text: string, fileName: string, manifest: ReadonlyMap<string, string>): DumpUrl {
  const newline = text.search(/\r\n|\r|\n/);
  const first = newline < 0 ? text : text.slice(0, newline);
  const m = URL_LINE.exec(first);
  if (m) return { url: m[1]!, text: newline < 0 ? '' : text.slice(newline).replace(/^(\r\n|\r|\n)/, ''), from: 'line' };
  const listed = manifest.get(fileName);
  if (listed !== undefined) return { url: listed, text, from: 'manifest' };
  const named = pathOfFileName(fileName);
  return named === null ? { url: null, text, from: null } : { url: `/${named}`, text, from: 'file name' };
}

/**
 * The path a file name spells when it is a percent-encoded path: its decoded form must hold a "/"
 * (an encoded %2F), so an ordinary name ("ferry.txt") is never taken for one. The path keeps its
 * other escapes as the name gave them.
 */
export function pathOfFileName(fileName: string): string | null {
  const stem = fileName.replace(/\.txt$/i, '');
  if (!/%2F/i.test(stem)) return null;
  const path = stem.replace(/%2F/gi, '/').replace(/%3F/gi, '?').replace(/%3D/gi, '=').replace(/%26/gi, '&');
  return path.replace(/^\/+/, '');
}

/** Parses urls.tsv: "<file name>\t<url>" per line; blank lines and "#" comments ignored. */
export function parseManifest(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [file, url] = line.split('\t');
    if (file !== undefined && url !== undefined && url.trim() !== '') out.set(file.trim(), url.trim());
  }
  return out;
}

/** The path Folio stores for a URL: the site path, percent-escapes decoded (see `sitePath`). */
export function storedPath(url: string): string {
  return sitePath(url);
}
