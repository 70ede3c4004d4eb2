import { readFileSync } from 'node:fs';
import { UndirectedGraph } from 'graphology';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import * as kernels from '../../src/kernels.js';
import { ArgumentError, CapacityError, centrality, loadNetwork, OptionsError, SamverkanError } from '../../src/index.js';
import { HAND } from './centrality-helpers.js';

/** What `f` throws, which must be a `RangeError` (the kernels' contract, kept). */
function rangeError(f: () => unknown): kernels.KernelOptionsError {
  let error: unknown = null;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(RangeError);
  return error as kernels.KernelOptionsError;
}

const p4 = HAND.p4();
const graph = new UndirectedGraph();
graph.mergeEdge('a', 'b');
graph.mergeEdge('b', 'c');

/**
 * Every kernel that takes options (or, for `linkScores`, a method): a call
 * with a misspelt key, the key it should have been, and calls with a wrong
 * value of each kind of option, with the option they must name.
 */
const CASES: {
  fn: string;
  call: (options: never) => unknown;
  typo: [string, string];
  wrong: [Record<string, unknown>, string][];
}[] = [
  { fn: 'toCsr', call: (o) => kernels.toCsr(graph, o), typo: ['weightAtribute', 'weightAttribute'], wrong: [[{ nodes: ['a', 1] }, 'nodes.1'], [{ nodes: ['a', 'a'] }, 'nodes'], [{ weightAttribute: 3 }, 'weightAttribute']] },
  { fn: 'betweennessCentrality', call: (o) => kernels.betweennessCentrality(p4, o), typo: ['normalised', 'normalized'], wrong: [[{ samples: 0 }, 'samples'], [{ seed: 1.5 }, 'seed'], [{ workers: 0 }, 'workers'], [{ onProgress: 'yes' }, 'onProgress'], [{ normalized: 1 }, 'normalized']] },
  { fn: 'closenessCentrality', call: (o) => kernels.closenessCentrality(p4, o), typo: ['weigthed', 'weighted'], wrong: [[{ weighted: 'yes' }, 'weighted']] },
  { fn: 'harmonicCentrality', call: (o) => kernels.harmonicCentrality(p4, o), typo: ['weigted', 'weighted'], wrong: [[{ weighted: null }, 'weighted']] },
  { fn: 'distanceCentralities', call: (o) => kernels.distanceCentralities(p4, o), typo: ['worker', 'workers'], wrong: [[{ workers: 2.5 }, 'workers'], [{ workers: 'exact' }, 'workers']] },
  { fn: 'pathCentralities', call: (o) => kernels.pathCentralities(p4, o), typo: ['measure', 'measures'], wrong: [[{ measures: ['degree'] }, 'measures.0'], [{ samples: 'some' }, 'samples'], [{ samples: -3 }, 'samples']] },
  { fn: 'eigenvectorCentrality', call: (o) => kernels.eigenvectorCentrality(p4, o), typo: ['maxIteration', 'maxIterations'], wrong: [[{ tolerance: -1 }, 'tolerance'], [{ tolerance: Infinity }, 'tolerance'], [{ maxIterations: 1.5 }, 'maxIterations']] },
  { fn: 'eigenvectorCentralityDetailed', call: (o) => kernels.eigenvectorCentralityDetailed(p4, o), typo: ['tolerence', 'tolerance'], wrong: [[{ maxIterations: -1 }, 'maxIterations']] },
  { fn: 'pagerank', call: (o) => kernels.pagerank(p4, o), typo: ['aplha', 'alpha'], wrong: [[{ alpha: 1.5 }, 'alpha'], [{ alpha: Number.NaN }, 'alpha'], [{ tolerance: Number.NaN }, 'tolerance']] },
  { fn: 'pagerankDetailed', call: (o) => kernels.pagerankDetailed(p4, o), typo: ['weightd', 'weighted'], wrong: [[{ maxIterations: '100' }, 'maxIterations']] },
  { fn: 'burtConstraint', call: (o) => kernels.burtConstraint(p4, o), typo: ['weighed', 'weighted'], wrong: [[{ weighted: 1 }, 'weighted']] },
  { fn: 'effectiveSize', call: (o) => kernels.effectiveSize(p4, o), typo: ['wieghted', 'weighted'], wrong: [[{ weighted: 'no' }, 'weighted']] },
  { fn: 'brokerageRoles', call: (o) => kernels.brokerageRoles(p4, ['x', 'x', 'y', 'y'], o), typo: ['ungroupd', 'ungrouped'], wrong: [[{ ungrouped: 'drop' }, 'ungrouped']] },
  { fn: 'articulationPoints', call: (o) => kernels.articulationPoints(p4, o), typo: ['countables', 'countable'], wrong: [[{ countable: 5 }, 'countable'], [{ countable: null }, 'countable']] },
  { fn: 'louvainCommunities', call: (o) => kernels.louvainCommunities(p4, o), typo: ['sed', 'seed'], wrong: [[{ seed: 1.5 }, 'seed'], [{ resolution: Number.NaN }, 'resolution'], [{ weighted: 'true' }, 'weighted']] },
  { fn: 'modularity', call: (o) => kernels.modularity(p4, [0, 0, 1, 1], o), typo: ['resolutin', 'resolution'], wrong: [[{ resolution: Infinity }, 'resolution']] },
];

