/**
 * Errors thrown on purpose that were plain `Error`s, `TypeError`s and
 * `RangeError`s (issues 13 and 15): each is a `SamverkanError` with its code,
 * names the option where an option is wrong, keeps its English message, and
 * says it in Swedish with `describe('sv')`. The expected sentences are
 * written out here, not taken from the catalogue.
 */
import { describe, expect, it, vi } from 'vitest';
import { ArgumentError, evaluateRecommender, loadNetwork, OptionsError, planLinks, recommendForCounty, recommendPartners, SamverkanError, smallMunicipalities, swedenGeography, demoDataset } from '../../src/index.js';
import { swedenCooperationBodies } from '../../src/geo.js';
import { resolveGroups } from '../../src/model.js';
import { defaultRecommender, evaluateBodies, fitConditionalLogit, fitRecommender } from '../../src/recommend.js';
import { nodeTable, toGexf, toGraphml } from '../../src/io.js';
import { betweennessCentrality, linkScores, modularity, renumberCommunities, toCsr, KernelArgumentError, KernelOptionsError } from '../../src/metrics/index.js';
import { FitError, WorkerError } from '../../src/index.js';
import { toVariant } from '../../src/recommend/recommender-model.js';

/** What `f` throws. */
function thrown(f: () => unknown): SamverkanError & { option?: string } {
  try {
    f();
  } catch (error) {
    return error as SamverkanError & { option?: string };
  }
  throw new Error('expected a throw');
}

describe('groups given as records (resolveGroups, the groups option)', () => {
  const geography = swedenGeography();

  it('a member that is no municipality names the group, the member and the closest name, in both languages', () => {
    const e = thrown(() => resolveGroups(geography, [{ id: 'a', members: ['Umeå', 'Vännäs'] }, { id: 'b', members: ['Umeå', 'Skellefteaa'] }]));
    expect(e).toBeInstanceOf(OptionsError);
    expect(e).toMatchObject({ code: 'OPTIONS', fn: 'resolveGroups', option: 'groups.1.members.1' });
    expect(e.message).toBe('resolveGroups: option groups.1.members.1: groups[1] (b): member "Skellefteaa" is not a municipality code or name of the Sweden geography; did you mean Skellefteå (2482)?');
    expect(e.describe('sv')).toBe('resolveGroups: alternativet groups.1.members.1: groups[1] (b): medlemmen "Skellefteaa" är varken en kommunkod eller ett kommunnamn i geografin Sverige; menade du Skellefteå (2482)?');
  });

  it('an id given twice, and a record the schema refuses, are OptionsErrors naming the place', () => {
    const twice = thrown(() => resolveGroups(geography, [{ id: 'a', members: ['Umeå'] }, { id: 'a', members: ['Vännäs'] }]));
    expect(twice).toMatchObject({ code: 'OPTIONS', option: 'groups.1.id', message: 'resolveGroups: option groups.1.id: groups[1]: the id "a" is used twice' });
    expect(twice.describe('sv')).toBe('resolveGroups: alternativet groups.1.id: groups[1]: id:t "a" används två gånger');
    const empty = thrown(() => resolveGroups(geography, [{ id: 'a', members: [] }]));
    expect(empty).toBeInstanceOf(OptionsError);
    expect(empty.option).toBe('groups.0.members');
    expect(empty.describe('sv')).toMatch(/^resolveGroups: alternativet groups\.0\.members: för få/);
  });

  it('through fitRecommender the error names fitRecommender', () => {
    const bodies = loadNetwork(swedenCooperationBodies());
    const e = thrown(() => fitRecommender(bodies, { groups: [{ id: 'x', members: ['Umeå', 'Atlantis'] }] }));
    expect(e).toMatchObject({ fn: 'fitRecommender', option: 'groups.0.members.1' });
  });
});

