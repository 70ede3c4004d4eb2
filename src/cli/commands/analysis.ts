import { brokerage, BrokerageOptionsSchema } from '../../analysis/brokerage.js';
import { centrality, centralityByMunicipality, CentralityOptionsSchema, MunicipalityCentralityOptionsSchema } from '../../analysis/centrality.js';
import { communities, CommunitiesOptionsSchema } from '../../analysis/communities.js';
import { coverageByCounty, coverageByMunicipality, CoverageOptionsSchema } from '../../analysis/coverage.js';
import { findGaps, GAP_TYPES, GapsOptionsSchema, type GapType } from '../../analysis/gaps.js';
import { ArticulationOptionsSchema, articulationPoints, bridges, components, kCore } from '../../analysis/structure.js';
import { formatNumber, message } from '../../model/i18n/index.js';
import { formatTextTable } from '../../report/table.js';
import { UsageError } from '../context.js';
import { cliFlag, flagsOf, libraryFlag, optionsOf, type FlagTable } from '../flags.js';
import { INPUT_GROUP, loadInput, noteCapabilities } from '../input.js';
import { capabilityGapsAsGapRows, withCapabilityCounts } from './capabilities.js';
import { emit, formatOf, OUTPUT_GROUP } from '../output.js';
import { defineCommand, noteSampling, PATH_GROUP, pathOptions, printRows, ROWS_GROUP, shapeRows, warnUnknownKinds } from './shared.js';

/** The groups after a command's own flags: input, output, rows. */
const COMMON_GROUPS = [INPUT_GROUP, OUTPUT_GROUP, ROWS_GROUP];

const CENTRALITY_FLAGS = {
  measures: libraryFlag(CentralityOptionsSchema, 'measures', { value: 'LIST', help: 'cli.flag.centrality.measures', showChoices: true, default: false }),
  weighted: libraryFlag(CentralityOptionsSchema, 'weighted', { help: 'cli.flag.centrality.weighted' }),
  kinds: libraryFlag(CentralityOptionsSchema, 'kinds', { value: 'LIST', help: 'cli.flag.centrality.kinds' }),
  network: libraryFlag(CentralityOptionsSchema, 'network', { value: 'NAME', help: 'cli.flag.centrality.network' }),
  aggregate: libraryFlag(MunicipalityCentralityOptionsSchema, 'aggregate', { value: 'HOW', help: 'cli.flag.centrality.aggregate', default: false }),
} as const satisfies FlagTable;

export const centralityCommand = defineCommand({
  name: 'centrality',
  groups: [{ title: 'cli.help.options', flags: CENTRALITY_FLAGS }, PATH_GROUP, ...COMMON_GROUPS],
  examples: ['samverkan centrality --measures betweenness,degree --sort betweenness --top 10'],
  run({ values, flags }, io) {
    const { net, lang } = loadInput({ values, flags }, io);
    const { aggregate, network, ...common } = optionsOf(CENTRALITY_FLAGS, flags);
    warnUnknownKinds(net, common.kinds, 'kinds', io, lang);
    if (network === 'municipalities' && common.kinds !== undefined) throw new UsageError(message(lang, 'cli.error.kindsWithMunicipalities', { flag: '--kinds' }));
    if (aggregate && network === 'municipalities') throw new UsageError(message(lang, 'cli.error.aggregateWithMunicipalities'));
    const paths = pathOptions({ values, flags }, io);
    const rows = aggregate ? centralityByMunicipality(net, { ...common, ...paths, aggregate }) : centrality(net, { ...common, ...paths, ...(network && { network }) });
    noteSampling(rows.sampling, io, lang);
    printRows(rows, { values, flags }, io);
    return 0;
  },
});

const BROKERAGE_FLAGS = {
  weighted: libraryFlag(BrokerageOptionsSchema, 'weighted', { help: 'cli.flag.brokerage.weighted' }),
  'group-by': libraryFlag(BrokerageOptionsSchema, 'groupBy', { value: 'NAME', help: 'cli.flag.brokerage.group-by' }),
  ungrouped: libraryFlag(BrokerageOptionsSchema, 'ungrouped', { value: 'HOW', help: 'cli.flag.brokerage.ungrouped' }),
  kinds: libraryFlag(BrokerageOptionsSchema, 'kinds', { value: 'LIST', help: 'cli.flag.brokerage.kinds' }),
  network: libraryFlag(BrokerageOptionsSchema, 'network', { value: 'NAME', help: 'cli.flag.brokerage.network' }),
} as const satisfies FlagTable;

