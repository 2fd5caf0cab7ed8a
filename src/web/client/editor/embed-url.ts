/**
 * Recognises a YouTube, Vimeo or Twitter/X address in the browser, as src/filter/embeds.ts does on
 * the server (the server re-reads every placeholder, so this only decides what the button inserts).
 */
export interface EmbedRef {
  readonly provider: 'youtube' | 'vimeo' | 'twitter';
  readonly id: string;
  readonly url: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const NUMBER = /^[0-9]{1,20}$/;

/** The embed an address points at, with the canonical address its placeholder links to, or null. */
export function embedFromUrl(raw: string): EmbedRef | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '');
  const parts = url.pathname.split('/').filter((p) => p !== '');
  let id: string | undefined;
  if (host === 'youtu.be') id = parts[0];
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') id = parts[0] === 'watch' ? url.searchParams.get('v') ?? undefined : ['embed', 'shorts', 'live', 'v'].includes(parts[0] ?? '') ? parts[1] : undefined;
  if (id !== undefined) return YOUTUBE_ID.test(id) ? { provider: 'youtube', id, url: `https://www.youtube.com/watch?v=${id}` } : null;
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const vid = host === 'vimeo.com' ? parts[0] : parts[0] === 'video' ? parts[1] : undefined;
    return vid !== undefined && NUMBER.test(vid) ? { provider: 'vimeo', id: vid, url: `https://vimeo.com/${vid}` } : null;
  }
  if (host === 'twitter.com' || host === 'x.com') {
    const status = parts.indexOf('status');
    const tid = status >= 1 ? parts[status + 1] : undefined;
    return tid !== undefined && NUMBER.test(tid) ? { provider: 'twitter', id: tid, url: `https://twitter.com/i/web/status/${tid}` } : null;
  }
  return null;
}
