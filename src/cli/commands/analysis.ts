import { brokerage } from '../../analysis/brokerage.js';
import { CENTRALITY_MEASURES, centrality, centralityByMunicipality, type CentralityMeasure } from '../../analysis/centrality.js';
import { communities } from '../../analysis/communities.js';
import { coverageByCounty, coverageByMunicipality } from '../../analysis/coverage.js';
import { findGaps, GAP_TYPES, type GapType } from '../../analysis/gaps.js';
import { articulationPoints, bridges, components, kCore } from '../../analysis/structure.js';
import { formatTextTable } from '../../report/table.js';
import { UsageError } from '../context.js';
import { INPUT_HELP, INPUT_OPTIONS, loadInput } from '../input.js';
import { emit, formatOf, OUTPUT_HELP, OUTPUT_OPTIONS } from '../output.js';
import { announce, choiceOption, integerOption, langOf, listOption, noteSampling, numberOption, PATH_HELP, PATH_OPTIONS, pathOptions, printRows, ROWS_HELP, ROWS_OPTIONS, shapeRows, warnUnknownKinds, type Command } from './shared.js';

const COMMON = { ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...ROWS_OPTIONS };
const COMMON_HELP = `${INPUT_HELP}\n\n${OUTPUT_HELP}\n\n${ROWS_HELP}`;

export const centralityCommand: Command = {
  name: 'centrality',
  summary: 'degree, strength, betweenness, closeness, harmonic, eigenvector, PageRank per actor',
  options: {
    ...COMMON,
    measures: { type: 'string' },
    weighted: { type: 'boolean' },
    kinds: { type: 'string' },
    network: { type: 'string' },
    aggregate: { type: 'string' },
    ...PATH_OPTIONS,
  },
  help: `samverkan centrality [options]

Centrality of every actor, with NetworkX's defaults: degree (distinct
partners), strength (summed weights), betweenness (normalised), closeness
(Wasserman–Faust), harmonic, eigenvector and PageRank (alpha 0.85, weighted).

Options:
  --measures LIST     comma-separated subset of ${CENTRALITY_MEASURES.join(', ')}
  --weighted          path measures read weights as strengths (distance 1/weight)
  --kinds LIST        only actors of these kinds (e.g. municipality)
  --network NAME      actors (default) or municipalities (the municipality
                      projection: ties direct or through shared bodies)
  --aggregate HOW     one row per municipality: sum, max or mean of its actors

${PATH_HELP}

${COMMON_HELP}

Example:
  samverkan centrality --measures betweenness,degree --sort betweenness --top 10`,
  run({ values }, io) {
    const { net, description } = loadInput(values, io);
    announce(description, values, io);
    const measures = listOption(values, 'measures');
    for (const m of measures ?? []) {
      if (!(CENTRALITY_MEASURES as readonly string[]).includes(m)) throw new UsageError(`unknown measure ${JSON.stringify(m)}`, `measures: ${CENTRALITY_MEASURES.join(', ')}`);
    }
    const common = {
      ...(measures && { measures: measures as CentralityMeasure[] }),
      weighted: values.weighted === true,
      ...(values.kinds !== undefined && { kinds: listOption(values, 'kinds')! }),
      ...pathOptions(values, io),
    };
    warnUnknownKinds(net, listOption(values, 'kinds'), 'kinds', io);
    const aggregate = choiceOption(values, 'aggregate', ['sum', 'max', 'mean'] as const);
    const network = choiceOption(values, 'network', ['actors', 'municipalities'] as const);
    if (network === 'municipalities' && values.kinds !== undefined) throw new UsageError('--kinds restricts the actor network; the municipality network has only municipalities');
    if (aggregate && network === 'municipalities') throw new UsageError('--aggregate summarises the actor network; it cannot be combined with --network municipalities');
    const rows = aggregate ? centralityByMunicipality(net, { ...common, aggregate }) : centrality(net, { ...common, ...(network && { network }) });
    noteSampling(rows.sampling, io);
    printRows(rows, values, io);
    return 0;
  },
};