export const brokerageCommand = defineCommand({
  name: 'brokerage',
  groups: [{ title: 'cli.help.options', flags: BROKERAGE_FLAGS }, ...COMMON_GROUPS],
  examples: ['samverkan brokerage --sort liaison --top 10'],
  run({ values, flags }, io) {
    const { net, lang } = loadInput({ values, flags }, io);
    const options = optionsOf(BROKERAGE_FLAGS, flags);
    warnUnknownKinds(net, options.kinds, 'kinds', io, lang);
    printRows(brokerage(net, options), { values, flags }, io);
    return 0;
  },
});

const STRUCTURE_FLAGS = {
  show: cliFlag({ type: 'choice', choices: ['articulation', 'bridges', 'components', 'kcore'], value: 'WHAT', help: 'cli.flag.structure.show', default: 'articulation' }),
  within: libraryFlag(ArticulationOptionsSchema, 'within', { value: 'NAME', help: 'cli.flag.structure.within' }),
  network: libraryFlag(ArticulationOptionsSchema, 'network', { value: 'NAME', help: 'cli.flag.structure.network' }),
} as const satisfies FlagTable;

export const structureCommand = defineCommand({
  name: 'structure',
  groups: [{ title: 'cli.help.options', flags: STRUCTURE_FLAGS }, ...COMMON_GROUPS],
  renamedFlags: { scope: 'within' },
  examples: ['samverkan structure --show articulation --network municipalities'],
  run({ values, flags }, io) {
    const { net, lang } = loadInput({ values, flags }, io);
    const { show = 'articulation' } = flagsOf(STRUCTURE_FLAGS, flags);
    const { within, network } = optionsOf(STRUCTURE_FLAGS, flags);
    if (show !== 'articulation' && within) throw new UsageError(message(lang, 'cli.error.withinArticulation'));
    const rows =
      show === 'bridges'
        ? bridges(net, { ...(network && { network }) })
        : show === 'components'
          ? components(net, { ...(network && { network }) })
          : show === 'kcore'
            ? kCore(net, { ...(network && { network }) })
            : articulationPoints(net, { ...(within && { within }), ...(network && { network }) });
    printRows(rows, { values, flags }, io);
    return 0;
  },
});

const COMMUNITIES_FLAGS = {
  seed: libraryFlag(CommunitiesOptionsSchema, 'seed', { value: 'N', help: 'cli.flag.communities.seed' }),
  resolution: libraryFlag(CommunitiesOptionsSchema, 'resolution', { value: 'X', help: 'cli.flag.communities.resolution' }),
  unweighted: cliFlag({ type: 'boolean', help: 'cli.flag.communities.unweighted' }),
  network: libraryFlag(CommunitiesOptionsSchema, 'network', { value: 'NAME', help: 'cli.flag.communities.network' }),
  show: cliFlag({ type: 'choice', choices: ['summary', 'assignments', 'counties'], value: 'WHAT', help: 'cli.flag.communities.show', default: 'summary' }),
} as const satisfies FlagTable;

export const communitiesCommand = defineCommand({
  name: 'communities',
  groups: [{ title: 'cli.help.options', flags: COMMUNITIES_FLAGS }, ...COMMON_GROUPS],
  examples: ['samverkan communities --network municipalities --seed 7'],
  run({ values, flags }, io) {
    const { net, lang } = loadInput({ values, flags }, io);
    const { show = 'summary', unweighted } = flagsOf(COMMUNITIES_FLAGS, flags);
    const result = communities(net, { ...optionsOf(COMMUNITIES_FLAGS, flags), weighted: unweighted !== true });
    const rows: readonly object[] = show === 'assignments' ? result.assignments : show === 'counties' ? result.byCounty : result.summary;
    const format = formatOf(flags);
    if (format === 'text' && values.out === undefined) {
      io.stdout.write(`${message(lang, 'cli.note.communities', { count: result.count, modularity: formatNumber(lang, result.modularity, 4) })}\n\n`);
      io.stdout.write(formatTextTable(shapeRows(rows, { values, flags })));
    } else if (format === 'json' && show === 'summary') {
      emit(JSON.stringify({ modularity: result.modularity, count: result.count, communities: shapeRows(rows, { values, flags }) }, null, 2) + '\n', values, io);
    } else {
      printRows(rows, { values, flags }, io);
    }
    return 0;
  },
});

const COVERAGE_FLAGS = {
  level: cliFlag({ type: 'choice', choices: ['county', 'municipality'], value: 'NAME', help: 'cli.flag.coverage.level', default: 'county' }),
  'partner-kinds': libraryFlag(CoverageOptionsSchema, 'partnerKinds', { value: 'L', help: 'cli.flag.coverage.partner-kinds' }),
  weighted: libraryFlag(CoverageOptionsSchema, 'weighted', { help: 'cli.flag.coverage.weighted' }),
} as const satisfies FlagTable;