describe('kernel options are strict schemas: a wrong value or an unknown key is a RangeError naming the option', () => {
  for (const { fn, call, typo, wrong } of CASES) {
    it(fn, () => {
      const [key, meant] = typo;
      const unknown = rangeError(() => call({ [key]: true } as never));
      expect(unknown).toBeInstanceOf(RangeError);
      expect(unknown).toBeInstanceOf(kernels.KernelOptionsError);
      expect(unknown).toMatchObject({ code: 'OPTIONS', fn, option: key, options: [key] });
      // The closest known option, and the known ones.
      expect(unknown.message).toContain(`${fn}: option ${key}: unknown option; did you mean "${meant}"?`);
      for (const [options, option] of wrong) {
        const error = rangeError(() => call(options as never));
        expect(error, JSON.stringify(options)).toBeInstanceOf(RangeError);
        expect(error, JSON.stringify(options)).toMatchObject({ code: 'OPTIONS', fn, option });
        expect(error.message).toMatch(new RegExp(`^${fn}: option ${option.replace('.', '\\.')}: .+, got `));
      }
      // Options that are not an object at all.
      expect(rangeError(() => call(42 as never))).toMatchObject({ fn, option: '', reason: 'options must be an object, got a number (42)' });
    });
  }

  it('linkScores: an unknown method names the method argument', () => {
    const error = rangeError(() => kernels.linkScores(p4, [[0, 2]], 'jacard' as kernels.LinkPredictionMethod));
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ code: 'OPTIONS', fn: 'linkScores', option: 'method' });
    expect(error.message).toMatch(/jaccard/);
    // A node index out of range is a wrong argument, not an option: a plain RangeError.
    const index = rangeError(() => kernels.linkScores(p4, [[0, 9]], 'jaccard'));
    expect(index).toBeInstanceOf(RangeError);
    expect(index).not.toBeInstanceOf(kernels.KernelOptionsError);
  });

  it('right options still work, and an undefined option takes its default', () => {
    expect(kernels.pagerank(p4, { alpha: 0.85, weighted: true })).toEqual(kernels.pagerank(p4));
    expect(kernels.pagerank(p4, { alpha: undefined })).toEqual(kernels.pagerank(p4));
    expect(kernels.pathCentralities(p4, { samples: 'exact' }).sampling.exact).toBe(true);
    expect(kernels.betweennessCentrality(p4, { samples: 'exact', workers: 1, seed: 3 })).toEqual(kernels.betweennessCentrality(p4));
    expect(kernels.toCsr(graph, { nodes: ['c', 'b'] }).ids).toEqual(['c', 'b']);
    // A typed array is an array-like of booleans, as the option says.
    const typed = kernels.articulationPoints(HAND.barbell(), { countable: new Uint8Array([0, 0, 0, 0, 0, 1, 1, 1, 1]) as unknown as ArrayLike<boolean> });
    expect(typed).toEqual(kernels.articulationPoints(HAND.barbell(), { countable: [false, false, false, false, false, true, true, true, true] }));
    expect(typed.map((a) => a.cutOff)).not.toEqual(kernels.articulationPoints(HAND.barbell()).map((a) => a.cutOff));
  });

  it('the exported schemas are the ones the kernels parse with', () => {
    expect(Object.keys(kernels.PagerankOptionsSchema.shape).sort()).toEqual(['alpha', 'maxIterations', 'tolerance', 'weighted']);
    expect(kernels.PagerankOptionsSchema.parse({})).toEqual({ alpha: 0.85, weighted: true, maxIterations: 100, tolerance: 1e-6 });
    expect(kernels.EigenvectorOptionsSchema.parse({})).toEqual({ weighted: false, maxIterations: 100, tolerance: 1e-6 });
    expect(kernels.BetweennessOptionsSchema.parse({})).toEqual({ weighted: false, normalized: true, samples: 'exact', seed: 1, workers: 1 });
    expect(Object.keys(kernels.ClosenessOptionsSchema.shape)).toEqual(['weighted']);
    expect(kernels.LouvainOptionsSchema.parse({})).toEqual({ resolution: 1, weighted: true, seed: 1 });
    // Parts of a schema stay strict.
    for (const schema of [kernels.BetweennessOptionsSchema, kernels.ClosenessOptionsSchema, kernels.DistanceCentralitiesOptionsSchema, kernels.EigenvectorOptionsSchema, kernels.LouvainOptionsSchema]) {
      expect(schema.safeParse({ extra: 1 }).success).toBe(false);
    }
  });
});

