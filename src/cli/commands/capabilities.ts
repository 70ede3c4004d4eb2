import { resolve } from 'node:path';
import { DEFAULT_COUNTRY } from '../../countries/default.js';
import { capabilitiesByMunicipality, capabilityCoverage, CapabilityCoverageOptionsSchema, capabilityGaps, CapabilityGapsOptionsSchema, competenceReach, CompetenceReachOptionsSchema } from '../../analysis/capabilities.js';
import { loadCapabilities, LoadCapabilitiesOptionsSchema } from '../../io/capabilities.js';
import type { CapabilitySet } from '../../model/capabilities.js';
import { message, type Lang } from '../../model/i18n/index.js';
import { formatProblem } from '../../model/load-report.js';
import type { CooperationNetwork } from '../../model/network.js';
import { UsageError, type CliIO, type ParsedArgs } from '../context.js';
import { cliFlag, convertFlags, flagsOf, libraryFlag, optionsOf, type FlagGroup, type FlagTable } from '../flags.js';
import { INPUT_GROUP, loadInput } from '../input.js';
import { OUTPUT_GROUP } from '../output.js';
import { announce, defineCommand, messageLang, printRows, ROWS_GROUP } from './shared.js';
/** The flags every capability command reads its records with. */
export const CAPABILITY_FLAGS = {
  capabilities: cliFlag({
    type: 'string',
    value: 'FILE',
    help: 'cli.flag.capabilities',
  }),
  census: libraryFlag(LoadCapabilitiesOptionsSchema, 'census', { help: 'cli.flag.census' }),
  'custom-capabilities': libraryFlag(LoadCapabilitiesOptionsSchema, 'custom', { type: 'list', value: 'LIST', help: 'cli.flag.custom-capabilities' }),
} as const satisfies FlagTable;

export const CAPABILITY_GROUP: FlagGroup = { title: 'cli.help.capabilities', flags: CAPABILITY_FLAGS, note: 'cli.help.capabilitiesNote' };

const COMMON_GROUPS = [CAPABILITY_GROUP, INPUT_GROUP, OUTPUT_GROUP, ROWS_GROUP];

/** The capability records `--capabilities` names, read over `net` (strict unless --lenient), or undefined without the flag. */
export function loadCapabilityFlag(values: ParsedArgs['values'], net: CooperationNetwork, io: CliIO): CapabilitySet | undefined {
  const lang = messageLang(values);
  const file = values.capabilities;
  if (file === undefined) {
    for (const flag of ['census', 'custom-capabilities']) if (values[flag] !== undefined) throw new UsageError(message(lang, 'cli.error.needsCapabilities', { flag: `--${flag}` }));
    return undefined;
  }
  if (typeof file !== 'string') throw new UsageError(message(lang, 'cli.error.missingValue', { flag: '--capabilities' }));
  const { census, custom } = optionsOf(CAPABILITY_FLAGS, convertFlags(CAPABILITY_FLAGS, values, lang));
  const caps = loadCapabilities({ path: resolve(io.cwd ?? process.cwd(), file), name: file }, net, {
    mode: values.lenient ? 'lenient' : 'strict',
    census: census === true,
    ...(custom && { custom }),
  });
  const report = caps.loadReport!.files[0]!;
  // Warnings (a Windows-1252 file, a repeated row with another source) are said, as the loader's are for actors and links.
  for (const p of caps.loadReport!.problems.filter((p) => p.severity === 'warning')) io.stderr.write(`samverkan: ${message(lang, 'cli.warning.prefix', { message: formatProblem(p) })}\n`);
  if (report.rejected > 0) io.stderr.write(`samverkan: ${message(lang, 'cli.note.capabilityRowsRejected', { rejected: report.rejected, rows: report.rows })}\n`);
  return caps;
}

/** `--only`'s capabilities, each known to the vocabulary (else bad usage naming the flag). */
function onlyCodes(caps: CapabilitySet, only: readonly string[], lang: Lang): string[] {
  for (const word of only) {
    if (caps.vocabulary.codeOf(word) === undefined) throw new UsageError(message(lang, 'cli.error.unknownCapability', { flag: '--only', value: JSON.stringify(word) }), message(lang, 'cli.hint.capabilities', { codes: caps.vocabulary.codes.join(', ') }));
  }
  return [...only];
}

