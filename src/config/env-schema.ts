import { resolve } from 'node:path';
import { z } from 'zod';
import { isAddressOrNetwork } from './value-checks.ts';

/** Where content is stored. */
export type DatabaseConfig =
  /** `cacheMegabytes`: SQLite's page cache per connection (16 MB when absent); a bulk reader such as the static export sets less. */
  | { readonly kind: 'sqlite'; readonly file: string; readonly cacheMegabytes?: number }
  | { readonly kind: 'postgres'; readonly url: string };

/** An environment variable set to "" counts as unset, as in most shells' `VAR= cmd`. */
function unset(value: unknown): unknown {
  return value === '' ? undefined : value;
}

/** An optional whole number within bounds, read from its decimal text. */
function wholeNumber(min: number, max: number, fallback: number) {
  const message = `expected a whole number from ${min} to ${max}`;
  return z.preprocess(
    unset,
    z
      .string()
      .regex(/^\d+$/, { error: (issue) => `${message}, got "${String(issue.input)}"` })
      .transform(Number)
      .pipe(z.number().min(min, { error: (issue) => `${message}, got ${String(issue.input)}` }).max(max, { error: (issue) => `${message}, got ${String(issue.input)}` }))
      .default(fallback),
  );
}

/** An optional free-form string; unset and "" both give null. */
const optionalText = z.preprocess(unset, z.string().optional()).transform((v) => v ?? null);

/** `sqlite:<file>` (relative files resolved against the working directory), `sqlite::memory:`, or `postgres://…`. */
export const databaseUrl = z.string().transform((url, ctx): DatabaseConfig => {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') ctx.addIssue({ code: 'custom', message: '"sqlite:" needs a file, e.g. sqlite:./data/folio.db' });
    return { kind: 'sqlite', file: file === ':memory:' ? file : resolve(file) };
  }
  ctx.addIssue({ code: 'custom', message: `"${url}" is neither sqlite:<file> nor postgres://…` });
  return z.NEVER;
});

/** pino's levels; anything else would make the logger throw at the first request. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every environment variable Folio reads (README, Configuration), validated. Other variables are
 * ignored: the environment is shared with the shell and every other program.
 */
