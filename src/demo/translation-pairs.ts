import type { Edition } from '../domain/edition.ts';
import { sanctionedWriter } from '../domain/edition-guard.ts';
import type { ContentWriter } from '../store/types.ts';
import type { DemoFixedItems } from './demo-fixed-items.ts';
import type { EditionCounts } from './demo-report.ts';

/**
 * Links a handful of the English landmark articles with the first Arabic articles as translations
 * of each other, so hreflang links, sitemap alternates and "Read in Arabic" have something to show.
 * Landmarks and the first Arabic nids are fixed, so every run pairs the same nodes; the node-only
 * article is among them so a translation without an alias is covered too.
 */
export async function pairTranslations(writer: ContentWriter, arabic: Edition, fixed: DemoFixedItems, ar: EditionCounts): Promise<number> {
  const english = [fixed.oneComment, fixed.coAuthored, fixed.unsigned, fixed.nodeOnly, fixed.slugCollision[0]];
  const pairs = english.slice(0, ar.nodes.article).map((en, i) => ({ en: en.nid, ar: ar.firstNid + i }));
  const ed = sanctionedWriter(arabic, 'demo-seed');
  for (const pair of pairs) await writer.linkTranslation(ed, pair.ar, pair.en);
  return pairs.length;
}
