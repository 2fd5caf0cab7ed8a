/**
 * Folio's one error hierarchy. Every error has a stable code, an HTTP status and a message in
 * each interface language; web/errors.ts maps them to pages and the CLI prints the English
 * message on one line. A test keeps this catalogue complete in both languages.
 */
export type Lang = 'en' | 'ar';

export type ErrorCode =
  | 'NOT_FOUND'
  | 'GONE'
  | 'INVALID'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'READ_ONLY_EDITION'
  | 'RATE_LIMITED'
  | 'NOT_IMPLEMENTED'
  | 'CONFIG'
  | 'UNAVAILABLE'
  | 'STORAGE_FULL'
  | 'INTERNAL';

interface CatalogueEntry {
  readonly status: number;
  readonly title: Readonly<Record<Lang, string>>;
}

/** Status and localised page title for every code. */
export const ERROR_CATALOGUE: Readonly<Record<ErrorCode, CatalogueEntry>> = Object.freeze({
  NOT_FOUND: { status: 404, title: { en: 'Page not found', ar: 'الصفحة غير موجودة' } },
  GONE: { status: 410, title: { en: 'This page has been removed', ar: 'أُزيلت هذه الصفحة' } },
  INVALID: { status: 400, title: { en: 'Invalid request', ar: 'طلب غير صالح' } },
  UNAUTHORIZED: { status: 401, title: { en: 'Sign-in required', ar: 'يلزم تسجيل الدخول' } },
  FORBIDDEN: { status: 403, title: { en: 'Access denied', ar: 'الوصول مرفوض' } },
  CONFLICT: { status: 409, title: { en: 'Conflict', ar: 'تعارض' } },
  READ_ONLY_EDITION: { status: 403, title: { en: 'This edition is an archive', ar: 'هذه النسخة أرشيف' } },
  RATE_LIMITED: { status: 429, title: { en: 'Too many requests', ar: 'طلبات كثيرة جداً' } },
  NOT_IMPLEMENTED: { status: 501, title: { en: 'Not available yet', ar: 'غير متوفر بعد' } },
  CONFIG: { status: 500, title: { en: 'Configuration error', ar: 'خطأ في الإعدادات' } },
  UNAVAILABLE: { status: 503, title: { en: 'Temporarily unavailable', ar: 'غير متاح مؤقتاً' } },
  // RFC 4918 §11.5: the server cannot store what the request needs stored.
  STORAGE_FULL: { status: 507, title: { en: 'Cannot save right now', ar: 'يتعذّر الحفظ حالياً' } },
  INTERNAL: { status: 500, title: { en: 'Something went wrong', ar: 'حدث خطأ ما' } },
});

/** Base class: `message` is English (logs, CLI); `localized` carries the Arabic text when it differs. */
export class FolioError extends Error {
  readonly code: ErrorCode;
  readonly localized: Readonly<Record<Lang, string>>;

  constructor(code: ErrorCode, message: string | Readonly<Record<Lang, string>>, options?: { cause?: unknown }) {
    const localized = typeof message === 'string' ? { en: message, ar: message } : message;
    super(localized.en, options);
    this.code = code;
    this.localized = localized;
    this.name = new.target.name;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }

  /** The message in the reader's language. */
  messageIn(lang: Lang): string {
    return this.localized[lang];
  }
}

/** Nothing lives at this path or id. */
export class NotFound extends FolioError {
  constructor(message: string | Readonly<Record<Lang, string>> = { en: 'The page you asked for does not exist.', ar: 'الصفحة التي طلبتها غير موجودة.' }) {
    super('NOT_FOUND', message);
  }
}

/** Something lived here and was deliberately removed. */
export class Gone extends FolioError {
  constructor(message: string | Readonly<Record<Lang, string>> = { en: 'This page was removed on purpose.', ar: 'أُزيلت هذه الصفحة عمداً.' }) {
    super('GONE', message);
  }
}

/** Bad input; `field` names the offending field when there is one. */
export class Invalid extends FolioError {
  readonly field: string | undefined;
  constructor(message: string | Readonly<Record<Lang, string>>, field?: string) {
    super('INVALID', message);
    this.field = field;
  }
}

