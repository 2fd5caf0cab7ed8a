import { BlockList, isIP } from 'node:net';
import type { CommentConfig } from '../domain/comment.ts';
import type { CommentFormValues, Localized } from '../domain/comment-form.ts';
import { normalizeForMatch } from '../text/arabic-normalize.ts';

/** Why a post was refused outright (before any rate or moderation decision). */
export interface Refusal {
  readonly reason: 'honeypot' | 'too-fast' | 'bad-token' | 'blocked-network' | 'blocked-email' | 'blocked-word';
  readonly message: Localized;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True when `needle` occurs in `haystack` as whole words (both already normalised). */
function containsWords(haystack: string, needle: string): boolean {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if ((before === undefined || !LETTER_OR_DIGIT.test(before)) && (after === undefined || !LETTER_OR_DIGIT.test(after))) return true;
  }
  return false;
}

/**
 * The anti-abuse rules a comment passes before it is saved: honeypot, time to post, blocked
 * networks, addresses and words. Words match after Arabic and Latin normalisation, so
 * diacritics, alef and yaa forms, tatweel, case and invisible characters do not slip past.
 */
export class CommentGuard {
  private readonly networks = new BlockList();
  private readonly words: { raw: string; folded: string }[];
  private readonly emails: string[];

  constructor(private readonly config: CommentConfig) {
    for (const entry of config.blockedNetworks) {
      const [address, bits] = entry.split('/') as [string, string | undefined];
      const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (bits === undefined) this.networks.addAddress(address, family);
      else this.networks.addSubnet(address, Number(bits), family);
    }
    this.words = config.blockedWords.map((raw) => ({ raw, folded: normalizeForMatch(raw) })).filter((w) => w.folded !== '');
    this.emails = config.blockedEmails.map((e) => e.toLowerCase());
  }

  /** The first rule the post breaks, or null. `tokenAge` is null for a missing or forged token. */
  check(values: CommentFormValues, context: { ip: string; honeypot: string; tokenAge: number | null }): Refusal | null {
    if (context.honeypot.trim() !== '') {
      return { reason: 'honeypot', message: {
        en: 'Your comment was not accepted: the field marked "Leave this field blank" was filled in, which only automated programs do. Please empty it and save again.',
        ar: 'لم يُقبل تعليقك: مُلئ الحقل المعلَّم «اترك هذا الحقل فارغاً»، وهذا ما تفعله البرامج الآلية. أفرِغه واحفظ مجدداً.' } };
    }
    if (context.tokenAge === null || context.tokenAge < 0) {
      return { reason: 'bad-token', message: {
        en: 'The form has become outdated. Your text is kept below: please save it again.',
        ar: 'انتهت صلاحية النموذج. نصّك محفوظ أدناه: يرجى حفظه مجدداً.' } };
    }
    if (context.tokenAge < this.config.minSecondsToPost) {
      return { reason: 'too-fast', message: {
        en: `The comment was sent within ${this.config.minSecondsToPost} seconds of opening the form, faster than a person types. Please check it and save again.`,
        ar: `أُرسل التعليق خلال ${this.config.minSecondsToPost} ثوانٍ من فتح النموذج، أسرع مما يكتب إنسان. راجعه واحفظه مجدداً.` } };
    }
    if (this.blockedIp(context.ip)) {
      return { reason: 'blocked-network', message: {
        en: 'Comments from your network are not accepted. If you think this is a mistake, write to the editors.',
        ar: 'لا تُقبل التعليقات من شبكتك. إن كنت ترى في ذلك خطأً فراسل المحررين.' } };
    }
    const mail = values.mail.toLowerCase();
    if (this.emails.some((e) => (e.startsWith('@') ? mail.endsWith(e) : mail === e))) {
      return { reason: 'blocked-email', message: {
        en: 'Comments from this e-mail address are not accepted.',
        ar: 'لا تُقبل التعليقات من عنوان البريد هذا.' } };
    }
    // No list, nothing to fold: folding the whole post costs more than the rest of these checks.
    if (this.words.length === 0) return null;
    const text = normalizeForMatch(`${values.name} ${values.subject} ${values.comment} ${values.homepage}`);
    const word = this.words.find((w) => containsWords(text, w.folded));
    if (word) {
      return { reason: 'blocked-word', message: {
        en: `Your comment contains a word that is not allowed here ("${word.raw}"). Please rephrase it and save again.`,
        ar: `يحتوي تعليقك على كلمة غير مسموح بها هنا («${word.raw}»). أعد صياغته واحفظه مجدداً.` } };
    }
    return null;
  }

  private blockedIp(ip: string): boolean {
    const family = isIP(ip);
    if (family === 0) return false;
    return this.networks.check(ip, family === 6 ? 'ipv6' : 'ipv4');
  }
}
