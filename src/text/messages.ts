import type { Lang } from '../domain/errors.ts';

/** Every interface string, in English and Arabic. A test checks both languages have every key. */
const EN = {
  by: 'By:',
  byBlog: 'By',
  readMore: 'Read more',
  backToTop: '^ Back to Top',
  syndicate: 'Syndicate content',
  comments: 'Comments',
  commentsOne: '1 Comment',
  commentsMany: '@count Comments',
  pager: 'Pages',
  pagerFirst: '« first',
  pagerPrevious: '‹ previous',
  pagerNext: 'next ›',
  pagerLast: 'last »',
  pagerPage: 'Page @page',
  pagerCurrent: 'Current page, page @page',
  home: 'Home',
  sections: 'Sections',
  politics: 'Politics',
  blogs: 'Blogs',
  bloggersContributors: 'Bloggers & Contributors',
  inFocus: 'In Focus',
  specialCoverage: 'Special Coverage',
  allBlogPosts: 'Blogs',
  editorsCorner: "Editor's Corner",
  correction: 'Correction',
  update: 'Update',
  letter: 'Letter',
  otherEdition: 'العربية',
  otherEditionLabel: 'Arabic edition',
  skipToContent: 'Skip to main content',
  mainNav: 'Main navigation',
  photo: 'Photo',
  submittedBy: 'Submitted by @name on @date',
  notVerified: ' (not verified)',
  permalink: 'Permalink',
  commentsClosed: 'Comments are closed.',
  notFoundHint: 'The address may be mistyped, or the page may have moved. Try the home page or the sections below.',
  errorBack: 'Go to the home page',
  feedUnavailable: 'Feeds are not available yet: this feed URL is reserved and will serve RSS once feeds are built. The listing itself is at @listing.',
  landingItems: 'Coverage',
  newsletter: 'Newsletter',
  footer: 'All rights reserved.',
  archiveEdition: 'Archive edition',
  liveEdition: 'Live edition',
} as const;

/** The message keys. */
export type MessageKey = keyof typeof EN;

const AR: Record<MessageKey, string> = {
  by: 'بقلم:',
  byBlog: 'بقلم',
  readMore: 'اقرأ المزيد',
  backToTop: '^ العودة إلى الأعلى',
  syndicate: 'اشترك في المحتوى',
  comments: 'التعليقات',
  commentsOne: 'تعليق واحد',
  commentsMany: '@count تعليقات',
  pager: 'الصفحات',
  pagerFirst: '« الأولى',
  pagerPrevious: '‹ السابقة',
  pagerNext: 'التالية ›',
  pagerLast: 'الأخيرة »',
  pagerPage: 'الصفحة @page',
  pagerCurrent: 'الصفحة الحالية، الصفحة @page',
  home: 'الرئيسية',
  sections: 'الأقسام',
  politics: 'سياسة',
  blogs: 'مدوّنات',
  bloggersContributors: 'مدوّنون وكتّاب',
  inFocus: 'في الواجهة',
  specialCoverage: 'تغطية خاصة',
  allBlogPosts: 'المدوّنات',
  editorsCorner: 'زاوية المحرّر',
  correction: 'تصحيح',
  update: 'تحديث',
  letter: 'رسالة',
  otherEdition: 'English',
  otherEditionLabel: 'النسخة الإنكليزية (أرشيف)',
  skipToContent: 'انتقل إلى المحتوى الرئيسي',
  mainNav: 'التصفّح الرئيسي',
  photo: 'صورة',
  submittedBy: 'أرسله @name في @date',
  notVerified: ' (غير موثّق)',
  permalink: 'رابط دائم',
  commentsClosed: 'التعليقات مغلقة.',
  notFoundHint: 'ربما أُخطئ في كتابة العنوان أو نُقلت الصفحة. جرّب الصفحة الرئيسية أو الأقسام أدناه.',
  errorBack: 'اذهب إلى الصفحة الرئيسية',
  feedUnavailable: 'الخلاصات غير متوفرة بعد: هذا العنوان محجوز وسيقدّم خلاصة RSS حين تُبنى الخلاصات. القائمة نفسها في @listing.',
  landingItems: 'التغطية',
  newsletter: 'النشرة',
  footer: 'جميع الحقوق محفوظة.',
  archiveEdition: 'نسخة الأرشيف',
  liveEdition: 'النسخة الحيّة',
};

/** Both catalogues, for the completeness test. */
export const MESSAGES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = Object.freeze({ en: EN, ar: AR });

/** Looks up a message and fills its @placeholders (values are plain text; views escape them). */
export function t(lang: Lang, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  let text: string = MESSAGES[lang][key];
  if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`@${k}`, String(v));
  return text;
}
