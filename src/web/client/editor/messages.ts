/** The editor's labels and status lines in the page's language (read from `<html lang>`). */
const EN = {
  toolbar: 'Formatting',
  bold: 'Bold',
  italic: 'Italic',
  link: 'Link',
  linkPrompt: 'Link address (https://…, or a path on this site; empty removes the link)',
  heading2: 'Heading',
  heading3: 'Subheading',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  quote: 'Quote',
  image: 'Image',
  imagePrompt: 'Image address (https://… or a path on this site)',
  altPrompt: 'Describe the image for readers who cannot see it (alt text)',
  embed: 'Embed',
  embedPrompt: 'Address of a YouTube or Vimeo video, or a Twitter/X post',
  embedInvalid: 'That address is not a YouTube, Vimeo or Twitter/X link; nothing was embedded.',
  direction: 'Left-to-right paragraph',
  undo: 'Undo',
  redo: 'Redo',
  editorLabel: 'Body',
  savedAt: 'Saved at {time}',
  saving: 'Saving…',
  notSaved: 'Not saved ({reason}); a copy is kept in this browser.',
  restoreOffer: 'This browser kept a copy of the body from {time} that may not have been saved.',
  restore: 'Restore the copy',
  discard: 'Discard it',
  restored: 'The copy was restored. Save to keep it.',
};

type Key = keyof typeof EN;

const AR: Readonly<Record<Key, string>> = {
  toolbar: 'التنسيق',
  bold: 'عريض',
  italic: 'مائل',
  link: 'رابط',
  linkPrompt: 'عنوان الرابط (https://… أو مسار في هذا الموقع؛ اتركه فارغًا لحذف الرابط)',
  heading2: 'عنوان',
  heading3: 'عنوان فرعي',
  bulletList: 'قائمة نقطية',
  orderedList: 'قائمة مرقمة',
  quote: 'اقتباس',
  image: 'صورة',
  imagePrompt: 'عنوان الصورة (https://… أو مسار في هذا الموقع)',
  altPrompt: 'صف الصورة لمن لا يراها (النص البديل)',
  embed: 'تضمين',
  embedPrompt: 'عنوان فيديو على يوتيوب أو فيميو، أو تغريدة على تويتر/إكس',
  embedInvalid: 'هذا العنوان ليس رابطًا من يوتيوب أو فيميو أو تويتر/إكس؛ لم يُضمَّن شيء.',
  direction: 'فقرة من اليسار إلى اليمين',
  undo: 'تراجع',
  redo: 'إعادة',
  editorLabel: 'النص',
  savedAt: 'تم الحفظ في {time}',
  saving: 'جارٍ الحفظ…',
  notSaved: 'لم يُحفظ ({reason})؛ نسخة محفوظة في هذا المتصفح.',
  restoreOffer: 'احتفظ هذا المتصفح بنسخة من النص من {time} ربما لم تُحفظ.',
  restore: 'استعادة النسخة',
  discard: 'تجاهلها',
  restored: 'استُعيدت النسخة. احفظ للإبقاء عليها.',
};

/** The interface language: Arabic when the page is Arabic, English otherwise. */
export type EditorLanguage = 'en' | 'ar';

/** The page's language, from `<html lang>`. */
export function pageLanguage(doc: Document): EditorLanguage {
  return doc.documentElement.lang.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

/** A label or status line, with `{name}` placeholders filled in. */
export function label(lang: EditorLanguage, key: Key, values: Record<string, string> = {}): string {
  const text = (lang === 'ar' ? AR : EN)[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

/** A time of day in the page's language (Arabic digits on the Arabic edition). */
export function timeOfDay(lang: EditorLanguage, ms: number): string {
  return new Date(ms).toLocaleTimeString(lang === 'ar' ? 'ar-EG' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
