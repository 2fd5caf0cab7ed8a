import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Edition } from '../../domain/edition.ts';
import { FolioError, Invalid } from '../../domain/errors.ts';
import { can } from '../../domain/permissions.ts';
import type { UserRecord } from '../../services/auth-service.ts';
import { MEDIA_PAGE_MAX } from '../../services/media-service.ts';
import { bothLangs, tm } from '../../text/media-messages.ts';
import { siteContextFor } from '../site-context-for.ts';
import type { SiteContext } from '../site-context.ts';
import { mediaLibraryUrl } from '../urls.ts';
import { mediaLibraryView, type MediaFields, type MediaNotice } from '../views/media-library-view.ts';
import type { WebDeps } from '../web-deps.ts';
import { seeOther, sendStaffPage } from './send-staff-page.ts';
import { expiredFormsAsForbidden } from './expired-forms.ts';
import { staffWith } from './staff-guard.ts';

type LibraryQuery = { Querystring: { q?: string; before?: string; done?: string } };
type ItemParams = { Params: { id: string } };

/** An item in a path. Not constrained here: the service answers NotFound for anything not an item's hash, after the sign-in check. */
const ID = ':id';
/** A page's cursor: the last item's upload time and id. */
const CURSOR = /^(\d{1,12})\.([0-9a-f]{20})$/;
/** The 303s' notices. */
const DONE = new Set(['upload', 'existing', 'edit', 'delete']);
const DONE_TEXT = { upload: 'doneUpload', existing: 'doneUploadExisting', edit: 'doneEdit', delete: 'doneDelete' } as const;
/** Multipart fields other than the file; more or longer ones are cut off by the parser. */
const MAX_FIELDS = 8;
const MAX_FIELD_BYTES = 16 * 1024;
/** The multipart parser's codes for a malformed or over-full form (the CSRF codes are expired-forms.ts'). */
const MULTIPART_CODES = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT', 'FST_PROTO_VIOLATION', 'FST_INVALID_MULTIPART_CONTENT_TYPE', 'FST_REQ_FILE_TOO_LARGE', 'FST_MULTIPART_INVALID_CONTENT_TYPE']);

/** The uploaded file as the multipart parser hands it to the handler (see onFile below). */
interface ReceivedFile {
  readonly bytes: Buffer;
  readonly fileName: string;
  readonly truncated: boolean;
}

function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

function textOf(body: Record<string, unknown>): MediaFields {
  return { caption: field(body, 'caption'), credit: field(body, 'credit'), alt: field(body, 'alt') };
}

/**
 * /admin/media (issue 12, point 5): the library with its upload form, search and paging; each
 * item's text; deletion. Anyone who writes may upload and edit their own items' text; editors and
 * admins edit any and delete. A refusal comes back on the page with what was typed kept.
 */
