import { Parser } from 'htmlparser2';

/** The `<loc>` URLs of a sitemap or sitemap index, read with an XML parser (entities decoded). */
export function sitemapLocations(xml: string): string[] {
  const found: string[] = [];
  let inLoc = false;
  let text = '';
  const parser = new Parser({
    onopentag: (name) => void ((inLoc = name === 'loc'), (text = '')),
    ontext: (t) => void (inLoc && (text += t)),
    onclosetag: (name) => void (name === 'loc' && (found.push(text.trim()), (inLoc = false))),
  }, { xmlMode: true, decodeEntities: true });
  parser.end(xml);
  return found;
}
