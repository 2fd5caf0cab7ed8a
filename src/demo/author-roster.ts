import { slugify } from '../text/slugify.ts';
import { WeightedTable, type SeededRandom } from './seeded-random.ts';

/** A byline as the store keeps it. */
export interface AuthorWrite {
  readonly aid: number;
  readonly name: string;
  readonly slug: string;
}

/** One writer; some are printed under a second spelling of their name. */
export interface Person {
  readonly name: string;
  readonly alternateName?: string;
}

interface Identity {
  readonly name: string;
  readonly slug: string;
  aid: number | undefined;
}

interface Writer {
  readonly main: Identity;
  readonly alternate: Identity | undefined;
}

// Share of a two-spelling writer's pieces printed under the second spelling.
const ALTERNATE_SHARE = 0.25;

/**
 * Output per writer follows a lognormal (docs/original-site.md "Content shape": a few wrote over 100 pieces, most 1 to 3),
 * taken at evenly spaced quantiles so the shape does not depend on luck. σ = 2.8 with the top
 * three flattened gives, at about 900 bylines, three or four writers over 100 and most at 1–3:
 * an uncapped lognormal that wide hands one writer a third of the paper.
 */
export function lognormalWeights(count: number, sigma = 2.8, flattenTop = 3): number[] {
  const w: number[] = [];
  for (let i = 0; i < count; i++) w.push(Math.exp(sigma * inverseNormal(1 - (i + 0.5) / count)));
  const cap = w[Math.min(flattenTop, count - 1)] ?? 1;
  return w.map((x, i) => (i < flattenTop ? Math.min(x, cap * (1 + 0.1 * (flattenTop - i))) : x));
}

/**
 * Hands out bylines. Authors are written lazily, on their first piece, so no author page is
 * ever empty; each writer also has a "debut" slot spread over the expected number of pieces,
 * which guarantees that the small contributors appear at all, at some point in the archive.
 */
export class AuthorRoster {
  private readonly writers: Writer[];
  private readonly table: WeightedTable<number>;
  private readonly debuts: { at: number; identity: Identity }[];
  private debutIndex = 0;
  private picks = 0;
  private pending: AuthorWrite[] = [];
  private created = 0;

  constructor(
    private readonly rng: SeededRandom,
    people: readonly Person[],
    expectedPieces: number,
    private readonly nextAid: () => number,
    slugOf: (name: string) => string = slugify,
  ) {
    const identity = (name: string): Identity => ({ name, slug: slugOf(name), aid: undefined });
    this.writers = people.map((p) => ({ main: identity(p.name), alternate: p.alternateName ? identity(p.alternateName) : undefined }));
    const weights = lognormalWeights(people.length);
    this.table = new WeightedTable(this.writers.map((_, i) => i), weights);
    const identities = this.writers.flatMap((w) => (w.alternate ? [w.main, w.alternate] : [w.main]));
    this.debuts = identities
      .map((id) => ({ at: rng.int(0, Math.max(0, Math.floor(expectedPieces * 0.9))), identity: id }))
      .sort((a, b) => a.at - b.at);
  }

  /** The aid for the next signed piece. */
  next(): number {
    const ordinal = this.picks++;
    while (this.debutIndex < this.debuts.length) {
      const debut = this.debuts[this.debutIndex] as { at: number; identity: Identity };
      if (debut.at > ordinal) break;
      this.debutIndex++;
      if (debut.identity.aid === undefined) return this.aidOf(debut.identity);
    }
    return this.aidOf(this.spelling(this.writers[this.table.draw(this.rng)] as Writer));
  }

  /** A second author for a co-signed piece, different from `first`. */
  coAuthor(first: number): number {
    for (let i = 0; i < 10; i++) {
      const aid = this.aidOf(this.spelling(this.writers[this.table.draw(this.rng)] as Writer));
      if (aid !== first) return aid;
    }
    const fallback = this.writers.map((w) => w.main).find((id) => id.aid !== first) as Identity;
    return this.aidOf(fallback);
  }

  /** The aid of a given writer (by position in the people list), always the main spelling. */
  aidOfWriter(index: number): number {
    return this.aidOf((this.writers[index] as Writer).main);
  }

  /** Authors first used since the last call, to be saved before the nodes that cite them. */
  drainNewAuthors(): AuthorWrite[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  /** Number of authors written so far. */
  get authorCount(): number {
    return this.created;
  }

  private spelling(w: Writer): Identity {
    return w.alternate && this.rng.chance(ALTERNATE_SHARE) ? w.alternate : w.main;
  }

  private aidOf(id: Identity): number {
    if (id.aid === undefined) {
      id.aid = this.nextAid();
      this.pending.push({ aid: id.aid, name: id.name, slug: id.slug });
      this.created++;
    }
    return id.aid;
  }
}

/** Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9). */
function inverseNormal(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}
