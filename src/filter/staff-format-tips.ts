/**
 * The staff format's tips, shown under the body textarea (the editor works without JavaScript):
 * what the format keeps, how embeds and images are written, and how to mark a paragraph's
 * direction. Plain text in both languages; views escape it.
 */
import { shortTips, type ShortTip } from './filter-tips.ts';
import { STAFF_ALLOWED_HTML } from './staff-settings.ts';
import type { TipLanguage } from './tip-strings.ts';

/** One staff tip: a sentence and, where it helps, markup to copy. */
export interface StaffTip {
  readonly id: string;
  readonly text: string;
  /** Example markup, shown as code (escaped), or null. */
  readonly example: string | null;
}

const TIPS: Readonly<Record<TipLanguage, readonly StaffTip[]>> = Object.freeze({
  en: [
    { id: 'staff-paragraphs', text: 'A blank line starts a new paragraph; a single line break stays a line break.', example: null },
    { id: 'staff-headings', text: 'Subheadings are h2 to h4 (the article title is the page’s h1; other levels become the nearest one).', example: '<h2>Subheading</h2>' },
    { id: 'staff-embeds', text: 'To embed a video or post, put its YouTube, Vimeo or Twitter/X address on a line of its own, or paste the service’s embed code: it is stored as a link that readers can open without JavaScript.', example: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
    { id: 'staff-images', text: 'Images must come from this site or an https address, and need a description in alt: an image without one cannot be published.', example: '<img src="/files/photo.jpg" alt="What the photo shows">' },
    { id: 'staff-direction', text: 'A paragraph in another language’s direction takes dir: ltr for English inside an Arabic article, rtl the other way round.', example: '<p dir="ltr">A paragraph in English.</p>' },
    { id: 'staff-removed', text: 'Scripts, styles, iframes, forms and event attributes are removed; pasted Word and Google Docs formatting is reduced to the tags above.', example: null },
  ],
  ar: [
    { id: 'staff-paragraphs', text: 'يبدأ السطر الفارغ فقرة جديدة، ويبقى فاصل السطر الواحد فاصل سطر.', example: null },
    { id: 'staff-headings', text: 'العناوين الفرعية من h2 إلى h4 (عنوان المقال هو h1 الصفحة، وتتحول المستويات الأخرى إلى أقرب مستوى).', example: '<h2>عنوان فرعي</h2>' },
    { id: 'staff-embeds', text: 'لتضمين فيديو أو تغريدة ضع عنوانه على يوتيوب أو فيميو أو تويتر/إكس في سطر وحده، أو الصق شيفرة التضمين: يُحفظ رابطًا يفتحه القراء دون جافاسكربت.', example: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
    { id: 'staff-images', text: 'يجب أن تأتي الصور من هذا الموقع أو من عنوان https، وأن تحمل وصفًا في alt: لا تُنشر صورة بلا وصف.', example: '<img src="/files/photo.jpg" alt="ما تظهره الصورة">' },
    { id: 'staff-direction', text: 'تأخذ الفقرة المكتوبة باتجاه لغة أخرى السمة dir: ltr لفقرة إنجليزية داخل مقال عربي، وrtl في العكس.', example: '<p dir="ltr">A paragraph in English.</p>' },
    { id: 'staff-removed', text: 'تُحذف السكربتات والأنماط والإطارات والنماذج وسمات الأحداث، ويُختصر تنسيق وورد ومستندات جوجل الملصوق إلى الوسوم أعلاه.', example: null },
  ],
});

/** The short tips (URLs and allowed tags, as for comments) followed by the staff-only ones. */
export function staffFormatTips(lang: TipLanguage): { readonly short: readonly ShortTip[]; readonly staff: readonly StaffTip[] } {
  return { short: shortTips('staff_html', lang, STAFF_ALLOWED_HTML), staff: TIPS[lang] };
}
