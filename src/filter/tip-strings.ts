/**
 * Every sentence of the format tips, in English (verbatim from Drupal 7's filter module, docs/comment-format.md §1.2
 * and §6; the link label is Drupal 6's, as on the original site) and Arabic. Strings are plain
 * text: views escape them. Drupal's HTML-escaped `&lt;li&gt;` appears here as `<li>`.
 */

/** Interface languages of the tips. */
export type TipLanguage = 'en' | 'ar';

/** The keys of the tips catalogue. */
export type TipKey = keyof typeof EN;

const EN = {
  composeTips: 'Compose tips',
  textFormats: 'Text Formats',
  moreInformation: 'More information about formatting options',
  formatFilteredHtml: 'Filtered HTML',
  formatPlainText: 'Plain text',
  formatFullHtml: 'Full HTML',
  formatStaffHtml: 'Staff HTML',
  urlTip: 'Web page addresses and e-mail addresses turn into links automatically.',
  allowedTags: 'Allowed HTML tags: @tags',
  noHtml: 'No HTML tags allowed.',
  autopShort: 'Lines and paragraphs break automatically.',
  autopLong:
    'Lines and paragraphs are automatically recognized. The <br /> line break, <p> paragraph and </p> close paragraph tags are inserted automatically. If paragraphs are not recognized simply add a couple blank lines.',
  htmlIntro:
    'This site allows HTML content. While learning all of HTML may feel intimidating, learning how to use a very small number of the most basic HTML "tags" is very easy. This table provides examples for each tag that is enabled on this site.',
  htmlSpecs: "For more information see W3C's {link} or use your favorite search engine to find other sites that explain HTML.",
  htmlSpecsLink: 'HTML Specifications',
  tagDescription: 'Tag Description',
  youType: 'You Type',
  youGet: 'You Get',
  noHelp: 'No help provided for tag %tag.',
  unusualCharacters: 'Most unusual characters can be directly entered without any problems.',
  entitiesIntro:
    "If you do encounter problems, try using HTML character entities. A common example looks like &amp; for an ampersand & character. For a full list of entities see HTML's {link} page. Some of the available characters include:",
  entitiesLink: 'entities',
  characterDescription: 'Character Description',
  ampersand: 'Ampersand',
  greaterThan: 'Greater than',
  lessThan: 'Less than',
  quotationMark: 'Quotation mark',
  tipA: 'Anchors are used to make links to other pages.',
  tipEm: 'Emphasized',
  tipStrong: 'Strong',
  tipCite: 'Cited',
  tipCode: 'Coded text used to show programming source code',
  exampleCode: 'Coded',
  tipBlockquote: 'Block quoted',
  tipUl: 'Unordered list - use the <li> to begin each list item',
  tipOl: 'Ordered list - use the <li> to begin each list item',
  firstItem: 'First item',
  secondItem: 'Second item',
  tipDl:
    'Definition lists are similar to other HTML lists. <dl> begins the definition list, <dt> begins the definition term and <dd> begins the definition description.',
  firstTerm: 'First term',
  firstDefinition: 'First definition',
  secondTerm: 'Second term',
  secondDefinition: 'Second definition',
  tipHeading: 'Heading',
  exampleH1: 'Title',
  exampleH2: 'Subtitle',
  exampleH3: 'Subtitle three',
  exampleH4: 'Subtitle four',
  exampleH5: 'Subtitle five',
  exampleH6: 'Subtitle six',
} as const;

