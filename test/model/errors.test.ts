import { describe, expect, it } from 'vitest';
import { findGaps, loadGeography, loadNetwork, SamverkanError, ArgumentError, OptionsError, CapacityError, GeographyError, LoadError, demoDataset, recommendPartners, swedenGeography, evaluateRecommender } from '../../src/index.js';
import { neighbours } from '../../src/geo.js';
import { linkScores } from '../../src/recommend.js';
import { municipalityDistanceKm } from '../../src/geo.js';
import { parseXml, XmlError } from '../../src/io.js';
import { GeographyRequiredError, ScopeError } from '../../src/model/errors.js';
import { checkHeap } from '../../src/model/runtime.js';
import { said } from '../../src/model/options.js';

/** What `f` throws. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('one error base class', () => {
  it('every error samverkan throws on purpose is a SamverkanError with its code', () => {
    const plain = loadNetwork({ links: { text: 'source,target\na,b\n', name: 'edges.csv' } });
    const cases: [unknown, string, unknown][] = [
      [thrown(() => loadNetwork(null as never)), 'ARGUMENT', ArgumentError],
      [thrown(() => loadNetwork({}, { mdoe: 'strict' } as never)), 'OPTIONS', OptionsError],
      [thrown(() => findGaps(plain)), 'GEOGRAPHY_REQUIRED', GeographyRequiredError],
      [thrown(() => loadNetwork({ links: { text: 'source,target\n2480,2460\n' } }, { scope: { counties: ['Atlantis'] } })), 'SCOPE', ScopeError],
      [thrown(() => parseXml('<a><b></a>')), 'XML', XmlError],
      [new CapacityError('full'), 'CAPACITY', CapacityError],
    ];
    for (const [error, code, type] of cases) {
      expect(error).toBeInstanceOf(SamverkanError);
      expect(error).toBeInstanceOf(type as typeof SamverkanError);
      expect((error as SamverkanError).code).toBe(code);
    }
    expect(thrown(() => parseXml('<a><b></a>'))).toMatchObject({ row: 1, column: expect.any(Number) });
  });

  it('a call the data cannot answer (an unknown municipality, method, date, plain graph) is an ArgumentError, not a bare Error', () => {
    const net = loadNetwork(demoDataset());
    const plain = loadNetwork({ links: { text: 'source,target\na,b\n', name: 'edges.csv' } });
    const cases: [string, () => unknown][] = [
      ['recommendPartners, unknown municipality', () => recommendPartners(net, 'Atlantis')],
      ['recommendPartners, outside the scope', () => recommendPartners(loadNetwork(demoDataset(), { scope: { counties: ['01'] } }), 'Umeå')],
      ['recommendPartners, unknown field', () => recommendPartners(net, 'Umeå', { field: 'xyz' as never })],
      ['neighbours, unknown municipality', () => neighbours(swedenGeography(), 'Atlantis')],
      ['municipalityDistanceKm, unknown code', () => municipalityDistanceKm(swedenGeography(), '2480', '9999')],
      ['linkScores, unknown method', () => linkScores(net, [['2480', '2460']], 'jacard' as never)],
      ['linkScores, unknown municipality', () => linkScores(net, [['2480', '9999']], 'jaccard')],
      ['asOf, not a date', () => net.asOf('2020-02-30')],
      ['evaluateRecommender, a method a plain graph cannot run', () => evaluateRecommender(plain, { methods: ['nearest'] })],
      ['evaluateRecommender, no tie after the date', () => evaluateRecommender(net, { since: '2999-01-01' })],
    ];
    for (const [what, f] of cases) {
      const error = thrown(f);
      expect(error, what).toBeInstanceOf(ArgumentError);
      expect((error as SamverkanError).code, what).toBe('ARGUMENT');
    }
  });

  it('a load error carries the file, row and column of its first problem', () => {
    const error = thrown(() => loadNetwork({ links: { text: 'source,target,weight\n2480,2460,1\n2480,2481,heavy\n', name: 'links.csv' } }, { ids: 'municipality-codes' }));
    expect(error).toBeInstanceOf(LoadError);
    expect(error).toMatchObject({ code: 'LOAD', file: 'links.csv', row: 3, column: 'weight' });
    const geo = thrown(() => loadGeography({ municipalities: { text: 'code,name,county_code,population\n01,A,X,-5\n', name: 'm.csv' }, counties: { text: 'code,name\nX,Ex\n', name: 'c.csv' }, adjacency: { text: 'a,b\n', name: 'a.csv' } }));
    expect(geo).toBeInstanceOf(GeographyError);
    expect(geo).toMatchObject({ code: 'GEOGRAPHY', file: 'm.csv', row: 1 });
  });
});

describe('a heap too full to go on', () => {
  it('is a CapacityError said in one language throughout, the place where the load stopped included', () => {
    // A reserve larger than any heap makes the check refuse on any machine.
    const error = thrown(() => checkHeap(said('errors.capacity.atCsvRow', { row: 16384 }), Number.MAX_SAFE_INTEGER)) as CapacityError;
    expect(error).toBeInstanceOf(CapacityError);
    expect(error.code).toBe('CAPACITY');
    expect(error.describe('en')).toMatch(/^samverkan stopped reading the CSV at row 16384: the JavaScript heap is \d+% full/);
    expect(error.describe('sv')).toMatch(/^samverkan slutade läsa CSV-filen vid rad 16384: JavaScript-heapen är \d+ % full/);
    expect(error.describe('sv')).not.toMatch(/stopped|reading|heap is/);
  });
});
