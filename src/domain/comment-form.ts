import type { Lang } from './errors.ts';
import { URL_SCHEMES } from './url-schemes.ts';

/** What a reader typed into the comment form, exactly as sent. */
export interface CommentFormValues {
  readonly name: string;
  readonly mail: string;
  readonly homepage: string;
  readonly subject: string;
  readonly comment: string;
}

/** The form's fields. */
export type CommentField = keyof CommentFormValues;

/** Drupal 7's field limits (comment.module), and a bound on the body so one post cannot flood the store. */
export const COMMENT_LIMITS: Readonly<Record<CommentField, number>> = Object.freeze({
  name: 60,
  mail: 64,
  homepage: 255,
  subject: 64,
  comment: 20_000,
});

/** A message in both languages. */
export type Localized = Readonly<Record<Lang, string>>;

/** Problems by field ('form' for problems with the whole post). */
export type CommentErrors = Partial<Record<CommentField | 'form', Localized>>;

const LABELS: Readonly<Record<CommentField, Localized>> = {
  name: { en: 'Name', ar: 'الاسم' },
  mail: { en: 'E-mail', ar: 'البريد الإلكتروني' },
  homepage: { en: 'Homepage', ar: 'الصفحة الشخصية' },
  subject: { en: 'Subject', ar: 'الموضوع' },
  comment: { en: 'Comment', ar: 'التعليق' },
};

/** The localised label of a field. */
export function fieldLabel(field: CommentField, lang: Lang): string {
  return LABELS[field][lang];
}

// A practical reading of PHP's FILTER_VALIDATE_EMAIL, which Drupal used: dot-atom local part,
// a domain of letter-digit-hyphen labels with at least one dot.
const EMAIL = /^(?!\.)(?!.*\.\.)[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}(?<!\.)@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** True for an address Drupal's comment form would have accepted. */
export function isValidEmail(mail: string): boolean {
  return EMAIL.test(mail);
}

/**
 * True for an absolute URL with a host whose scheme is in URL_SCHEMES.web. Drupal's
 * valid_url($url, TRUE) also took ftp and feed; a homepage is shown as a link readers open in
 * the browser, so Folio takes only http and https (docs/url-schemes.md).
 */
export function isValidHomepage(url: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i.test(url)) return false;
  try {
    const parsed = new URL(url);
    return URL_SCHEMES.web.includes(parsed.protocol.slice(0, -1)) && parsed.hostname.length > 0;
  } catch {
    return false;
  }
}

// An absolute URL with some scheme ("ftp://", "feed:"), as opposed to text that is not a URL at all.
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function isWebScheme(url: string): boolean {
  return URL_SCHEMES.web.includes(url.slice(0, url.indexOf(':')).toLowerCase());
}

/** Drupal's message for a homepage that is not a fully qualified URL. */
const HOMEPAGE_FORMAT: Localized = {
  en: 'The URL of your homepage is not valid. Remember that it must be fully qualified, i.e. of the form http://example.com/directory.',
  ar: 'عنوان صفحتك الشخصية غير صالح. يجب أن يكون كاملاً، أي على شكل http://example.com/directory.',
};

/** Folio's message for a homepage with a scheme other than http or https (docs/url-schemes.md). */
const HOMEPAGE_SCHEME: Localized = {
  en: 'Your homepage must be a web address starting with http:// or https://, for example https://example.com/.',
  ar: 'يجب أن تكون صفحتك الشخصية عنوان ويب يبدأ بـ http:// أو https://، مثل https://example.com/.',
};

function required(field: CommentField): Localized {
  return { en: `${LABELS[field].en} field is required.`, ar: `حقل ${LABELS[field].ar} مطلوب.` };
}

function tooLong(field: CommentField, length: number): Localized {
  const max = COMMENT_LIMITS[field];
  return {
    en: `${LABELS[field].en} cannot be longer than ${max} characters but is currently ${length} characters long.`,
    ar: `لا يمكن أن يتجاوز ${LABELS[field].ar} ${max} حرفاً، وطوله الآن ${length} حرفاً.`,
  };
}

/** Trims each field as Drupal's form API did, keeping the comment body as typed. */
export function normaliseCommentForm(raw: Partial<Record<CommentField, unknown>>): CommentFormValues {
  const text = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
  return {
    name: text(raw.name).trim(),
    mail: text(raw.mail).trim(),
    homepage: text(raw.homepage).trim(),
    subject: text(raw.subject).trim(),
    comment: text(raw.comment).replace(/\r\n?/g, '\n'),
  };
}

/**
 * Checks the form as Drupal 7's comment form did (required fields, lengths, e-mail and homepage
 * formats, with its messages), for an anonymous visitor who must leave contact details.
 */
export function validateCommentForm(values: CommentFormValues): CommentErrors {
  const errors: Partial<Record<CommentField, Localized>> = {};
  for (const field of Object.keys(COMMENT_LIMITS) as CommentField[]) {
    const length = [...values[field]].length;
    if (length > COMMENT_LIMITS[field]) errors[field] = tooLong(field, length);
  }
  if (values.name === '') errors.name = required('name');
  if (values.mail === '') errors.mail = required('mail');
  else if (!errors.mail && !isValidEmail(values.mail)) errors.mail = { en: 'The e-mail address you specified is not valid.', ar: 'عنوان البريد الإلكتروني الذي أدخلته غير صالح.' };
  if (values.homepage !== '' && !errors.homepage && !isValidHomepage(values.homepage)) {
    errors.homepage = OTHER_SCHEME.test(values.homepage) && !isWebScheme(values.homepage) ? HOMEPAGE_SCHEME : HOMEPAGE_FORMAT;
  }
  if (values.comment.trim() === '') errors.comment = required('comment');
  return errors;
}

/** True when there are no problems. */
export function isClean(errors: CommentErrors): boolean {
  return Object.keys(errors).length === 0;
}
