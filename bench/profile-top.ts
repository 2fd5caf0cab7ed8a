// Prints the top frames of a V8 .cpuprofile (from `node --cpu-prof`): self time and inclusive
// time per function, as quoted in the issue notes. Usage:
//   node --import tsx bench/profile-top.ts <file> [n] [--last <seconds>]
// --last keeps only the profile's final seconds: a server profiled under a load that ends with its
// exit, without the start-up (module loading, asset compression) that would otherwise fill the top.
import { readFileSync } from 'node:fs';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const args = process.argv.slice(2);
const file = args.find((a) => a.endsWith('.cpuprofile'));
const lastAt = args.indexOf('--last');
const lastUs = lastAt >= 0 ? Number(args[lastAt + 1]) * 1e6 : Infinity;
const count = args.find((a, i) => /^\d+$/.test(a) && i !== lastAt + 1) ?? '25';
if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [n]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfUs = new Map<number, number>();
const span = profile.timeDeltas.reduce((a, b) => a + b, 0);
let at = 0;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (span - at <= lastUs) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules\/|src\/)/, '$1')}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
for (const [id, us] of selfUs) {
  all += us;
  const leaf = byId.get(id)!;
  self.set(label(leaf), (self.get(label(leaf)) ?? 0) + us);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + us);
  }
}
const idle = [...self].filter(([l]) => l.startsWith('(idle)')).reduce((a, [, v]) => a + v, 0);
const busy = all - idle;
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (% of busy time, ${(busy / 1e6).toFixed(1)} s busy of ${(all / 1e6).toFixed(1)} s)`);
  for (const [l, us] of [...m].filter(([l]) => !l.startsWith('(idle)') && !l.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, Number(count))) {
    console.log(`${((100 * us) / busy).toFixed(1).padStart(5)}%  ${l}`);
  }
};
show('self time', self);
show('inclusive time', total);