export const coverageCommand = defineCommand({
  name: 'coverage',
  groups: [{ title: 'cli.help.options', flags: COVERAGE_FLAGS }, PATH_GROUP, ...COMMON_GROUPS],
  examples: ['samverkan coverage --format csv --out coverage.csv'],
  renamedFlags: { kinds: 'partner-kinds' },
  run({ values, flags }, io) {
    const input = loadInput({ values, flags }, io, 'use');
    const { net, lang, capabilities } = input;
    const { level = 'county' } = flagsOf(COVERAGE_FLAGS, flags);
    const own = optionsOf(COVERAGE_FLAGS, flags);
    warnUnknownKinds(net, own.partnerKinds, 'partner-kinds', io, lang);
    const options = { ...own, ...pathOptions({ values, flags }, io) };
    const rows = level === 'municipality' ? coverageByMunicipality(net, options) : coverageByCounty(net, { ...options, lang });
    noteSampling(rows.sampling, io, lang);
    noteCapabilities(input, io);
    printRows(capabilities ? withCapabilityCounts(rows, net, capabilities, level) : rows, { values, flags }, io);
    return 0;
  },
});

const GAPS_FLAGS = {
  'min-severity': cliFlag({ type: 'integer', min: 1, value: 'N', help: 'cli.flag.gaps.min-severity', default: '1' }),
  // Not the library option's choices alone: `capability` too (the capability gaps, with capability records).
  type: cliFlag({ type: 'list', choices: [...GAP_TYPES, 'capability'], value: 'LIST', help: 'cli.flag.gaps.type', showChoices: true }),
  'partner-kinds': libraryFlag(GapsOptionsSchema, 'partnerKinds', { value: 'L', help: 'cli.flag.gaps.partner-kinds' }),
  small: libraryFlag(GapsOptionsSchema, 'smallPopulation', { value: 'N', help: 'cli.flag.gaps.small' }),
} as const satisfies FlagTable;

export const gapsCommand = defineCommand({
  name: 'gaps',
  groups: [{ title: 'cli.help.options', flags: GAPS_FLAGS }, PATH_GROUP, ...COMMON_GROUPS],
  examples: ['samverkan gaps --county Västerbotten --min-severity 3'],
  renamedFlags: { kinds: 'partner-kinds' },
  run({ values, flags }, io) {
    const input = loadInput({ values, flags }, io, 'use');
    const { net, lang, capabilities } = input;
    const { 'min-severity': minSeverity = 1, type: types } = flagsOf(GAPS_FLAGS, flags);
    if (minSeverity > 4) throw new UsageError(message(lang, 'cli.error.minSeverity', { value: String(minSeverity) }));
    // `capability`: the capability gaps, a type of their own, only with capability records.
    if (!capabilities && types?.includes('capability')) throw new UsageError(message(lang, 'cli.error.capabilityGapType'), message(lang, 'cli.hint.choices', { choices: GAP_TYPES.join(', ') }));
    const linkTypes = types?.filter((t: string): t is GapType => t !== 'capability');
    const withCapabilities = capabilities !== undefined && (types === undefined || types.includes('capability'));
    const own = optionsOf(GAPS_FLAGS, flags);
    warnUnknownKinds(net, own.partnerKinds, 'partner-kinds', io, lang);
    // --county is the scope: findGaps keeps to it already. The reasons in the command's language (--lang, else the data's).
    const links = linkTypes !== undefined && linkTypes.length === 0 ? undefined : findGaps(net, { ...own, ...(linkTypes && { types: linkTypes }), ...pathOptions({ values, flags }, io), lang });
    if (links) noteSampling(links.sampling, io, lang);
    // Capability gaps after the link gaps of the same severity: a type of their own, kept apart.
    const all = [...(links ?? []), ...(withCapabilities ? capabilityGapsAsGapRows(net, capabilities, lang) : [])].map((g, i) => ({ g, i }));
    all.sort((a, b) => b.g.severity - a.g.severity || a.i - b.i);
    const rows = Object.assign(all.map((x) => x.g), { columns: links?.columns ?? ['severity', 'level', 'type', 'kind', 'county', 'subject', 'name', 'reason', 'municipalities'] });
    if (withCapabilities) noteCapabilities(input, io);
    const kept = rows.filter((g) => g.severity >= minSeverity);
    Object.defineProperty(kept, 'columns', { value: rows.columns, enumerable: false });
    printRows(kept, { values, flags }, io);
    return 0;
  },
});
