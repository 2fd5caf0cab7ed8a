import type { Lang } from '../domain/errors.ts';

/** Values for a message's @placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The lookup every message catalogue exports (t, tp, tn, tm, th): the message in that language,
 * with each @name replaced by its value. Plain text: views escape it.
 */
export function catalogueLookup<Key extends string>(
  messages: Readonly<Record<Lang, Readonly<Record<Key, string>>>>,
): (lang: Lang, key: Key, params?: MessageParams) => string {
  return (lang, key, params) => {
    let text: string = messages[lang][key];
    if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`@${k}`, String(v));
    return text;
  };
}