const AR: Readonly<Record<TipKey, string>> = {
  composeTips: 'إرشادات الكتابة',
  textFormats: 'صيغ النصوص',
  moreInformation: 'مزيد من المعلومات عن خيارات التنسيق',
  formatFilteredHtml: 'HTML مُرشَّح',
  formatPlainText: 'نص عادي',
  formatFullHtml: 'HTML كامل',
  formatStaffHtml: 'HTML التحرير',
  urlTip: 'تتحوّل عناوين صفحات الويب وعناوين البريد الإلكتروني إلى روابط تلقائياً.',
  allowedTags: 'وسوم HTML المسموح بها: @tags',
  noHtml: 'لا يُسمح بأي وسم HTML.',
  autopShort: 'تُفصل الأسطر والفقرات تلقائياً.',
  autopLong:
    'يُتعرَّف على الأسطر والفقرات تلقائياً. تُدرج وسوم فاصل السطر <br /> والفقرة <p> وإغلاق الفقرة </p> تلقائياً. إن لم تُتعرَّف الفقرات فأضف سطرين فارغين.',
  htmlIntro:
    'يسمح هذا الموقع بمحتوى HTML. قد يبدو تعلّم لغة HTML كلها أمراً مُرهِباً، لكن تعلّم استخدام عدد قليل جداً من "وسومها" الأساسية سهل للغاية. يعرض هذا الجدول أمثلة لكل وسم مُفعَّل في هذا الموقع.',
  htmlSpecs: 'لمزيد من المعلومات راجع {link} الصادرة عن W3C، أو استخدم محرك البحث المفضّل لديك للعثور على مواقع أخرى تشرح HTML.',
  htmlSpecsLink: 'مواصفات HTML',
  tagDescription: 'وصف الوسم',
  youType: 'ما تكتبه',
  youGet: 'ما تحصل عليه',
  noHelp: 'لا تتوفر مساعدة للوسم %tag.',
  unusualCharacters: 'يمكن إدخال معظم المحارف غير المألوفة مباشرةً دون أي مشكلة.',
  entitiesIntro:
    'إن واجهتك مشكلات فجرّب استخدام كيانات المحارف في HTML. من الأمثلة الشائعة &amp; لمحرف علامة العطف &. للاطلاع على قائمة كاملة بالكيانات راجع صفحة {link} في HTML. ومن المحارف المتاحة:',
  entitiesLink: 'الكيانات',
  characterDescription: 'وصف المحرف',
  ampersand: 'علامة العطف',
  greaterThan: 'أكبر من',
  lessThan: 'أصغر من',
  quotationMark: 'علامة الاقتباس',
  tipA: 'تُستخدم المراسي لإنشاء روابط إلى صفحات أخرى.',
  tipEm: 'نص مؤكَّد',
  tipStrong: 'نص بارز',
  tipCite: 'نص مُستشهَد به',
  tipCode: 'نص برمجي يُستخدم لعرض الشيفرة المصدرية للبرامج',
  exampleCode: 'شيفرة',
  tipBlockquote: 'اقتباس مستقل',
  tipUl: 'قائمة غير مرقّمة - استخدم <li> لبدء كل عنصر في القائمة',
  tipOl: 'قائمة مرقّمة - استخدم <li> لبدء كل عنصر في القائمة',
  firstItem: 'العنصر الأول',
  secondItem: 'العنصر الثاني',
  tipDl:
    'قوائم التعريف مشابهة لقوائم HTML الأخرى. يبدأ <dl> قائمة التعريف، ويبدأ <dt> المصطلح المُعرَّف، ويبدأ <dd> شرح التعريف.',
  firstTerm: 'المصطلح الأول',
  firstDefinition: 'التعريف الأول',
  secondTerm: 'المصطلح الثاني',
  secondDefinition: 'التعريف الثاني',
  tipHeading: 'عنوان',
  exampleH1: 'العنوان',
  exampleH2: 'عنوان فرعي',
  exampleH3: 'عنوان فرعي ثالث',
  exampleH4: 'عنوان فرعي رابع',
  exampleH5: 'عنوان فرعي خامس',
  exampleH6: 'عنوان فرعي سادس',
};

const CATALOGUES: Readonly<Record<TipLanguage, Readonly<Record<TipKey, string>>>> = Object.freeze({ en: EN, ar: AR });

/** The tip sentence `key` in `lang`. */
export function tipString(key: TipKey, lang: TipLanguage): string {
  return CATALOGUES[lang][key];
}

/** Every key of the catalogue (a test checks both languages have them all). */
export const TIP_KEYS: readonly TipKey[] = Object.freeze(Object.keys(EN) as TipKey[]);