export const brokerageCommand: Command = {
  name: 'brokerage',
  summary: "Burt's constraint and effective size, Gould–Fernandez roles across counties",
  options: { ...COMMON, weighted: { type: 'boolean' }, 'group-by': { type: 'string' }, ungrouped: { type: 'string' }, kinds: { type: 'string' } },
  help: `samverkan brokerage [options]

Per actor: Burt's constraint and effective size (as NetworkX), and the
Gould–Fernandez brokerage roles (coordinator, gatekeeper, representative,
consultant, liaison) with counties as groups: who bridges counties.

Options:
  --weighted          constraint and effective size use link weights
  --group-by NAME     county (default) or municipality
  --ungrouped HOW     actors without a group: own (default: a group of their
                      own) or skip (ignore two-paths through them)
  --kinds LIST        only actors of these kinds

${COMMON_HELP}

Example:
  samverkan brokerage --sort liaison --top 10`,
  run({ values }, io) {
    const { net, description } = loadInput(values, io);
    announce(description, values, io);
    const groupBy = choiceOption(values, 'group-by', ['county', 'municipality'] as const);
    const ungrouped = choiceOption(values, 'ungrouped', ['own', 'skip'] as const);
    const kinds = listOption(values, 'kinds');
    warnUnknownKinds(net, kinds, 'kinds', io);
    printRows(
      brokerage(net, { weighted: values.weighted === true, ...(groupBy && { groupBy }), ...(ungrouped && { ungrouped }), ...(kinds && { kinds }) }),
      values,
      io,
    );
    return 0;
  },
};

export const structureCommand: Command = {
  name: 'structure',
  summary: 'single points of failure, bridges, components, k-cores',
  options: { ...COMMON, show: { type: 'string' }, scope: { type: 'string' }, network: { type: 'string' } },
  help: `samverkan structure [options]

The shape of the network: articulation points (actors whose removal cuts
municipalities off), bridges (ties whose loss disconnects), connected
components, or k-core numbers.

Options:
  --show WHAT         articulation (default), bridges, components or kcore
  --scope NAME        articulation: county (default: within each county) or network
  --network NAME      articulation, components, kcore: actors (default) or
                      municipalities (the projection)

${COMMON_HELP}

Example:
  samverkan structure --show articulation --network municipalities`,
  run({ values }, io) {
    const { net, description } = loadInput(values, io);
    announce(description, values, io);
    const show = choiceOption(values, 'show', ['articulation', 'bridges', 'components', 'kcore'] as const) ?? 'articulation';
    const scope = choiceOption(values, 'scope', ['county', 'network'] as const);
    const network = choiceOption(values, 'network', ['actors', 'municipalities'] as const);
    if (show !== 'articulation' && scope) throw new UsageError('--scope applies to --show articulation only');
    if (show === 'bridges' && network) throw new UsageError('--network does not apply to --show bridges: a bridge counts the links behind a tie of the actor network');
    const rows =
      show === 'bridges'
        ? bridges(net)
        : show === 'components'
          ? components(net, { ...(network && { network }) })
          : show === 'kcore'
            ? kCore(net, { ...(network && { network }) })
            : articulationPoints(net, { ...(scope && { scope }), ...(network && { network }) });
    printRows(rows, values, io);
    return 0;
  },
};

export const communitiesCommand: Command = {
  name: 'communities',
  summary: 'Louvain communities, modularity, and which cross county borders',
  options: {
    ...COMMON,
    seed: { type: 'string' },
    resolution: { type: 'string' },
    unweighted: { type: 'boolean' },
    network: { type: 'string' },
    show: { type: 'string' },
  },
  help: `samverkan communities [options]

Communities by the Louvain method (seeded: the same seed gives the same
communities) and their modularity; a summary per community says how many
counties it spans.

Options:
  --seed N            random seed (default 1)
  --resolution X      above 1: more, smaller communities (default 1)
  --unweighted        ignore link weights
  --network NAME      actors (default) or municipalities
  --show WHAT         summary (default), assignments (one row per actor) or
                      counties (members per community and county)

${COMMON_HELP}

Example:
  samverkan communities --network municipalities --seed 7`,
  run({ values }, io) {
    const { net, description } = loadInput(values, io);
    announce(description, values, io);
    const seed = integerOption(values, 'seed', -2147483648);
    const resolution = numberOption(values, 'resolution');
    const network = choiceOption(values, 'network', ['actors', 'municipalities'] as const);
    const show = choiceOption(values, 'show', ['summary', 'assignments', 'counties'] as const) ?? 'summary';
    const result = communities(net, {
      ...(seed !== undefined && { seed }),
      ...(resolution !== undefined && { resolution }),
      weighted: values.unweighted !== true,
      ...(network && { network }),
    });
    const rows: readonly object[] = show === 'assignments' ? result.assignments : show === 'counties' ? result.byCounty : result.summary;
    const format = formatOf(values);
    if (format === 'text' && values.out === undefined) {
      io.stdout.write(`${result.count} communities, modularity ${result.modularity.toFixed(4)}\n\n`);
      io.stdout.write(formatTextTable(shapeRows(rows, values)));
    } else if (format === 'json' && show === 'summary') {
      emit(JSON.stringify({ modularity: result.modularity, count: result.count, communities: shapeRows(rows, values) }, null, 2) + '\n', values, io);
    } else {
      printRows(rows, values, io);
    }
    return 0;
  },
};

