import type { CommentWrite, NodeWrite } from '../../src/store/types.ts';
import { cutTeaser, firstParagraph, htmlToText } from '../../src/text/teaser.ts';

/** Epoch seconds of an ISO instant. */
export function seconds(iso: string): number {
  return Math.floor(new Date(iso).getTime() / 1000);
}

/** A node to write, with sensible defaults; teaser and lead are derived from the body as the services do. */
export function buildNode(overrides: Partial<NodeWrite> & { nid: number; title: string }): NodeWrite {
  const bodyHtml = overrides.bodyHtml ?? `<p>${overrides.title} — body text for the test, long enough to be cut into a teaser near one hundred and fifty characters at a word boundary, as listings do.</p><p>Second paragraph.</p>`;
  const published = overrides.publishedAt ?? seconds('2014-11-18T10:00:00+02:00');
  return {
    kind: 'article',
    path: `content/${overrides.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`,
    summary: null,
    teaser: overrides.summary ?? cutTeaser(htmlToText(bodyHtml)),
    leadHtml: firstParagraph(bodyHtml),
    credit: null,
    photo: null,
    updatedAt: published,
    showDate: true,
    promoted: false,
    sectionTid: null,
    termIds: [],
    authorIds: [],
    blogId: null,
    commentPolicy: null,
    ...overrides,
    bodyHtml,
    publishedAt: published,
  };
}

/** A comment to write; the e-mail is set on purpose so privacy tests can look for it. */
export function buildComment(overrides: Partial<CommentWrite> & { cid: number; nid: number }): CommentWrite {
  const body = overrides.body ?? `Comment ${overrides.cid} body.`;
  return {
    pid: null,
    thread: '01/',
    status: 1,
    name: `Reader ${overrides.cid}`,
    email: `reader${overrides.cid}@private.example`,
    homepage: null,
    hostname: '192.0.2.1',
    subject: `Subject ${overrides.cid}`,
    format: 'filtered_html',
    bodyHtml: `<p>${body}</p>`,
    createdAt: seconds('2014-11-19T08:00:00+02:00') + overrides.cid * 60,
    ...overrides,
    body,
  };
}
