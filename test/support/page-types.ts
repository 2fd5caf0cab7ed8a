import { FIXTURE } from './fixture-site.ts';

/** One URL of each page type, in both editions, over the fixture newspaper. */
export const PAGE_TYPES: readonly { readonly name: string; readonly url: string; readonly status?: number }[] = [
  { name: 'home', url: '/' },
  { name: 'front listing', url: '/node' },
  { name: 'article', url: `/${FIXTURE.article.path}` },
  { name: 'node-only article', url: `/node/${FIXTURE.nodeOnly.nid}` },
  { name: 'section', url: `/${FIXTURE.politics.path}` },
  { name: 'subsection', url: `/${FIXTURE.palestine.path}` },
  { name: 'tag, page 2', url: `/${FIXTURE.gazaTag.path}?page=1` },
  { name: 'taxonomy term', url: `/taxonomy/term/${FIXTURE.termOnly.tid}` },
  { name: 'author', url: `/${FIXTURE.author.path}` },
  { name: 'all blogs', url: '/blog' },
  { name: 'one blog', url: `/${FIXTURE.blog.path}` },
  { name: 'blog post', url: `/${FIXTURE.blog.post}` },
  { name: 'landing', url: `/${FIXTURE.landing.path}` },
  { name: 'newsletter', url: `/${FIXTURE.newsletter.path}` },
  { name: "Editor's Corner", url: `/${FIXTURE.corrections.path}` },
  { name: 'not found', url: '/no/such/page', status: 404 },
  { name: 'Arabic home', url: '/ar/' },
  { name: 'Arabic article', url: `/ar/${FIXTURE.arabic.path}` },
  { name: 'Arabic section', url: `/ar/${FIXTURE.arabic.sectionPath}` },
  { name: 'Arabic author', url: '/ar/author/ليا-القزي' },
  { name: 'Arabic not found', url: '/ar/no/such/page', status: 404 },
];
