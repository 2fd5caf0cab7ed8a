import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Tokens in the comment form: when the form was rendered, signed with the site secret. They
 * let Folio refuse posts sent faster than a person types. They are not per-reader (article
 * pages are cached and shared), so they prove timing, not identity.
 */
export class FormTokens {
  constructor(private readonly secret: string) {}

  /** A token for a form about node `nid`, issued at `issuedAt` (epoch seconds). */
  issue(nid: number, issuedAt: number): string {
    return `${issuedAt}.${this.sign(nid, issuedAt)}`;
  }

  /** The token's age in seconds, or null when it is missing, forged or for another node. */
  age(token: string, nid: number, now: number): number | null {
    const m = /^(\d{1,12})\.([A-Za-z0-9_-]{22,64})$/.exec(token);
    if (!m) return null;
    const issuedAt = Number(m[1]);
    const expected = Buffer.from(this.sign(nid, issuedAt));
    const given = Buffer.from(m[2]!);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    return now - issuedAt;
  }

  private sign(nid: number, issuedAt: number): string {
    return createHmac('sha256', this.secret).update(`comment-form:${nid}:${issuedAt}`).digest('base64url').slice(0, 32);
  }
}