describe('counties and models the data does not have', () => {
  const net = loadNetwork(demoDataset());

  it('an unknown county option is an OptionsError naming county; as an argument, an ArgumentError', () => {
    const small = thrown(() => smallMunicipalities(net, { county: 'Västerbottn' }));
    expect(small).toBeInstanceOf(OptionsError);
    expect(small.option).toBe('county');
    expect(small.message).toBe('smallMunicipalities: option county: unknown county "Västerbottn": not a code or name of the Sweden geography; did you mean Västerbottens län (24)?');
    expect(small.describe('sv')).toBe('smallMunicipalities: alternativet county: okänt län "Västerbottn": varken en kod eller ett namn i geografin Sverige; menade du Västerbottens län (24)?');
    const plan = thrown(() => planLinks(net, { county: 'Atlantis' }));
    expect(plan).toMatchObject({ code: 'OPTIONS', fn: 'planLinks', option: 'county' });
    const batch = thrown(() => recommendForCounty(net, 'Atlantis'));
    expect(batch).toBeInstanceOf(ArgumentError);
    expect(batch).not.toBeInstanceOf(OptionsError);
    expect(batch.describe('sv')).toBe('recommendForCounty: okänt län "Atlantis": varken en kod eller ett namn i geografin Sverige');
  });

  it('an unknown municipality, and one outside the scope, in both languages', () => {
    const unknown = thrown(() => recommendPartners(net, 'Skellefteaa'));
    expect(unknown).toBeInstanceOf(ArgumentError);
    expect(unknown.message).toBe('unknown municipality "Skellefteaa": give a code (e.g. 2480) or an unambiguous name; did you mean Skellefteå (2482)?');
    expect(unknown.describe('sv')).toBe('okänd kommun "Skellefteaa": ange en kod (t.ex. 2480) eller ett entydigt namn; menade du Skellefteå (2482)?');
    const scoped = loadNetwork(demoDataset(), { scope: { counties: ['23'] } });
    const outside = thrown(() => recommendPartners(scoped, 'Umeå'));
    expect(outside.message).toBe('Umeå is outside the area the data covers (Jämtlands län): widen the scope (option scope, or --county) to include it');
    expect(outside.describe('sv')).toBe('Umeå ligger utanför området som datan omfattar (Jämtlands län): vidga omfånget (alternativet scope, eller --county) så att den ingår');
  });

  it('a field asked of a model without a field variant is an OptionsError naming field', () => {
    const { field: _f, ...noField } = defaultRecommender();
    const e = thrown(() => recommendPartners(net, 'Bjurholm', { field: 'överförmyndare', model: noField }));
    expect(e).toMatchObject({ code: 'OPTIONS', option: 'field' });
    expect(e.describe('sv')).toContain('har ingen variant för verksamhetsområden');
  });
});

