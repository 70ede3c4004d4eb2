import { cmp } from '../../model/geography.js';
import { nodeKey } from '../../model/keys.js';
import type { Actor } from '../../model/schema.js';
import { message, messageCount } from '../../model/i18n/index.js';
import { joinNames } from '../../model/words.js';
import { articulationPoints as articulationKernel } from '../../metrics/articulation.js';
import { csrFromEdges, toCsr } from '../../metrics/csr.js';
import { actorViewsByGroup } from '../view.js';
import type { GapContext, GapFinding } from './context.js';

/**
 * `single_point_of_failure`, county by county: first in the county's
 * municipality network (who holds the municipalities together), then in
 * its whole actor network (any actor, e.g. a länsstyrelse that is the only
 * link of some municipalities); each actor once (3 when it cuts off two or
 * more municipalities, else 2).
 */
export function singlePointOfFailure({ net, ix, projection, lang }: GapContext): GapFinding[] {
  const out: GapFinding[] = [];
  const countyViews = actorViewsByGroup(net, (a) => a.county);
  const noActors = { csr: csrFromEdges([], new Int32Array(0), null), actors: [] as Actor[] };
  for (const county of net.counties()) {
    const seen = new Set<string>();
    const countyMunicipalities = net.municipalitiesOfCounty(county.code);
    const projectionCsr = toCsr(projection.graph, { nodes: countyMunicipalities.map((m) => nodeKey(m.code)) });
    const municipalActors = countyMunicipalities.map((m) => net.actor(m.code)!);
    const views: { csr: ReturnType<typeof toCsr>; actors: Actor[]; network: string }[] = [
      { csr: projectionCsr, actors: municipalActors, network: 'municipalities' },
      { ...(countyViews.get(county.code) ?? noActors), network: 'actors' },
    ];
    for (const { csr, actors, network } of views) {
      const municipal = actors.map((a) => a.kind === 'municipality');
      for (const p of articulationKernel(csr, { countable: municipal })) {
        const actor = actors[p.node]!;
        if (p.cutOff === 0 || seen.has(actor.id)) continue;
        seen.add(actor.id);
        const { main, cut } = cutOffMunicipalities(csr, actors, p.node);
        const nameOf = (c: string) => ix.municipality.get(c)!.name;
        const names = joinNames(cut.map(nameOf), lang);
        const they = p.cutOff === 2 ? message(lang, 'gaps.spof.both') : message(lang, 'gaps.spof.all', { n: p.cutOff });
        // When what would remain is no bigger than what is cut off, "the rest"
        // is misleading: say that the actor holds them together.
        const heldTogether = main.length <= cut.length ? [...main, ...cut].filter((c) => c !== actor.id).sort(cmp) : undefined;
        const facts = { name: actor.name, names, county: county.name };
        out.push({
          severity: p.cutOff >= 2 ? 3 : 2,
          type: 'single_point_of_failure',
          county: county.code,
          subject: actor.id,
          name: actor.name,
          reason: heldTogether
            ? message(lang, 'gaps.spof.heldTogether', { ...facts, count: heldTogether.length, names: joinNames(heldTogether.map(nameOf), lang), parts: p.parts })
            : network === 'municipalities'
              ? messageCount(lang, 'gaps.spof.onlyTie', p.cutOff, { ...facts, they })
              : messageCount(lang, 'gaps.spof.network', p.cutOff, facts),
          municipalities: actor.kind === 'municipality' ? [actor.id, ...cut] : cut,
          order: -p.cutOff,
        });
      }
    }
  }
  return out;
}

/**
 * When node `removed` is taken out: the municipalities of the main part (the
 * part with most municipalities, as the articulation kernel chooses it) and
 * those cut off from it.
 */
function cutOffMunicipalities(csr: ReturnType<typeof toCsr>, actors: readonly Actor[], removed: number): { main: string[]; cut: string[] } {
  const seen = new Int32Array(csr.n).fill(-1);
  seen[removed] = -2;
  const parts: number[][] = [];
  for (let start = 0; start < csr.n; start++) {
    if (seen[start] !== -1) continue;
    const part: number[] = [];
    const stack = [start];
    seen[start] = parts.length;
    while (stack.length > 0) {
      const v = stack.pop()!;
      part.push(v);
      for (let j = csr.offsets[v]!; j < csr.offsets[v + 1]!; j++) {
        const w = csr.targets[j]!;
        if (seen[w] === -1) {
          seen[w] = parts.length;
          stack.push(w);
        }
      }
    }
    parts.push(part);
  }
  // Only the parts of the removed node's own component matter.
  const neighbourParts = new Set<number>();
  for (let j = csr.offsets[removed]!; j < csr.offsets[removed + 1]!; j++) neighbourParts.add(seen[csr.targets[j]!]!);
  const municipalitiesIn = (p: number) => parts[p]!.filter((i) => actors[i]!.kind === 'municipality');
  const smallest = new Map([...neighbourParts].map((p) => [p, Math.min(...parts[p]!)]));
  const ranked = [...neighbourParts].sort((x, y) => municipalitiesIn(y).length - municipalitiesIn(x).length || parts[y]!.length - parts[x]!.length || smallest.get(x)! - smallest.get(y)!);
  const ids = (ps: number[]) => ps.flatMap((p) => municipalitiesIn(p).map((i) => actors[i]!.id)).sort(cmp);
  return { main: ids(ranked.slice(0, 1)), cut: ids(ranked.slice(1)) };
}
