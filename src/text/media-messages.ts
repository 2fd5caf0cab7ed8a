import type { Lang } from '../domain/errors.ts';
import { catalogueLookup } from './message-catalogue.ts';

/** The media library's page and errors, in English and Arabic. A test checks both have every key. */
const EN = {
  mediaTitle: 'Media',
  mediaIntro: 'Photos for articles. Each upload is resized for every screen, and its location data is removed.',
  uploadTitle: 'Upload a photo',
  uploadFile: 'Photo (JPEG, PNG, WebP or AVIF, at most @mb MB and @mp megapixels)',
  uploadSubmit: 'Upload',
  fieldCaption: 'Caption',
  fieldCredit: 'Credit',
  fieldAlt: 'Alt text (what the photo shows, for readers who cannot see it)',
  altHint: 'Required before an article with this photo is published.',
  searchLabel: 'Search caption, credit, alt text and file name',
  searchSubmit: 'Search',
  searchNone: 'No photo matches.',
  libraryEmpty: 'The library is empty.',
  olderPage: 'Older photos',
  newestPage: 'Newest photos',
  sizes: 'Sizes',
  dimensions: '@width × @height pixels',
  original: 'Original file',
  save: 'Save',
  delete: 'Delete',
  edit: 'Edit',
  noAlt: 'No alt text yet',
  doneUpload: 'The photo is in the library.',
  doneUploadExisting: 'This photo was in the library already.',
  doneEdit: 'The photo’s text is saved.',
  doneDelete: 'The photo was deleted.',
  errorNoFile: 'Choose a photo to upload.',
  errorType: 'This file is not a JPEG, PNG, WebP or AVIF image. Save it as one of those and upload it again.',
  errorRefusedType: 'A @what file cannot be used. Save it as JPEG, PNG, WebP or AVIF and upload it again.',
  errorTooBig: 'The file is larger than @mb MB. Make it smaller and upload it again.',
  errorTooManyPixels: 'The image has @mp megapixels; at most @max are accepted. Make it smaller and upload it again.',
  errorUnreadable: 'The image could not be read: the file is damaged or incomplete.',
  errorTooLong: '@field is too long (at most @max characters).',
  errorInUse: 'This photo is used by @count articles (@nids); it cannot be deleted while they use it.',
  errorAltMissing: 'The lead photo has no alt text. Add it in the media library before publishing.',
  errorBusy: 'Photos are being processed for other uploads. Please try again in a minute.',
  errorNoItem: 'There is no such photo in the library.',
  pickerLegend: 'Lead photo',
  pickerNone: 'No lead photo',
  pickerLibrary: 'Open the media library',
} as const;

type MediaMessageKey = keyof typeof EN;

const AR: Record<MediaMessageKey, string> = {
  mediaTitle: 'الوسائط',
  mediaIntro: 'صور المقالات. تُصغَّر كل صورة مرفوعة لتناسب كل شاشة، وتُحذف منها بيانات الموقع.',
  uploadTitle: 'رفع صورة',
  uploadFile: 'الصورة (JPEG أو PNG أو WebP أو AVIF، بحد أقصى @mb ميغابايت و@mp ميغابكسل)',
  uploadSubmit: 'رفع',
  fieldCaption: 'التعليق',
  fieldCredit: 'المصدر',
  fieldAlt: 'النص البديل (ما تُظهره الصورة، لمن لا يستطيع رؤيتها)',
  altHint: 'مطلوب قبل نشر أي مقال يستخدم هذه الصورة.',
  searchLabel: 'البحث في التعليق والمصدر والنص البديل واسم الملف',
  searchSubmit: 'بحث',
  searchNone: 'لا توجد صورة مطابقة.',
  libraryEmpty: 'المكتبة فارغة.',
  olderPage: 'صور أقدم',
  newestPage: 'أحدث الصور',
  sizes: 'المقاسات',
  dimensions: '@width × @height بكسل',
  original: 'الملف الأصلي',
  save: 'حفظ',
  delete: 'حذف',
  edit: 'تعديل',
  noAlt: 'لا يوجد نص بديل بعد',
  doneUpload: 'أُضيفت الصورة إلى المكتبة.',
  doneUploadExisting: 'هذه الصورة موجودة في المكتبة من قبل.',
  doneEdit: 'حُفظ نص الصورة.',
  doneDelete: 'حُذفت الصورة.',
  errorNoFile: 'اختر صورة لرفعها.',
  errorType: 'هذا الملف ليس صورة JPEG أو PNG أو WebP أو AVIF. احفظه بإحدى هذه الصيغ ثم ارفعه مجدداً.',
  errorRefusedType: 'لا يمكن استخدام ملف @what. احفظه بصيغة JPEG أو PNG أو WebP أو AVIF ثم ارفعه مجدداً.',
  errorTooBig: 'حجم الملف أكبر من @mb ميغابايت. صغّره ثم ارفعه مجدداً.',
  errorTooManyPixels: 'في الصورة @mp ميغابكسل، والحد الأقصى @max. صغّرها ثم ارفعها مجدداً.',
  errorUnreadable: 'تعذّرت قراءة الصورة: الملف تالف أو ناقص.',
  errorTooLong: '@field طويل جداً (الحد الأقصى @max حرفاً).',
  errorInUse: 'هذه الصورة مستخدمة في @count من المقالات (@nids)، ولا يمكن حذفها ما دامت مستخدمة.',
  errorAltMissing: 'لا يوجد نص بديل للصورة الرئيسية. أضفه في مكتبة الوسائط قبل النشر.',
  errorBusy: 'تجري معالجة صور مرفوعة أخرى. يرجى المحاولة مجدداً بعد دقيقة.',
  errorNoItem: 'لا توجد هذه الصورة في المكتبة.',
  pickerLegend: 'الصورة الرئيسية',
  pickerNone: 'بلا صورة رئيسية',
  pickerLibrary: 'فتح مكتبة الوسائط',
};

/** Both catalogues, for the completeness test. */
export const MEDIA_MESSAGES: Readonly<Record<Lang, Readonly<Record<MediaMessageKey, string>>>> = Object.freeze({ en: EN, ar: AR });

export type { MediaMessageKey };

/** Looks up a media message and fills its @placeholders (plain text; views escape them). */
export const tm = catalogueLookup<MediaMessageKey>(MEDIA_MESSAGES);

/** The message in both languages, for an error the web layer shows in the page's. */
export function bothLangs(key: MediaMessageKey, params?: Readonly<Record<string, string | number>>): Readonly<Record<Lang, string>> {
  return { en: tm('en', key, params), ar: tm('ar', key, params) };
}
