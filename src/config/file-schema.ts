import { z } from 'zod';
import { isAddressOrNetwork, isTimeZone } from './value-checks.ts';

const nonEmpty = z.string().trim().min(1, { error: 'expected a non-empty string' });

/** The archival notice of an archive edition (domain/edition.ts ArchiveNotice). */
const noticeSchema = z.strictObject({
  text: nonEmpty,
  linkText: nonEmpty,
  linkUrl: nonEmpty,
  signature: z.string(),
});

/** What a FOLIO_CONFIG file may change in one edition: every field but its code. */
export const editionOverrideSchema = z.strictObject({
  lang: z.enum(['en', 'ar']),
  mode: z.enum(['archive', 'live']),
  siteName: nonEmpty,
  tagline: z.string(),
  pathPrefix: z.string().regex(/^(\/[a-z0-9-]+)?$/, { error: 'expected "" or a prefix like "/ar"' }),
  hosts: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+(:\d+)?$/, { error: 'expected a host name like ar.example.com' })),
  timeZone: z.string().refine(isTimeZone, { error: (issue) => `unknown time zone "${String(issue.input)}"` }),
  notice: noticeSchema.nullable(),
  commentPolicy: z.enum(['open', 'moderated', 'closed']),
  digits: z.enum(['arabic-indic', 'western']),
}).partial();

/** A list of non-empty strings, trimmed. */
const stringList = z.array(nonEmpty);

/** The comment filters a FOLIO_CONFIG file may set (README, Comments and moderation). */
const commentsSchema = z.strictObject({
  blockedWords: stringList,
  /** Whole addresses ("a@b.c") or domains ("@spam.example"). */
  blockedEmails: stringList,
  blockedNetworks: z.array(z.string().trim().refine(isAddressOrNetwork, { error: (issue) => `"${String(issue.input)}" is not an IP address or CIDR network` })),
}).partial();

/** The whole FOLIO_CONFIG file. Unknown keys are refused: a misspelt key would otherwise do nothing, silently. */
export const fileSchema = z.strictObject({
  editions: z.record(z.string(), editionOverrideSchema),
  comments: commentsSchema,
}).partial();

/** A FOLIO_CONFIG file after validation. */
export type FileSettings = z.output<typeof fileSchema>;