describe('evaluations and fits', () => {
  const bodies = loadNetwork(swedenCooperationBodies());

  it('evaluateBodies names the option that cannot be met; a date with no case is an ArgumentError, as in the ties protocol', () => {
    const late = thrown(() => evaluateBodies(bodies, { since: '2999-01-01', bootstrap: 0 }));
    expect(late).toBeInstanceOf(ArgumentError);
    expect(late).toMatchObject({ code: 'ARGUMENT', message: 'evaluateBodies: no group started after 2999-01-01 has a case; choose an earlier date' });
    expect(late.describe('sv')).toBe('evaluateBodies: ingen grupp som startade efter 2999-01-01 har något fall; välj ett tidigare datum');
    const region = thrown(() => evaluateBodies(bodies, { methods: ['same_region_nearest'], regionAttribute: 'nope', bootstrap: 0 }));
    expect(region).toMatchObject({ code: 'OPTIONS', option: 'methods' });
    expect(region.describe('sv')).toContain('geografin Sverige');
    const { field: _f, ...noField } = defaultRecommender();
    const model = thrown(() => evaluateBodies(bodies, { methods: ['samverkan_field'], model: noField, bootstrap: 0 }));
    expect(model).toMatchObject({ code: 'OPTIONS', option: 'methods' });
    expect(model.message).toContain('has no field variant');
  });

  it('a method a plain graph cannot run is said with its number, in both languages', () => {
    const plain = loadNetwork({ links: { text: 'source,target\na,b\nb,c\nc,a\n', name: 'edges.csv' } });
    const one = thrown(() => evaluateRecommender(plain, { methods: ['nearest', 'jaccard'] }));
    expect(one).toBeInstanceOf(ArgumentError);
    expect(one.message).toMatch(/^evaluateRecommender: nearest needs a geography, and this network is a plain graph; its methods are /);
    expect(one.describe('sv')).toMatch(/^evaluateRecommender: nearest behöver en geografi, och det här nätverket är en vanlig graf; dess metoder är /);
    expect(thrown(() => evaluateRecommender(plain, { methods: ['nearest', 'samverkan'] })).message).toMatch(/^evaluateRecommender: nearest, samverkan need a geography/);
  });

  it('a network with nothing to learn from is an ArgumentError; a fit that does not converge a FitError', () => {
    const links = loadNetwork({ links: { text: 'source,target\n2480,2460\n', name: 'l.csv' } }, { ids: 'municipality-codes' });
    const none = thrown(() => fitRecommender(links));
    expect(none).toBeInstanceOf(ArgumentError);
    expect(none.message).toMatch(/^fitRecommender: no cases to learn from: 0 groups can be hidden/);
    expect(none.describe('sv')).toMatch(/^fitRecommender: inga fall att lära av: 0 grupper kan döljas/);
    const fit = fitConditionalLogit([{ x: Float64Array.of(0, 1, 2), rows: 3, y: Uint8Array.of(0, 0, 1) }], 1, { l2: 1, maxIterations: 1 });
    const diverged = thrown(() => toVariant([], { fit: { ...fit, converged: false }, l2: 1, selection: 'fixed at 1', curve: [] }));
    expect(diverged).toBeInstanceOf(FitError);
    expect(diverged.code).toBe('FIT');
    expect(diverged.describe('sv')).toMatch(/^anpassningen konvergerade inte på \d+ Newton-iterationer \(λ 1\)/);
  });

  it('the conditional logit keeps its RangeErrors for bad arguments, now samverkan errors with codes', () => {
    const l2 = thrown(() => fitConditionalLogit([{ x: Float64Array.of(0, 1), rows: 2, y: Uint8Array.of(0, 1) }], 1, { l2: -1 }));
    expect(l2).toBeInstanceOf(RangeError);
    expect(l2).toBeInstanceOf(KernelOptionsError);
    expect(l2).toBeInstanceOf(OptionsError);
    expect(l2).toMatchObject({ code: 'OPTIONS', option: 'l2', message: 'fitConditionalLogit: option l2: must be a finite number ≥ 0, got a number (-1)' });
    expect(l2.describe('sv')).toBe('fitConditionalLogit: alternativet l2: ska vara ett ändligt tal ≥ 0, fick talet -1');
    const unchosen = thrown(() => fitConditionalLogit([{ x: Float64Array.of(0, 1), rows: 2, y: Uint8Array.of(0, 0) }], 1));
    expect(unchosen).toBeInstanceOf(RangeError);
    expect(unchosen).toBeInstanceOf(KernelArgumentError);
    expect(unchosen).toBeInstanceOf(ArgumentError);
    expect(unchosen).toBeInstanceOf(SamverkanError);
    expect(unchosen.code).toBe('ARGUMENT');
    expect(unchosen.describe('sv')).toBe('fitConditionalLogit: inget fall har en vald rad');
    // A feature that never varies: the unpenalised Hessian is zero.
    const singular = thrown(() => fitConditionalLogit([{ x: Float64Array.of(1, 1), rows: 2, y: Uint8Array.of(0, 1) }], 1, { l2: 0 }));
    expect(singular).toBeInstanceOf(FitError);
    expect(singular.message).toBe('fitConditionalLogit: the Hessian is singular (features that never vary, or a separable choice); fit with l2 > 0');
  });

  it('the conditional logit\'s options are a strict schema: an unknown key, a wrong type or a start of another length is a KernelOptionsError naming it', () => {
    const cases = [{ x: Float64Array.of(0, 1, 2), rows: 3, y: Uint8Array.of(0, 0, 1) }];
    const refused = (options: object, option: string) => {
      const error = thrown(() => fitConditionalLogit(cases, 1, options as never));
      expect(error, option).toBeInstanceOf(RangeError);
      expect(error, option).toBeInstanceOf(KernelOptionsError);
      expect(error, option).toMatchObject({ code: 'OPTIONS', option });
      return error;
    };
    expect(refused({ lambda: 1 }, 'lambda').message).toMatch(/^fitConditionalLogit: option lambda: unknown option/);
    refused({ l2: Infinity }, 'l2');
    refused({ l2: '1' }, 'l2');
    refused({ maxIterations: 2.5 }, 'maxIterations');
    refused({ tolerance: -1 }, 'tolerance');
    const start = refused({ start: [1, 2] }, 'start');
    expect(start.message).toBe('fitConditionalLogit: option start: has 2 values; the cases have 1 features, one coefficient each');
    expect(start.describe('sv')).toBe('fitConditionalLogit: alternativet start: har 2 värden; fallen har 1 variabler, en koefficient var');
    // A start of the right length is a warm start: the same optimum.
    const cold = fitConditionalLogit(cases, 1, { l2: 1 });
    const warm = fitConditionalLogit(cases, 1, { l2: 1, start: [cold.coefficients[0]! + 0.5] });
    expect(Math.abs(warm.coefficients[0]! - cold.coefficients[0]!)).toBeLessThan(1e-8);
    expect(cold.iterations).toBeGreaterThan(0);
  });
});

