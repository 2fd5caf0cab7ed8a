import { checkPlain } from '../../../filter/index.ts';
import { isChromeText } from './page-layout.ts';

// What every kind of text dump shares: lines grouped into blocks by blank lines, the archival
// notice and its signature, and the page furniture that the dump kept as text.

/** The signature under the notice: "Meridian Management". */
export const SIGNATURE = /^\S.{0,60}\bManagement$/;

/**
 * The archival notice in the wordings it had (docs/original-site.md, "The archival notice"): "kept
 * online as an archive", "kept online for archival purposes only", "no longer updated", and the
 * pointer to the main site, whose link text some captures lost ("on our main site ()." or "on our
 * main site .").
 */
const NOTICE_MARKS = [/\bkept online\b.{0,40}\barchiv/i, /\barchival purposes\b/i, /\bno longer (?:being )?updated\b/i];
const MAIN_SITE = /\b(?:main|new|Arabic)\s+(?:web)?site\b/i;

/** Pager lines a dump kept: "« first ‹ previous 1 2 3 next › last »", or any part of it. */
const PAGER = /^(?:[«‹›»…]|\d+|first|previous|next|last|\s)+$/i;

/** Blocks of trimmed, non-empty lines separated by blank lines; Windows and old Mac line ends and stray spaces tolerated. */
export function toBlocks(text: string): string[][] {
  const blocks: string[][] = [[]];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/[\s\u00a0]+/g, ' ').trim();
    if (line === '') {
      if (blocks.at(-1)!.length > 0) blocks.push([]);
    } else blocks.at(-1)!.push(line.replace(/^•\s*/, ''));
  }
  return blocks.filter((b) => b.length > 0);
}

/** True for the archival notice's paragraph, in any of its wordings. */
export function isNotice(block: readonly string[]): boolean {
  const text = block.join(' ');
  return text.length < 600 && NOTICE_MARKS.some((re) => re.test(text)) && (MAIN_SITE.test(text) || /\barchiv/i.test(text));
}

/** True for the notice's signature line. */
export function isSignature(block: readonly string[]): boolean {
  return block.length === 1 && SIGNATURE.test(block[0]!);
}

/**
 * True for a block made only of page furniture: "^ Back to Top", "Syndicate content", pager lines,
 * in any number of lines ("^ Back to Top" directly followed by "Syndicate content" is one block).
 */
export function isChromeBlock(block: readonly string[]): boolean {
  return block.every((line) => isChromeText(line) || PAGER.test(line));
}

/** Blocks as Filtered HTML paragraphs, the lines of a block joined by spaces. */
export function toParagraphs(blocks: readonly (readonly string[])[]): string {
  return blocks.map((b) => `<p>${checkPlain(b.join(' '))}</p>`).join('\n');
}

/** "(Photo: AFP - Rami Saad)" at the end of a caption, or the later "AFP/Rami Saad". */
const CAPTION_CREDIT = /(?:\(\s*Photos?\s*:[^()]*\)|\b[A-Z][A-Za-z.&-]{1,20}\s*\/\s*[A-Z][^/().]{1,60})\s*$/;

/** Splits a caption line into the caption and its photo credit (null when it names none). */
export function splitCaption(text: string): { caption: string | null; credit: string | null } {
  const m = CAPTION_CREDIT.exec(text);
  if (!m) return { caption: text, credit: null };
  const caption = text.slice(0, m.index).trim();
  return { caption: caption === '' ? null : caption, credit: m[0].trim() };
}