export const coverageCommand: Command = {
  name: 'coverage',
  summary: 'how well each county (or municipality) is covered by cooperation',
  options: { ...COMMON, level: { type: 'string' }, 'partner-kinds': { type: 'string' }, weighted: { type: 'boolean' }, ...PATH_OPTIONS },
  renamedFlags: { kinds: 'partner-kinds' },
  help: `samverkan coverage [options]

Per county: municipalities that cooperate with another municipality (also
by population), reach of each partner kind, bordering pairs that cooperate,
cross-county links and ties, separate groups, betweenness of its
municipalities; then a national total. With --level municipality, one row
per municipality with its ties, partners and a 0–1 coverage score.

Options:
  --level NAME        county (default) or municipality
  --partner-kinds L   partner kinds (default religious,civil_society,authority)
  --weighted          betweenness reads weights as strengths

${PATH_HELP}

${COMMON_HELP}

Example:
  samverkan coverage --format csv --out coverage.csv`,
  run({ values }, io) {
    const { net, description } = loadInput(values, io);
    announce(description, values, io);
    const level = choiceOption(values, 'level', ['county', 'municipality'] as const) ?? 'county';
    const partnerKinds = listOption(values, 'partner-kinds');
    warnUnknownKinds(net, partnerKinds, 'partner-kinds', io);
    const paths = pathOptions(values, io);
    const options = { ...(partnerKinds && { partnerKinds }), weighted: values.weighted === true, ...paths };
    const rows = level === 'municipality' ? coverageByMunicipality(net, options) : coverageByCounty(net, options);
    noteSampling(rows.sampling, io);
    printRows(rows, values, io);
    return 0;
  },
};

export const gapsCommand: Command = {
  name: 'gaps',
  summary: 'isolated municipalities, missing partners, single points of failure …',
  options: {
    ...COMMON,
    'min-severity': { type: 'string' },
    type: { type: 'string' },
    'partner-kinds': { type: 'string' },
    small: { type: 'string' },
    lang: { type: 'string' },
    ...PATH_OPTIONS,
  },
  renamedFlags: { kinds: 'partner-kinds' },
  help: `samverkan gaps [options]

Gaps in the cooperation network, most severe first, each with a reason an
official can read: isolated municipalities, municipalities without
municipal cooperation, single points of failure, fragmented counties,
counties without cross-county links, missing partner kinds, bordering
municipalities that do not cooperate. Severity: 4 critical, 3 high,
2 medium, 1 low.

Options:
  --county C[,C]      only this area (the scope; see Input)
  --min-severity N    only gaps of severity N or more (1–4)
  --type LIST         only these types: ${GAP_TYPES.join(', ')}
  --partner-kinds L   partner kinds every municipality should have (default
                      religious,civil_society,authority)
  --small N           population below which a municipality is small (default 15000)
  --lang sv|en        language of the reasons (default: the data's, Swedish for Sweden)

${PATH_HELP}

${COMMON_HELP}

Example:
  samverkan gaps --county Västerbotten --min-severity 3`,
  run({ values }, io) {
    const { net, description } = loadInput(values, io);
    announce(description, values, io);
    const types = listOption(values, 'type');
    for (const t of types ?? []) if (!(GAP_TYPES as readonly string[]).includes(t)) throw new UsageError(`unknown gap type ${JSON.stringify(t)}`, `types: ${GAP_TYPES.join(', ')}`);
    const partnerKinds = listOption(values, 'partner-kinds');
    warnUnknownKinds(net, partnerKinds, 'partner-kinds', io);
    const small = numberOption(values, 'small');
    const minSeverity = integerOption(values, 'min-severity', 1) ?? 1;
    if (minSeverity > 4) throw new UsageError(`--min-severity is 1 (low) to 4 (critical), got ${minSeverity}`);
    const paths = pathOptions(values, io);
    // --county is the scope: findGaps keeps to it already.
    const rows = findGaps(net, { ...(types && { types: types as GapType[] }), ...(partnerKinds && { partnerKinds }), ...(small !== undefined && { smallPopulation: small }), ...langOf(values), ...paths });
    noteSampling(rows.sampling, io);
    const kept = rows.filter((g) => g.severity >= minSeverity);
    Object.defineProperty(kept, 'columns', { value: rows.columns, enumerable: false });
    printRows(kept, values, io);
    return 0;
  },
};