describe('graph exports and kernels', () => {
  it('ids XML cannot hold are an ArgumentError with the English message as before', () => {
    const plain = loadNetwork({ graph: { text: '{"nodes":[{"key":"a"},{"key":"a\\u0001"}],"edges":[]}', name: 'g.json' } });
    for (const write of [toGexf, toGraphml]) {
      const e = thrown(() => write(plain));
      expect(e).toBeInstanceOf(ArgumentError);
      expect(e.message).toBe('actor ids "a" and "a\\u0001" differ only in characters XML cannot hold; rename one before exporting');
      expect(e.describe('sv')).toBe('aktörs-id:na "a" och "a\\u0001" skiljer sig bara i tecken som XML inte kan innehålla; byt namn på ett av dem före exporten');
    }
  });

  it('an extra node column that is reserved, given twice or of the wrong type names the column option', () => {
    const net = loadNetwork({ links: { text: 'source,target\na,b\n', name: 'l.csv' } });
    expect(thrown(() => nodeTable(net, { columns: [{ name: 'kind', values: new Map() }] }))).toMatchObject({ code: 'OPTIONS', fn: 'nodeTable', option: 'columns.0.name' });
    expect(thrown(() => nodeTable(net, { columns: [{ name: 'x', values: new Map() }, { name: 'x', values: new Map() }] }))).toMatchObject({ option: 'columns.1.name' });
    const typed = thrown(() => nodeTable(net, { columns: [{ name: 'x', type: 'double', values: new Map([['a', 'five']]) }] }));
    expect(typed).toMatchObject({ option: 'columns.0', message: 'nodeTable: option columns.0: column "x": the value for "a" is not a number' });
    expect(typed.describe('sv')).toBe('nodeTable: alternativet columns.0: kolumn "x": värdet för "a" är inte ett tal');
    expect(thrown(() => nodeTable(net, { columns: [{ name: 'x', type: 'boolean', values: new Map([['a', 1]]) }] })).option).toBe('columns.0');
    expect(thrown(() => nodeTable(net, { columns: [{ name: 'x', type: 'integer', values: new Map([['a', 1.5]]) }] })).message).toContain('is declared integer but the value for "a" is 1.5');
  });

  it('kernel arguments out of range stay RangeErrors and are ArgumentErrors', () => {
    const csr = toCsr(loadNetwork({ links: { text: 'source,target\na,b\nb,c\n', name: 'l.csv' } }).graph);
    const cases: [unknown, string][] = [
      [thrown(() => linkScores(csr, [[0, 9]], 'jaccard')), 'linkScores: pair 0 has node index 9, expected an integer in [0, 3)'],
      [thrown(() => modularity(csr, [0, 1])), 'communities has 2 entries for 3 nodes'],
      [thrown(() => modularity(csr, [0, undefined, 1] as never)), 'modularity: communities[1] is undefined, expected a community label'],
      [thrown(() => renumberCommunities([0, undefined] as never)), 'renumberCommunities: labels[1] is undefined, expected a label'],
    ];
    for (const [e, text] of cases) {
      expect(e).toBeInstanceOf(RangeError);
      expect(e).toBeInstanceOf(ArgumentError);
      expect(e).toMatchObject({ code: 'ARGUMENT', message: text });
      expect((e as SamverkanError).describe('sv')).not.toBe(text);
    }
  });
});

