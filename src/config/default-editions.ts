import type { Edition } from '../domain/edition.ts';

/**
 * The demo newspaper's two editions. The names are fictional; the structure is the original
 * site's: an English archive at the root of the host and the live Arabic edition under /ar/.
 */
export const DEFAULT_EDITIONS: readonly Edition[] = [
  {
    code: 'en',
    lang: 'en',
    mode: 'archive',
    siteName: 'The Levant Ledger',
    tagline: 'Independent news from Beirut and the region, 2011–2015',
    pathPrefix: '',
    hosts: [],
    timeZone: 'Asia/Beirut',
    notice: {
      text: 'The English edition of The Levant Ledger is kept online for archival purposes only. New content is published in Arabic on our main site.',
      linkText: 'Read the Arabic edition',
      linkUrl: '/ar/',
      signature: 'The Levant Ledger Management',
    },
    commentPolicy: 'moderated',
    digits: 'western',
  },
  {
    code: 'ar',
    lang: 'ar',
    mode: 'live',
    siteName: 'دفتر المشرق',
    tagline: 'أخبار مستقلة من بيروت والمنطقة',
    pathPrefix: '/ar',
    hosts: [],
    timeZone: 'Asia/Beirut',
    notice: null,
    commentPolicy: 'moderated',
    digits: 'arabic-indic',
  },
];
