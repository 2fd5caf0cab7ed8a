import { INVALID_UTF8_KEY } from './form-parser.ts';

// JSON schemas of the form bodies (Fastify validates them before the handler). Form bodies come
// through web/form-parser.ts, so every field is a string; the schemas hold the shape for any other
// body too (a JSON post, say) and name the values a field may take. Lengths and formats are the
// services' to check, with messages in the reader's language, so they are not repeated here.
// Routes set `attachValidation`, so a body that fails gets the form again with a readable 400,
// never Fastify's JSON error.

const text = { type: 'string' } as const;

/** The comment form (post and preview). */
export const COMMENT_FORM_BODY = {
  type: 'object',
  properties: {
    name: text, mail: text, homepage: text, subject: text, comment: text,
    form_token: text, website: text, _csrf: text,
    op: { type: 'string', enum: ['save', 'preview'] },
    [INVALID_UTF8_KEY]: { type: 'array', items: text },
  },
} as const;

/** What the comment form's body holds once it passed COMMENT_FORM_BODY. */
export interface CommentFormBody {
  readonly name?: string;
  readonly mail?: string;
  readonly homepage?: string;
  readonly subject?: string;
  readonly comment?: string;
  readonly form_token?: string;
  readonly website?: string;
  readonly _csrf?: string;
  readonly op?: 'save' | 'preview';
  readonly [INVALID_UTF8_KEY]?: readonly string[];
}

/** The sign-in form. */
export const SIGN_IN_BODY = {
  type: 'object',
  properties: { name: text, pass: text, destination: text, _csrf: text },
} as const;

/** What the sign-in form's body holds once it passed SIGN_IN_BODY. */
export interface SignInBody {
  readonly name?: string;
  readonly pass?: string;
  readonly destination?: string;
}

/** A moderation queue's form: the action, the page it came from, and one `comments[<cid>]` box per ticked comment (Drupal 7's names). */
export const MODERATION_BODY = {
  type: 'object',
  required: ['op'],
  properties: { op: { type: 'string', enum: ['approve', 'unpublish', 'spam', 'delete'] }, page: text, _csrf: text },
  patternProperties: { '^comments\\[\\d{1,10}\\]$': text },
} as const;

/** What a moderation form's body holds once it passed MODERATION_BODY. */
export interface ModerationBody {
  readonly op: 'approve' | 'unpublish' | 'spam' | 'delete';
  readonly page?: string;
  readonly [box: string]: string | undefined;
}