describe('worker threads of the path centralities', () => {
  const csr = () => toCsr(loadNetwork({ links: { text: 'source,target\na,b\nb,c\nc,d\n', name: 'l.csv' } }).graph);
  /** Run `f` with `process.getBuiltinModule('node:worker_threads')` answering `threads`. */
  function withThreads(threads: unknown, f: () => void): void {
    const real = process.getBuiltinModule.bind(process);
    const spy = vi.spyOn(process, 'getBuiltinModule').mockImplementation(((id: string) => (id === 'node:worker_threads' ? threads : real(id))) as typeof process.getBuiltinModule);
    try {
      f();
    } finally {
      spy.mockRestore();
    }
  }

  it('workers > 1 where there are no worker threads (a browser) is a KernelOptionsError naming workers', () => {
    withThreads(undefined, () => {
      const e = thrown(() => betweennessCentrality(csr(), { workers: 2 }));
      expect(e).toBeInstanceOf(RangeError);
      expect(e).toMatchObject({ code: 'OPTIONS', option: 'workers', message: 'pathCentralities: option workers: workers > 1 needs Node.js worker threads (node:worker_threads); use workers: 1 here' });
      expect(e.describe('sv')).toBe('pathCentralities: alternativet workers: workers > 1 kräver Node.js-trådar (node:worker_threads); använd workers: 1 här');
    });
  });

  it('a worker thread that fails is a WorkerError carrying its message', () => {
    // A stand-in for node:worker_threads whose every thread reports failure at once, as the worker program does.
    class FailingWorker {
      constructor(_source: string, { workerData }: { workerData: { control: Int32Array; index: number; message: SharedArrayBuffer } }) {
        new Uint8Array(workerData.message).set(new TextEncoder().encode('RangeError: out of luck'));
        Atomics.store(workerData.control, 2 + 2 * workerData.index, 2);
        Atomics.add(workerData.control, 0, 1);
      }
      terminate() {
        return Promise.resolve(0);
      }
    }
    withThreads({ Worker: FailingWorker }, () => {
      const e = thrown(() => betweennessCentrality(csr(), { workers: 2 }));
      expect(e).toBeInstanceOf(WorkerError);
      expect(e).toMatchObject({ code: 'WORKER', message: 'a centrality worker thread failed: RangeError: out of luck' });
      expect(e.describe('sv')).toBe('en tråd för centralitetsberäkningen misslyckades: RangeError: out of luck');
    });
  });
});