export function mediaRoutes(edition: Edition, deps: WebDeps) {
  const lang = edition.lang;

  async function page(
    request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, me: UserRecord,
    extra: { notice: MediaNotice | null; status?: number; upload?: MediaFields; editing?: ({ id: string } & MediaFields) | null; query?: LibraryQuery['Querystring'] },
  ) {
    const query = extra.query ?? {};
    const search = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
    const cursor = typeof query.before === 'string' ? CURSOR.exec(query.before) : null;
    const { items, older } = await deps.media.list(me, {
      edition: edition.code, limit: MEDIA_PAGE_MAX, search: search || null,
      olderThan: cursor ? { at: Number(cursor[1]), id: cursor[2]! } : null,
    });
    const body = mediaLibraryView(ctx, {
      me, items, csrfToken: reply.generateCsrf(), notice: extra.notice,
      upload: extra.upload ?? { caption: '', credit: '', alt: '' }, editing: extra.editing ?? null, search,
      older: older ? `${older.at}.${older.id}` : null, paged: cursor !== null,
      limits: { mb: Math.round(deps.media.limits.maxBytes / (1024 * 1024)), megapixels: Math.round(deps.media.limits.maxPixels / 1_000_000) },
      mayDelete: can(me.role, 'edit any article'),
    });
    return sendStaffPage(request, reply, deps, ctx, { title: tm(lang, 'mediaTitle'), body, status: extra.status ?? 200 });
  }

  /** A refusal an editor can act on comes back on the page (typed values kept); anything else goes to the error page. */
  async function orRefusal(request: FastifyRequest, reply: FastifyReply, ctx: SiteContext, me: UserRecord, work: () => Promise<FastifyReply>, kept: { upload?: MediaFields; editing?: { id: string } & MediaFields }) {
    try {
      return await work();
    } catch (err) {
      if (err instanceof FolioError && ['INVALID', 'CONFLICT', 'NOT_FOUND', 'UNAVAILABLE'].includes(err.code)) {
        return page(request, reply, ctx, me, { notice: { kind: 'error', text: err.messageIn(lang) }, status: err.status, ...kept });
      }
      throw err;
    }
  }

  return async function register(app: FastifyInstance): Promise<void> {
    // Only this plugin's routes take multipart bodies. Each field arrives as a string in
    // request.body (so the CSRF check finds _csrf as on any form); the file is read up to the
    // size limit and marked when it was cut there, so the page can say so and keep the fields.
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: deps.media.limits.maxBytes, files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FIELDS + 1 },
      async onFile(part: MultipartFile & { value?: unknown }) {
        const bytes = await part.toBuffer();
        part.value = { bytes, fileName: part.filename, truncated: part.file.truncated } satisfies ReceivedFile;
      },
    });
    expiredFormsAsForbidden(app, {
      translate: (err) => (typeof err.code === 'string' && MULTIPART_CODES.has(err.code) ? new Invalid(bothLangs('errorNoFile')) : null),
    });
    const writes = { config: { acceptsWrites: true }, preValidation: app.csrfProtection };

    app.get<LibraryQuery>('/admin/media', async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'write drafts', request.originalUrl);
      if (!me) return reply;
      const done = typeof request.query.done === 'string' && DONE.has(request.query.done) ? DONE_TEXT[request.query.done as keyof typeof DONE_TEXT] : null;
      return page(request, reply, ctx, me, { notice: done ? { kind: 'done', text: tm(lang, done) } : null, query: request.query });
    });

    app.post('/admin/media', writes, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'write drafts', mediaLibraryUrl(ctx));
      if (!me) return reply;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const text = textOf(body);
      const file = body.file as ReceivedFile | undefined;
      return orRefusal(request, reply, ctx, me, async () => {
        const { item, created } = await deps.media.upload(me, {
          edition: edition.code, fileName: file?.fileName ?? '', bytes: file?.bytes ?? Buffer.alloc(0), truncated: file?.truncated ?? false, ...text,
        });
        return seeOther(reply, `${mediaLibraryUrl(ctx)}?done=${created ? 'upload' : 'existing'}#media-${item.id}`);
      }, { upload: text });
    });

    app.post<ItemParams>(`/admin/media/${ID}/edit`, writes, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'write drafts', mediaLibraryUrl(ctx));
      if (!me) return reply;
      const text = textOf((request.body ?? {}) as Record<string, unknown>);
      const { id } = request.params;
      return orRefusal(request, reply, ctx, me, async () => {
        await deps.media.edit(me, id, text);
        return seeOther(reply, `${mediaLibraryUrl(ctx)}?done=edit#media-${id}`);
      }, { editing: { id, ...text } });
    });

    app.post<ItemParams>(`/admin/media/${ID}/delete`, writes, async (request, reply) => {
      const ctx = siteContextFor(request, edition, deps);
      const me = await staffWith(request, reply, deps, ctx, 'edit any article', mediaLibraryUrl(ctx));
      if (!me) return reply;
      return orRefusal(request, reply, ctx, me, async () => {
        await deps.media.delete(me, request.params.id);
        return seeOther(reply, `${mediaLibraryUrl(ctx)}?done=delete`);
      }, {});
    });
  };
}
