import type { NodeSummary } from '../domain/content.ts';
import type { Memento } from '../services/memento-service.ts';
import type { SiteContext } from './site-context.ts';
import { absoluteUrl, mementoUrl, nodeUrl, timegateUrl, timemapUrl } from './urls.ts';
import { httpDate } from './http-date.ts';
import { toUriReference } from '../text/uri-reference.ts';

// Memento (RFC 7089) Link headers and TimeMaps; the URLs themselves are built in urls.ts.

type NodeRef = Pick<NodeSummary, 'nid' | 'path'>;

/** The media type of TimeMaps (RFC 6690). */
export const LINK_FORMAT = 'application/link-format';

function link(url: string, rel: string, params = ''): string {
  return `<${toUriReference(url)}>; rel="${rel}"${params}`;
}

/** A Memento's entry: its relation ("first memento", "last memento", both or neither) and its datetime. */
function mementoLink(ctx: SiteContext, node: NodeRef, mementos: readonly Memento[], index: number): string {
  const rel = [index === 0 ? 'first' : '', index === mementos.length - 1 ? 'last' : '', 'memento'].filter(Boolean).join(' ');
  const m = mementos[index]!;
  return link(absoluteUrl(ctx, mementoUrl(ctx, node, m.datetime)), rel, `; datetime="${httpDate(m.datetime)}"`);
}

/** The Link header of the Original Resource (the article page): where its TimeGate and TimeMap are. */
export function originalLinks(ctx: SiteContext, node: NodeRef): string {
  return [
    link(absoluteUrl(ctx, timegateUrl(ctx, node)), 'timegate'),
    link(absoluteUrl(ctx, timemapUrl(ctx, node)), 'timemap', `; type="${LINK_FORMAT}"`),
  ].join(', ');
}

/** The Link header of a TimeGate's answer or a Memento: original, TimeGate, TimeMap, first and last Mementos. */
export function mementoLinks(ctx: SiteContext, node: NodeRef, mementos: readonly Memento[]): string {
  const ends = [...new Set([0, mementos.length - 1])];
  return [
    link(absoluteUrl(ctx, nodeUrl(ctx, node)), 'original'),
    originalLinks(ctx, node),
    ...ends.map((i) => mementoLink(ctx, node, mementos, i)),
  ].join(', ');
}

/** The TimeMap body: the original, its TimeGate, the map itself, then every Memento oldest first. */
export function timemapBody(ctx: SiteContext, node: NodeRef, mementos: readonly Memento[]): string {
  const from = httpDate(mementos[0]!.datetime);
  const until = httpDate(mementos.at(-1)!.datetime);
  return `${[
    link(absoluteUrl(ctx, nodeUrl(ctx, node)), 'original'),
    link(absoluteUrl(ctx, timegateUrl(ctx, node)), 'timegate'),
    link(absoluteUrl(ctx, timemapUrl(ctx, node)), 'self', `; type="${LINK_FORMAT}"; from="${from}"; until="${until}"`),
    ...mementos.map((_, i) => mementoLink(ctx, node, mementos, i)),
  ].join(',\n')}\n`;
}