describe('bytes that are not text', () => {
  it('decodeText of a zip (an .xlsx) throws a NotTextError, a SamverkanError said in both languages', async () => {
    const { decodeText, NotTextError } = await import('../../src/io.js');
    const e = thrown(() => decodeText(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0)));
    expect(e).toBeInstanceOf(NotTextError);
    expect(e).toBeInstanceOf(SamverkanError);
    expect(e.code).toBe('NOT_TEXT');
    expect(e.message).toBe((e as InstanceType<typeof NotTextError>).problem.reason);
    expect(e.describe('sv')).not.toBe(e.message);
  });
});

describe('arguments the data does not have, in both languages', () => {
  it('says them in Swedish with the English message unchanged', async () => {
    const { swedenGeography: geography } = await import('../../src/index.js');
    const { municipalityDistanceKm, neighbours } = await import('../../src/geo.js');
    const { linkScores: recommendLinkScores } = await import('../../src/recommend.js');
    const { readGraphFile } = await import('../../src/io.js');
    const net = loadNetwork(demoDataset());
    const cases: [() => unknown, string, string][] = [
      [() => neighbours(geography(), 'Atlantis'), 'unknown municipality "Atlantis": give a code or an unambiguous name', 'okänd kommun "Atlantis": ange en kod eller ett entydigt namn'],
      [() => municipalityDistanceKm(geography(), '2480', '9999'), 'unknown municipality 9999', 'okänd kommun 9999'],
      [() => recommendLinkScores(net, [['2480', '9999']], 'jaccard'), 'linkScores: unknown actor "9999"', 'linkScores: okänd aktör "9999"'],
      [() => planLinks(net, { objective: 'capability-reach' }), 'planLinks: the objective capability-reach needs capabilities and capability', 'planLinks: målet capability-reach kräver capabilities och capability'],
      [() => readGraphFile(42 as never), 'readGraphFile: expected a file path, { path }, { text }, { bytes } or bytes; got a number (42)', 'readGraphFile: väntade en sökväg, { path }, { text }, { bytes } eller byte; fick talet 42'],
    ];
    for (const [f, en, sv] of cases) {
      const e = thrown(f);
      expect(e).toBeInstanceOf(ArgumentError);
      expect(e.message).toBe(en);
      expect(e.describe('sv')).toBe(sv);
    }
  });
});