/** The caller must sign in first. */
export class Unauthorized extends FolioError {
  constructor(message: string | Readonly<Record<Lang, string>> = { en: 'Please sign in.', ar: 'يرجى تسجيل الدخول.' }) {
    super('UNAUTHORIZED', message);
  }
}

/** The caller is known but not allowed to do this. */
export class Forbidden extends FolioError {
  constructor(message: string | Readonly<Record<Lang, string>> = { en: 'You are not allowed to do this.', ar: 'لا يحق لك القيام بذلك.' }) {
    super('FORBIDDEN', message);
  }
}

/** The change clashes with existing data. */
export class Conflict extends FolioError {
  constructor(message: string | Readonly<Record<Lang, string>>) {
    super('CONFLICT', message);
  }
}

/** Any attempt to change an archive edition's content outside the sanctioned importer. */
export class ReadOnlyEdition extends FolioError {
  readonly edition: string;
  /** `hint`: what the caller can do instead, in English (the command line adds its own option here). */
  constructor(edition: string, hint?: string) {
    super('READ_ONLY_EDITION', {
      en: `The "${edition}" edition is an archive kept for archival purposes only: its content cannot be created, edited or deleted.${hint ? ` (${hint})` : ''}`,
      ar: `النسخة "${edition}" أرشيف محفوظ لأغراض أرشيفية فقط: لا يمكن إنشاء محتواها أو تعديله أو حذفه.`,
    });
    this.edition = edition;
  }
}

/** The caller sent too much too fast. */
export class RateLimited extends FolioError {
  constructor(message: string | Readonly<Record<Lang, string>> = { en: 'Too many requests: please wait a few minutes and try again.', ar: 'طلبات كثيرة جداً: يرجى الانتظار بضع دقائق ثم المحاولة مجدداً.' }) {
    super('RATE_LIMITED', message);
  }
}

/** A documented capability that this version does not provide yet. */
export class NotImplemented extends FolioError {
  constructor(message: string | Readonly<Record<Lang, string>>) {
    super('NOT_IMPLEMENTED', message);
  }
}

/** Seconds a client should wait before trying again after an Unavailable (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The database (or another service a request needs) does not answer or cannot be opened: a
 * restart, a failover, a wrong address at start-up (then the message says how to fix it). Nothing
 * was written; a request will work again once it is back (503, Retry-After).
 */
export class Unavailable extends FolioError {
  constructor(message: string | Readonly<Record<Lang, string>> = {
    en: 'The newspaper\'s database is not answering at the moment. Nothing was lost: please try again in a few seconds.',
    ar: 'قاعدة بيانات الصحيفة لا تستجيب حالياً. لم يضِع شيء: يرجى المحاولة مجدداً بعد بضع ثوانٍ.',
  }, options?: { cause?: unknown }) {
    super('UNAVAILABLE', message, options);
  }
}

/**
 * The database's disk is full (SQLite's SQLITE_FULL, ENOSPC): the write was rolled back whole,
 * nothing half-written is left, and reads go on. Unlike a restart it does not pass by itself.
 * Readers get `localized` (no server path in it); `message`, for the log and the CLI's one line,
 * names what is full and what to do.
 */
export class StorageFull extends FolioError {
  constructor(where = 'the database', options?: { cause?: unknown }) {
    super('STORAGE_FULL', {
      en: 'The newspaper cannot save anything at the moment: its server has run out of disk space. Nothing was saved; please try again later.',
      ar: 'يتعذّر على الصحيفة حفظ أي شيء حالياً: نفدت مساحة القرص على خادمها. لم يُحفظ شيء؛ يرجى المحاولة لاحقاً.',
    }, options);
    this.message = `the disk holding ${where} is full: nothing was saved. Free space on it (or move the database), then try again`;
  }
}

/** Seconds a client should wait before trying again after StorageFull (someone must free space first). */
export const STORAGE_FULL_RETRY_AFTER_SECONDS = 300;

/** Configuration that cannot be used; start-up stops with the list of problems. */
export class ConfigError extends FolioError {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    // One problem fits the CLI's one-line contract; several are a list, one per line.
    super('CONFIG', problems.length === 1 ? `invalid configuration: ${problems[0]}` : `invalid configuration, ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}
