/**
 * Issue 13: one per-network cache, safe against callers that change what
 * they were given. For every public function whose result comes from a
 * cache (or is built from cached parts): change the result every way a
 * caller could (rows, nested arrays, typed arrays, maps, graphs), call
 * again, and compare with the result on a fresh network. What cannot be
 * changed (frozen rows, read-only maps) throws instead, which is as safe.
 * test/analysis/mutation.test.ts does the same for the analyses' rows.
 */
import { describe, expect, it } from 'vitest';
import { loadNetwork, planLinks, recommendForCounty, swedenGeography, type CooperationNetwork } from '../../src/index.js';
import { actorView, municipalityView } from '../../src/kernels.js';
import { neighbours, swedenCooperationBodies } from '../../src/geo.js';
import { groupsOf, indexGeography } from '../../src/model.js';
import { linkScores } from '../../src/recommend.js';

/** Overwrite everything reachable that can be overwritten; frozen things refuse (quietly: the next call is what is checked). */
function vandalise(value: unknown, depth = 0): void {
  if (depth > 5 || value === null || typeof value !== 'object') return;
  const attempt = (change: () => void) => {
    try {
      change();
    } catch {
      // refused: frozen or read-only
    }
  };
  if (ArrayBuffer.isView(value)) return attempt(() => (value as Float64Array).fill(7));
  if (value instanceof Map) {
    for (const v of value.values()) vandalise(v, depth + 1);
    attempt(() => value.set('vandalised', 'vandalised'));
    attempt(() => value.delete(value.keys().next().value));
    return;
  }
  if (value instanceof Set) return attempt(() => value.add('vandalised'));
  if (Array.isArray(value)) {
    for (const item of value) vandalise(item, depth + 1);
    attempt(() => value.push('vandalised'));
    return;
  }
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object') vandalise(v, depth + 1);
    else attempt(() => ((value as Record<string, unknown>)[key] = typeof v === 'number' ? -999 : 'vandalised'));
  }
}

/** A JSON form that sees into maps, sets and typed arrays. */
function snapshot(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : ArrayBuffer.isView(v) ? [...(v as Float64Array)] : v));
}

const load = () => loadNetwork(swedenCooperationBodies());

describe('a cached result changed by its caller does not change the next call', () => {
  const calls: Record<string, (net: CooperationNetwork) => unknown> = {
    actorView: (net) => actorView(net),
    'actorView of kinds': (net) => actorView(net, ['joint_body']),
    municipalityView: (net) => municipalityView(net),
    'municipalityProjection ties': (net) => net.municipalityProjection().ties,
    indexGeography: (net) => indexGeography(net.geography),
    'actors, municipalities, counties': (net) => [net.actors(), net.municipalities(), net.counties()],
    'accessors by municipality and county': (net) => [net.actorsInMunicipality('2480'), net.municipalitiesOfCounty('24'), net.borderNeighbours('2480'), net.linksOf('2480')],
    groupsOf: (net) => groupsOf(net),
    neighbours: (net) => neighbours(net.geography, '2480', { hops: 2 }),
    recommendForCounty: (net) => recommendForCounty(net, 'Västerbotten', { limit: 2 }),
    planLinks: (net) => planLinks(net, { budget: 2 }),
    linkScores: (net) => linkScores(net, [['2480', '2460'], ['2480', '0180']], 'jaccard'),
  };
  const net = load();
  for (const [name, call] of Object.entries(calls)) {
    it(name, () => {
      const fresh = snapshot(call(load()));
      vandalise(call(net));
      expect(snapshot(call(net))).toBe(fresh);
    });
  }

  it('the municipality projection graph is the caller\'s own', () => {
    // Edge keys are graphology's generated ids (a global counter): compared without them.
    const form = (graph: ReturnType<CooperationNetwork['municipalityProjection']>['graph']) => snapshot([graph.export().nodes, graph.mapEdges((_e, attributes, source, target) => [source, target, attributes])]);
    const fresh = form(load().municipalityProjection().graph);
    const graph = net.municipalityProjection().graph;
    graph.clearEdges();
    graph.updateEachNodeAttributes(() => ({ name: 'x', county: 'x', population: 0 }));
    expect(form(net.municipalityProjection().graph)).toBe(fresh);
  });

  it('the geography index refuses changes rather than letting them through', () => {
    const ix = indexGeography(swedenGeography());
    expect(() => (ix.municipality as Map<string, unknown>).set('9999', {})).toThrow(TypeError);
    expect(() => (ix.bordersOf.get('2480') as string[]).push('9999')).toThrow(TypeError);
    expect(() => ((ix as { codeWidth: number }).codeWidth = 3)).toThrow(TypeError);
  });
});