function requireCapabilities(values: ParsedArgs['values'], net: CooperationNetwork, io: CliIO, command: string): CapabilitySet {
  const caps = loadCapabilityFlag(values, net, io);
  const lang = messageLang(values);
  if (!caps) throw new UsageError(message(lang, 'cli.error.commandNeedsCapabilities', { command }), message(lang, 'cli.hint.capabilitiesExample'));
  return caps;
}

const CAPABILITIES_FLAGS = {
  by: cliFlag({ type: 'choice', choices: ['county', 'municipality'], value: 'WHAT', help: 'cli.flag.capabilities.by', default: 'county' }),
  only: libraryFlag(CapabilityCoverageOptionsSchema, 'capabilityCodes', { type: 'list', value: 'LIST', help: 'cli.flag.capabilities.only' }),
} as const satisfies FlagTable;

export const capabilitiesCommand = defineCommand({
  name: 'capabilities',
  usage: '--capabilities FILE [options]',
  groups: [{ title: 'cli.help.options', flags: CAPABILITIES_FLAGS }, ...COMMON_GROUPS],
  examples: [
    `samverkan capabilities --actors data/examples/capabilities/actors.csv --links data/examples/capabilities/links.csv --capabilities data/examples/capabilities/capabilities.csv --geography ${DEFAULT_COUNTRY.name.toLowerCase()}`,
  ],
  run({ values, flags }, io) {
    const { net, description, lang } = loadInput(values, io);
    announce(description, values, io);
    const caps = requireCapabilities(values, net, io, 'capabilities');
    const { by = 'county', only } = flagsOf(CAPABILITIES_FLAGS, flags);
    const options = only ? { capabilityCodes: onlyCodes(caps, only, lang) } : {};
    printRows(by === 'municipality' ? capabilitiesByMunicipality(net, caps, options) : capabilityCoverage(net, caps, options), values, io);
    return 0;
  },
});

const REACH_FLAGS = {
  only: libraryFlag(CompetenceReachOptionsSchema, 'capabilityCodes', { type: 'list', value: 'LIST', help: 'cli.flag.reach.only' }),
  'include-held': libraryFlag(CompetenceReachOptionsSchema, 'includeHeld', { help: 'cli.flag.reach.include-held' }),
} as const satisfies FlagTable;

export const reachCommand = defineCommand({
  name: 'reach',
  usage: '--capabilities FILE [options]',
  groups: [{ title: 'cli.help.options', flags: REACH_FLAGS }, ...COMMON_GROUPS],
  examples: ['samverkan reach --capabilities caps.csv --only coordinator --county Värmland'],
  run({ values, flags }, io) {
    const { net, description, lang } = loadInput(values, io);
    announce(description, values, io);
    const caps = requireCapabilities(values, net, io, 'reach');
    const { only, 'include-held': includeHeld } = flagsOf(REACH_FLAGS, flags);
    printRows(competenceReach(net, caps, { ...(only && { capabilityCodes: onlyCodes(caps, only, lang) }), includeHeld: includeHeld === true }), values, io);
    return 0;
  },
});

const CAPABILITY_GAPS_FLAGS = {
  only: libraryFlag(CapabilityGapsOptionsSchema, 'capabilityCodes', { type: 'list', value: 'LIST', help: 'cli.flag.capability_gaps.only' }),
  'radius-km': libraryFlag(CapabilityGapsOptionsSchema, 'radiusKm', { value: 'N', help: 'cli.flag.capability_gaps.radius-km' }),
} as const satisfies FlagTable;

export const capabilityGapsCommand = defineCommand({
  name: 'capability-gaps',
  usage: '--capabilities FILE [options]',
  groups: [{ title: 'cli.help.options', flags: CAPABILITY_GAPS_FLAGS }, ...COMMON_GROUPS],
  examples: ['samverkan capability-gaps --capabilities caps.csv --census --radius-km 60'],
  run({ values, flags }, io) {
    const { net, description, lang } = loadInput(values, io);
    announce(description, values, io);
    const caps = requireCapabilities(values, net, io, 'capability-gaps');
    const { only, 'radius-km': radiusKm } = flagsOf(CAPABILITY_GAPS_FLAGS, flags);
    // The reasons in the command's language: --lang, else the data's.
    printRows(capabilityGaps(net, caps, { ...(only && { capabilityCodes: onlyCodes(caps, only, lang) }), ...(radiusKm !== undefined && { radiusKm }), lang }), values, io);
    return 0;
  },
});