describe('one error shape: KernelOptionsError is a RangeError and an OptionsError', () => {
  it('is caught as OptionsError, ArgumentError and SamverkanError, with the same fields', () => {
    const error = rangeError(() => kernels.pagerank(p4, { alpha: 2 }));
    for (const type of [kernels.KernelOptionsError, RangeError, OptionsError, ArgumentError, SamverkanError, Error]) expect(error).toBeInstanceOf(type);
    expect(error).not.toBeInstanceOf(CapacityError);
    expect(error).toMatchObject({ name: 'KernelOptionsError', code: 'OPTIONS', fn: 'pagerank', option: 'alpha', options: ['alpha'] });
    expect(error.reason).toMatch(/^Too big: expected number to be <=1, got a number \(2\)$/);
  });

  it('says what an analysis OptionsError says for the same mistake', () => {
    const net = loadNetwork({ links: { text: 'source,target\na,b\nb,c\n' } });
    expect(() => centrality(net, { samples: 0 })).toThrow(OptionsError);
    let analysis = new OptionsError('', '', '');
    try {
      centrality(net, { samples: 0 });
    } catch (error) {
      analysis = error as OptionsError;
    }
    expect(analysis).not.toBeInstanceOf(RangeError);
    const kernel = rangeError(() => kernels.pathCentralities(p4, { samples: 0 }));
    expect(kernel.reason).toBe(analysis.reason);
    expect(kernel.message.replace('pathCentralities', 'centrality')).toBe(analysis.message);
  });

  it('other errors are not options errors', () => {
    expect(new RangeError('x')).not.toBeInstanceOf(OptionsError);
    expect(new RangeError('x')).not.toBeInstanceOf(SamverkanError);
    expect(new CapacityError('full')).not.toBeInstanceOf(OptionsError);
    expect(new OptionsError('f', 'o', 'r')).not.toBeInstanceOf(kernels.KernelOptionsError);
    for (const value of [null, undefined, 1, 'x', {}, Object.create(null) as object]) expect(value).not.toBeInstanceOf(SamverkanError);
  });
});

describe('docs/api/metrics-kernels.md', () => {
  it('lists every kernel options schema with each option and the default the schema gives', () => {
    const page = readFileSync('docs/api/metrics-kernels.md', 'utf8');
    const documented = new Map<string, string[]>();
    for (const m of page.matchAll(/^\| `kernels\.(\w+Schema)` \| [^|]+ \| (.+) \|$/gm)) {
      documented.set(m[1]!, [...m[2]!.matchAll(/`(\w+)` \((—|required|`[^`]*`)\)/g)].map((o) => `${o[1]} ${o[2]}`));
    }
    const schemas = Object.entries(kernels).filter(([name]) => name.endsWith('Schema')) as [string, z.ZodObject][];
    expect(schemas.length).toBeGreaterThan(12);
    expect([...documented.keys()].sort()).toEqual(schemas.map(([name]) => name).sort());
    for (const [name, schema] of schemas) {
      const options = Object.entries(schema.shape).map(([option, s]) => {
        const parsed = (s as z.ZodType).safeParse(undefined);
        return `${option} ${!parsed.success ? 'required' : parsed.data === undefined ? '—' : `\`${JSON.stringify(parsed.data)}\``}`;
      });
      expect(documented.get(name), name).toEqual(options);
    }
  });
});