describe('CooperationNetwork.create refusing its parts, in both languages', () => {
  it('names the part, says why in English as before and in Swedish, and is an ArgumentError', async () => {
    const { CooperationNetwork } = await import('../../src/index.js');
    const geography = swedenGeography();
    const cases: [Parameters<typeof CooperationNetwork.create>[0], string, string][] = [
      [{ geography, actors: [{ id: 'a', name: 'A', kind: 'other', municipality: '9999' }] }, 'CooperationNetwork.create: actors[0] (a): unknown municipality code "9999"', 'CooperationNetwork.create: actors[0] (a): okänd kommunkod "9999"'],
      [{ geography, actors: [{ id: 'a', name: 'A', kind: 'other', county: '99' }] }, 'CooperationNetwork.create: actors[0] (a): unknown county code "99"', 'CooperationNetwork.create: actors[0] (a): okänd länskod "99"'],
      [{ geography, actors: [{ id: 'x', name: 'X', kind: 'municipality' }] }, 'CooperationNetwork.create: actors[0] (x): an actor of kind municipality must be a municipality of the geography', 'CooperationNetwork.create: actors[0] (x): en aktör av typen municipality måste vara en kommun i geografin'],
      [{ geography, actors: [{ id: 'a', name: 'A', kind: 'other' }, { id: 'a', name: 'B', kind: 'other' }] }, 'CooperationNetwork.create: actors[1]: duplicate actor id "a"', 'CooperationNetwork.create: actors[1]: aktörs-id "a" förekommer två gånger'],
      [{ geography, actors: [{ id: '2480', name: 'A', kind: 'other' }] }, 'CooperationNetwork.create: actors[0]: duplicate actor id "2480" (the code of a municipality)', 'CooperationNetwork.create: actors[0]: aktörs-id "2480" förekommer två gånger (koden för en kommun)'],
      [{ geography, links: [{ source: '2480', target: '2460', weight: 1e16 }] }, 'CooperationNetwork.create: links[0]: weight: at most 1000000000000000 (weights add up per pair and per actor; larger ones could overflow to Infinity)', 'CooperationNetwork.create: links[0]: weight: högst 1000000000000000 (vikterna summeras per par och per aktör; större vikter kunde bli Infinity)'],
      [{ geography, links: [{ source: '2480', target: 'nobody' }] }, 'link 0: unknown actor nobody', 'länk 0: okänd aktör nobody'],
    ];
    for (const [parts, en, sv] of cases) {
      const e = thrown(() => CooperationNetwork.create(parts));
      expect(e).toBeInstanceOf(ArgumentError);
      expect(e.message).toBe(en);
      expect(e.describe('sv')).toBe(sv);
    }
    // A part of the wrong shape: zod's message in English, the catalogue's in Swedish.
    const shape = thrown(() => CooperationNetwork.create({ geography, actors: [{ id: '', name: 'A', kind: 'other' }] }));
    expect(shape.message).toMatch(/^CooperationNetwork\.create: actors\[0\]: id: Too small/);
    expect(shape.describe('sv')).toMatch(/^CooperationNetwork\.create: actors\[0\]: id: /);
    expect(shape.describe('sv')).not.toBe(shape.message);
  });
});

describe('the capability, map, explorer and field errors a user can reach, in both languages', () => {
  it('keep their English and say it in Swedish', async () => {
    const { capabilityCoverage, loadCapabilities, renderExplorer } = await import('../../src/index.js');
    const { demoCapabilities } = await import('../../src/geo.js');
    const { capabilityMapData, renderCapabilityMap, quantileBreaks, renderMap } = await import('../../src/report.js');
    const net = loadNetwork(demoDataset());
    const caps = loadCapabilities(demoCapabilities(), net);
    // Polygons of no municipality of Sweden.
    const nowhere = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: { code: 'X' }, geometry: { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }] };
    const codes = caps.vocabulary.codes.join(', ');
    const cases: [() => unknown, string, string][] = [
      [() => capabilityCoverage(net, caps, { capabilityCodes: ['bogus'] }), `capabilityCoverage: unknown capability "bogus"; known: ${codes}`, `capabilityCoverage: okänd förmåga "bogus"; kända: ${codes}`],
      [() => capabilityCoverage(net, {} as never), 'capabilityCoverage: the second argument must be a CapabilitySet (from loadCapabilities)', 'capabilityCoverage: det andra argumentet ska vara en CapabilitySet (från loadCapabilities)'],
      [() => capabilityMapData(net, caps, { capability: 'bogus' }), `capabilityMapData: unknown capability "bogus"; known: ${codes}`, `capabilityMapData: okänd förmåga "bogus"; kända: ${codes}`],
      [() => capabilityMapData(net, [] as never, { capability: 'action_plan' }), 'capabilityMapData: the second argument must be a CapabilitySet (from loadCapabilities)', 'capabilityMapData: det andra argumentet ska vara en CapabilitySet (från loadCapabilities)'],
      [() => renderCapabilityMap(net, caps, { capability: 'action_plan', features: nowhere }), 'renderCapabilityMap: the map polygons cover none of the municipalities to draw', 'renderCapabilityMap: kartans polygoner täcker ingen av kommunerna som ska ritas'],
      [() => renderMap({ values: new Map(), codes: ['9999'] }), 'renderMap: none of the codes given has a feature on the map', 'renderMap: ingen av de angivna koderna har ett objekt på kartan'],
      [() => renderExplorer(net.withScope({ counties: ['24'] }), { features: nowhere }), 'renderExplorer: the map polygons cover none of the municipalities of Västerbottens län; pass `features`: GeoJSON with a `code` property per municipality', 'renderExplorer: kartans polygoner täcker ingen av kommunerna i Västerbottens län; ange `features`: GeoJSON med en egenskap `code` per kommun'],
      [() => quantileBreaks([1, 2, 3], 1.5), 'quantileBreaks: classes must be an integer of at least 2, got 1.5', 'quantileBreaks: classes ska vara ett heltal på minst 2, fick 1.5'],
    ];
    for (const [f, en, sv] of cases) {
      const e = thrown(f);
      expect(e, en).toBeInstanceOf(ArgumentError);
      expect(e.message).toBe(en);
      expect(e.describe('sv')).toBe(sv);
    }
    const field = thrown(() => recommendPartners(net, 'Umeå', { field: 'xyz' as never }));
    expect(field).toBeInstanceOf(ArgumentError);
    expect(field.message).toMatch(/^unknown field "xyz": give a code or label of the vocabulary \(\w+(, \w+)+\)$/);
    expect(field.describe('sv')).toMatch(/^okänt samverkansområde "xyz": ange en kod eller benämning ur vokabulären \(\w+(, \w+)+\)$/);
  });
});

