import type { NodeWrite } from '../store/types.ts';
import { escapeHtml } from './english-prose.ts';
import { finishNode } from './node-batch.ts';

// Intro text of the special pages. Written for Folio; the stories they frame are the demo's own.
const INTROS: Readonly<Record<string, readonly string[]>> = {
  'editors-corner': [
    'Corrections, clarifications and letters from our readers, newest first.',
    'We try to get every name, date and number right. When we do not, we say so here — and we link to the article we corrected.',
    'Letters are edited for length. Write to the editors through the contact page; we read everything, even when we cannot answer.',
  ],
  stl: [
    'The Special Tribunal for Lebanon has been a fixture of Lebanese politics since it was set up: a court sitting abroad, funded in part from Beirut, and argued over at every cabinet meeting.',
    'This page gathers our coverage — the hearings, the quarrels over funding, the leaks, and what it has all meant for the people it was meant to serve.',
  ],
  'gaza-2014': [
    'For fifty-one days in the summer of 2014, Gaza was under fire. Our reporters and contributors followed the war from inside the Strip and from the West Bank, Beirut and beyond.',
    'Below is everything we published on the war and its aftermath, newest first: reports, analysis, testimonies and blog posts.',
  ],
};

/** The corrections page or a landing page: a title, intro paragraphs and a fixed alias. */
export function specialPageNode(
  nid: number,
  kind: 'corrections' | 'landing',
  title: string,
  path: string,
  publishedAt: number,
): NodeWrite {
  const body = (INTROS[path] ?? [`${title}: our coverage, newest first.`]).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return finishNode({
    nid, kind, title, path, summary: null, opening: body, bodyHtml: body, credit: null, photo: null,
    publishedAt, updatedAt: publishedAt,
    // Special pages are standing pages, not dated stories.
    showDate: false,
    promoted: false, sectionTid: null, termIds: [], authorIds: [], blogId: null, commentPolicy: null,
  });
}
