/**
 * Embedded posts and videos in staff text, as safe placeholders: a recognised tweet, YouTube or
 * Vimeo address becomes `{ provider, id }`, and a placeholder is written back from that pair
 * alone, as a plain link that works without JavaScript. Nothing of the pasted embed code (its
 * script, iframe or attributes) is ever kept. Pure: no I/O.
 */

/** The services whose embeds become placeholders. */
export type EmbedProvider = 'youtube' | 'vimeo' | 'twitter';

/** A recognised embed: which service and the id of the video or post there. */
export interface Embed {
  readonly provider: EmbedProvider;
  readonly id: string;
}

/** The provider names, for validating `data-embed`. */
export const EMBED_PROVIDERS: readonly EmbedProvider[] = Object.freeze(['youtube', 'vimeo', 'twitter']);

// YouTube ids are 11 characters of the URL-safe base64 alphabet; Vimeo ids and tweet ids are
// decimal (tweet ids are 64-bit snowflakes, up to 19 digits).
const ID_SHAPES: Readonly<Record<EmbedProvider, RegExp>> = Object.freeze({
  youtube: /^[A-Za-z0-9_-]{11}$/,
  vimeo: /^[0-9]{1,12}$/,
  twitter: /^[0-9]{1,20}$/,
});

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);
const TWITTER_HOSTS = new Set(['twitter.com', 'www.twitter.com', 'mobile.twitter.com', 'x.com', 'www.x.com']);

/** True when `id` has the shape of an id at `provider`. */
export function isEmbedId(provider: string, id: string): provider is EmbedProvider {
  return (EMBED_PROVIDERS as readonly string[]).includes(provider) && ID_SHAPES[provider as EmbedProvider].test(id);
}

function embedOf(provider: EmbedProvider, id: string | undefined): Embed | null {
  return id !== undefined && ID_SHAPES[provider].test(id) ? { provider, id } : null;
}

/**
 * The embed an address points at (a watch, short or embed URL of YouTube, a video or player URL
 * of Vimeo, a status URL of Twitter/X), or null. Only https and http addresses count.
 */
export function parseEmbedUrl(raw: string): Embed | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').filter((p) => p !== '');
  if (host === 'youtu.be') return embedOf('youtube', parts[0]);
  if (YOUTUBE_HOSTS.has(host)) {
    if (parts[0] === 'watch') return embedOf('youtube', url.searchParams.get('v') ?? undefined);
    if (parts[0] === 'embed' || parts[0] === 'shorts' || parts[0] === 'live' || parts[0] === 'v') return embedOf('youtube', parts[1]);
    return null;
  }
  if (host === 'vimeo.com' || host === 'www.vimeo.com') return embedOf('vimeo', parts[0]);
  if (host === 'player.vimeo.com') return parts[0] === 'video' ? embedOf('vimeo', parts[1]) : null;
  if (TWITTER_HOSTS.has(host)) {
    const status = parts.indexOf('status');
    return status >= 1 ? embedOf('twitter', parts[status + 1]) : null;
  }
  return null;
}

/** The one address a placeholder links to: where a reader without JavaScript watches or reads it. */
export function embedUrl(embed: Embed): string {
  switch (embed.provider) {
    case 'youtube':
      return `https://www.youtube.com/watch?v=${embed.id}`;
    case 'vimeo':
      return `https://vimeo.com/${embed.id}`;
    case 'twitter':
      // The user name is not needed: /i/web/status/<id> opens any post.
      return `https://twitter.com/i/web/status/${embed.id}`;
  }
}