describe('argument errors of the network and the loader, reached through the public API (issue 13)', () => {
  const net = loadNetwork(demoDataset());

  it('asOf with a date that does not exist says so in both languages', () => {
    const e = thrown(() => net.asOf('2020-13-01'));
    expect(e).toBeInstanceOf(ArgumentError);
    expect(e.code).toBe('ARGUMENT');
    expect(e.message).toBe('asOf: expected an ISO date YYYY-MM-DD that exists, got "2020-13-01"');
    expect(e.describe('en')).toBe(e.message);
    expect(e.describe('sv')).toBe('asOf: väntade ett ISO-datum ÅÅÅÅ-MM-DD som finns, fick "2020-13-01"');
  });

  it('municipality given a number names the value in both languages', () => {
    const e = thrown(() => net.municipality(5 as unknown as string));
    expect(e).toBeInstanceOf(ArgumentError);
    expect(e.describe('en')).toBe('municipality: expected a code or name (a string), got a number (5)');
    expect(e.describe('sv')).toBe('municipality: väntade en kod eller ett namn (en sträng), fick talet 5');
  });

  it('loadNetwork with a graphFormat it cannot read lists the formats in both languages', () => {
    const e = thrown(() => loadNetwork({ graph: 'network.gexf', graphFormat: 'dot' } as never));
    expect(e).toBeInstanceOf(ArgumentError);
    expect(e.code).toBe('ARGUMENT');
    expect(e.describe('en')).toBe(`loadNetwork: graphFormat: expected 'gexf', 'graphml' or 'json', got a string ("dot")`);
    expect(e.describe('sv')).toBe(`loadNetwork: graphFormat: väntade 'gexf', 'graphml' eller 'json', fick texten "dot"`);
  });

  it('loadNetwork with a graph and actors says why they cannot be combined, in both languages', () => {
    const e = thrown(() => loadNetwork({ graph: 'network.gexf', actors: 'actors.csv' }));
    expect(e).toBeInstanceOf(ArgumentError);
    expect(e.describe('en')).toBe('loadNetwork: `graph` cannot be combined with `actors` or `links`: a graph file holds both the actors (its nodes) and the links (its edges)');
    expect(e.describe('sv')).toBe('loadNetwork: `graph` kan inte kombineras med `actors` eller `links`: en graffil innehåller både aktörerna (dess noder) och länkarna (dess kanter)');
  });
});