export const envSchema = z.object({
  PORT: wholeNumber(0, 65535, 8080),
  HOST: z.preprocess(unset, z.string().default('0.0.0.0')),
  FOLIO_DATABASE_URL: z.preprocess(unset, databaseUrl.default(() => ({ kind: 'sqlite' as const, file: resolve('./data/folio.db') }))),
  // A streaming replica of FOLIO_DATABASE_URL that serves reads (`folio serve` only; see README).
  FOLIO_DATABASE_REPLICA_URL: z.preprocess(
    unset,
    z.string().regex(/^postgres(ql)?:\/\/\S+$/, { error: (issue) => `expected a postgres://… URL of a streaming replica, got "${String(issue.input)}"` }).optional(),
  ).transform((v) => v ?? null),
  FOLIO_BASE_URL: z.preprocess(
    (v) => (typeof v === 'string' ? unset(v.replace(/\/+$/, '')) : v),
    z.string().regex(/^https?:\/\/[^/\s]+$/, { error: (issue) => `expected an origin like https://example.com, got "${String(issue.input)}"` }).optional(),
  ),
  FOLIO_CONFIG: optionalText,
  // Copies of the old site's files (photos, attachments) that `folio import --files` brought in.
  FOLIO_FILES_DIR: z.preprocess(unset, z.string().default('./data/files')).transform((dir) => resolve(dir)),
  FOLIO_PAGE_CACHE_MB: wholeNumber(0, 65_536, 48),
  // A folder for rendered, compressed pages on disk (the page cache's second tier); relative to the working directory.
  FOLIO_PAGE_CACHE_DIR: z.preprocess(unset, z.string().regex(/^[^\u0000-\u001f]+$/, { error: 'expected a folder path without control characters' }).optional())
    .transform((v) => (v === undefined ? null : resolve(v))),
  // The disk tier's bound: the oldest pages are removed beyond it (about 15 KB a page).
  FOLIO_PAGE_CACHE_DISK_MB: wholeNumber(1, 16_777_216, 4096),
  // How far the server's JavaScript heap may grow past what a full collection found live, in percent
  // (V8's --heap-growing-percent; 0 leaves V8's own choice, up to 4x). See cli/heap-growth.ts.
  FOLIO_HEAP_GROWTH_PERCENT: wholeNumber(0, 1_000, 50),
  // Above the load balancer's own idle timeout (nginx and cloud balancers: 60 s), see web/app.ts.
  FOLIO_KEEP_ALIVE_SECONDS: wholeNumber(1, 3_600, 75),
  // Prometheus metrics on their own port (0: off), on loopback unless FOLIO_METRICS_HOST says otherwise.
  FOLIO_METRICS_PORT: wholeNumber(0, 65535, 0),
  FOLIO_METRICS_HOST: z.preprocess(unset, z.string().default('127.0.0.1')),
  FOLIO_DEMO_SEED: wholeNumber(0, 2 ** 31 - 1, 20110818),
  FOLIO_LOG_LEVEL: z.preprocess(unset, z.enum(LOG_LEVELS).default('info')),
  FOLIO_SECRET: z.preprocess(unset, z.string().min(32, { error: 'expected at least 32 characters' }).optional()).transform((v) => v ?? null),
  FOLIO_REDIS_URL: z.preprocess(unset, z.string().regex(/^rediss?:\/\//, { error: 'expected a URL like redis://127.0.0.1:6379' }).optional()).transform((v) => v ?? null),
  FOLIO_SECURE_COOKIES: z.preprocess(unset, z.enum(['auto', 'always']).default('auto')),
  FOLIO_TRUST_PROXY: z.preprocess(
    unset,
    z
      .string()
      .superRefine((list, ctx) => {
        for (const entry of list.split(',').map((s) => s.trim())) {
          if (!isAddressOrNetwork(entry)) ctx.addIssue({ code: 'custom', message: `"${entry}" is not an IP address or CIDR network` });
        }
      })
      .optional(),
  ).transform((v): false | string => v ?? false),
  // Mail for invitations and password resets (nodemailer); unset: links go to the server log instead.
  FOLIO_SMTP_URL: z.preprocess(unset, z.string().regex(/^smtps?:\/\/[^\s/]+(\/[^\s]*)?$/, { error: 'expected a URL like smtp://user:password@mail.example.org:587 or smtps://…' }).optional()).transform((v) => v ?? null),
  FOLIO_MAIL_FROM: z.preprocess(unset, z.string().regex(/^[^\s@<>]+@[^\s@<>]+$|^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/, { error: 'expected an address like newsroom@example.org or "Newsroom <newsroom@example.org>"' }).optional()).transform((v) => v ?? null),
  // New articles go to the front page, /rss.xml and /node unless an article says otherwise (issue 12, point 6).
  FOLIO_PROMOTE_NEW_ARTICLES: z.preprocess(unset, z.enum(['yes', 'no']).default('yes')).transform((v) => v === 'yes'),
  // The media library (issue 12, point 5): a folder (FOLIO_FILES_DIR/media unless set), or an
  // S3-compatible bucket shared by every instance when FOLIO_MEDIA_S3_URL is set (config.ts checks the set).
  FOLIO_MEDIA_DIR: z.preprocess(unset, z.string().regex(/^[^\u0000-\u001f]+$/, { error: 'expected a folder path without control characters' }).optional())
    .transform((v) => (v === undefined ? null : resolve(v))),
  FOLIO_MEDIA_S3_URL: z.preprocess(unset, z.string().regex(/^https?:\/\/[^/\s]+\/?$/, { error: (issue) => `expected the S3 endpoint's origin, like https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000, got "${String(issue.input)}"` }).optional()).transform((v) => v ?? null),
  FOLIO_MEDIA_S3_BUCKET: z.preprocess(unset, z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'expected a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens' }).optional()).transform((v) => v ?? null),
  FOLIO_MEDIA_S3_REGION: z.preprocess(unset, z.string().default('us-east-1')),
  FOLIO_MEDIA_S3_ACCESS_KEY: optionalText,
  FOLIO_MEDIA_S3_SECRET_KEY: optionalText,
  // Upload limits: bytes of the file, and pixels of the decoded image (a small file can decode huge).
  FOLIO_MEDIA_MAX_MB: wholeNumber(1, 1024, 20),
  FOLIO_MEDIA_MAX_MEGAPIXELS: wholeNumber(1, 1000, 50),
  // What readers get at an unpublished article's URL: a plain 410, or a 410 saying the editors withdrew it (issue 12, point 2).
  FOLIO_UNPUBLISHED: z.preprocess(unset, z.enum(['gone', 'notice']).default('gone')),
  FOLIO_FLOOD_LIMIT: wholeNumber(1, 10_000, 5),
  FOLIO_FLOOD_WINDOW: wholeNumber(1, 86_400, 600),
  FOLIO_MIN_POST_SECONDS: wholeNumber(0, 3600, 3),
  FOLIO_MAX_LINKS: wholeNumber(0, 1000, 3),
});

/** The environment after validation. */
export type EnvSettings = z.output<typeof envSchema>;
