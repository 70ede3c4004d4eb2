import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_TABLE_FILE, buildApiTable, OPTIONS_NOT_TABLED, renderApiTable, ROW_KEYS, type ApiTable } from '../../scripts/api-table.js';

/**
 * Option names that mean different things in different functions, each with
 * why: everywhere else one name has one type and one default.
 */
const DIFFERENT_MEANINGS: Readonly<Record<string, string>> = {
  title: "a report's title (with a default) and a map's (none)",
  features: "map polygons (report, map) and the recommender's features (fit, evaluation)",
  folds: 'the evaluation folds (also loo or by county) and the cross-validation folds of the fit',
  methods: 'the methods of each evaluation protocol',
  format: "an export format, and a map's number formatter",
  field: 'a field to recommend for, and whether the fit learns field terms',
  columns: 'column names of a table, and metric columns of a graph export',
  width: "the width of a map: 480 for a report's maps, 640 for the explorer's, which is read on screen",
  geography: "a geography everywhere; readGraphFile also takes 'auto' (the default country's when the nodes are placed on it)",
  measures: "the measures a function computes, from its own list: centrality's seven, kernels.pathCentralities' three path measures",
  domain: "a map's colour domain: fitted to the data by renderMap (none given), [0, 1] for one colour of sequentialColor, which sees one value",
  tolerance: "when an iteration stops: the power iterations' L1 change (NetworkX's tol, 1e-6), fitConditionalLogit's largest change of a standardised coefficient (1e-10)",
};

/**
 * One function's option whose name another concept holds elsewhere, with
 * what it means there: known clashes, to be renamed (each is a change of the
 * public API, for a CHANGELOG entry). Only these pairs are exempt: the name
 * keeps its one meaning everywhere else.
 */
const NAME_CLASHES: Readonly<Record<string, string>> = {};

/**
 * Options whose default in the kernels (`kernels.*`) differs from the one in
 * the analyses, with why: a kernel does what it is told, with NetworkX's
 * defaults; an analysis chooses for the analyst. The kernels agree among
 * themselves, and so do the analyses.
 */
const KERNEL_DEFAULTS: Readonly<Record<string, string>> = {
  samples: "'exact': a kernel samples only when asked; the analyses choose 'auto'",
  workers: "1: a kernel starts no thread unless asked; the analyses choose 'auto'",
  maxIterations: "100, NetworkX's max_iter (the kernels reproduce NetworkX's numbers); centrality allows 1 000, which the demo needs",
  l2: "1: fitConditionalLogit fits the penalty it is given; the recommenders choose 'cv' (the penalty by cross-validation)",
};

/** Kernels exported outside `samverkan/kernels`, with the kernels' contract (defaults included). */
const KERNELS_ELSEWHERE = new Set(['fitConditionalLogit']);
const isKernel = (fn: string) => fn.startsWith('kernels.') || KERNELS_ELSEWHERE.has(fn);

/** `weighted` defaults to NetworkX's default for the measures it switches (README, "Weights are strengths"). */
const WEIGHTED_BY_DEFAULT = new Set(['communities', 'kernels.louvainCommunities', 'kernels.modularity', 'kernels.pagerank', 'kernels.pagerankDetailed']);

/** Counts are `…Count`: a column of these names is a list (README, "Row conventions"). */
const LIST_NOUNS = ['municipalities', 'counties', 'members', 'actors', 'links', 'partners', 'components'];

let table: ApiTable;
beforeAll(async () => {
  table = await buildApiTable();
}, 120_000);

describe('docs/api-table.md', () => {
  it('is the table the code gives (npm run docs:api-table regenerates it)', () => {
    expect(readFileSync(API_TABLE_FILE, 'utf8')).toBe(renderApiTable(table));
  });

  it('holds the options of the analyses, recommenders and report', () => {
    const fns = new Set(table.options.map((o) => o.fn));
    for (const fn of ['centrality', 'coverageByCounty', 'coverageByMunicipality', 'findGaps', 'communities', 'recommendPartners', 'planLinks', 'buildReport']) expect(fns.has(fn), fn).toBe(true);
    // And the kernels' (samverkan/kernels), as kernels.<name>.
    for (const fn of ['kernels.toCsr', 'kernels.pathCentralities', 'kernels.betweennessCentrality', 'kernels.pagerank', 'kernels.eigenvectorCentrality', 'kernels.louvainCommunities', 'kernels.brokerageRoles', 'kernels.articulationPoints']) expect(fns.has(fn), fn).toBe(true);
  });
});

describe('every options object', () => {
  it('is in the table: each public function that takes options (the table finds its schema where it parses them)', () => {
    const tabled = new Set(table.options.map((o) => o.fn));
    expect(table.takesOptions.length).toBeGreaterThan(50);
    expect(table.takesOptions.filter((fn) => !tabled.has(fn) && !Object.hasOwn(OPTIONS_NOT_TABLED, fn))).toEqual([]);
  });
});

describe('one vocabulary', () => {
  it('one option name has one type and one default across functions', () => {
    const seen = new Map<string, { fn: string; type: string; default: string }>();
    for (const o of table.options) {
      if (Object.hasOwn(DIFFERENT_MEANINGS, o.option) || Object.hasOwn(NAME_CLASHES, `${o.fn}.${o.option}`)) continue;
      if (o.option === 'weighted') {
        expect(o, `${o.fn}.weighted`).toMatchObject({ type: 'boolean', default: String(WEIGHTED_BY_DEFAULT.has(o.fn)) });
        continue;
      }
      const name = Object.hasOwn(KERNEL_DEFAULTS, o.option) && isKernel(o.fn) ? `kernels:${o.option}` : o.option;
      const first = seen.get(name);
      if (!first) seen.set(name, o);
      else expect({ type: o.type, default: o.default }, `${o.fn}.${o.option} (as ${first.fn}.${o.option})`).toEqual({ type: first.type, default: first.default });
    }
    for (const name of ['kinds', 'via', 'partnerKinds', 'smallPopulation', 'network', 'seed', 'onProgress', 'samples', 'workers']) expect(seen.has(name), name).toBe(true);
  });

  it('every row type declares its key, and the key columns are columns', () => {
    for (const row of table.rows) {
      expect(Object.hasOwn(ROW_KEYS, row.row), `${row.row}: add its key to ROW_KEYS in scripts/api-table.ts`).toBe(true);
      const names = row.columns.map((c) => c.name);
      for (const key of row.key) expect(names, row.row).toContain(key);
    }
  });

  it('the municipality key column is municipality, a county key county; counts end in Count', () => {
    for (const row of table.rows) {
      const names = row.columns.map((c) => c.name);
      // The old names of the municipality key.
      expect(names.filter((n) => n === 'code' || n === 'from'), row.row).toEqual([]);
      for (const key of row.key) expect(['municipalityCode', 'countyCode', 'kommun', 'lan']).not.toContain(key);
      for (const c of row.columns) {
        if (LIST_NOUNS.includes(c.name)) expect(c.type, `${row.row}.${c.name} is a list; a count is ${c.name.replace(/ies$/, 'y').replace(/s$/, '')}Count`).not.toMatch(/^number/);
      }
    }
    expect(table.rows.filter((r) => r.key.includes('municipality')).map((r) => r.row)).toEqual(
      expect.arrayContaining(['MunicipalityCoverageRow', 'MunicipalityCentralityRow', 'SmallMunicipalityRow', 'RecommendationRow', 'NeighbourRow']),
    );
  });
});
