import { CAPABILITY_STATE_COUNT_COLUMNS, capabilitiesByMunicipality, capabilityCoverage, CapabilityCoverageOptionsSchema, capabilityGaps, CapabilityGapsOptionsSchema, capabilityStateCounts, competenceReach, CompetenceReachOptionsSchema } from '../../analysis/capabilities.js';
import { withColumns } from '../../model/table.js';
import type { CapabilitySet } from '../../model/capabilities.js';
import { message, type Lang } from '../../model/i18n/index.js';
import type { CooperationNetwork } from '../../model/network.js';
import { CLI_DEFAULT_COUNTRY, UsageError, type CliIO, type FlagArgs } from '../context.js';
import { cliFlag, flagsOf, libraryFlag, type FlagGroup, type FlagTable } from '../flags.js';
import { INPUT_GROUP, loadInput, noteCapabilities } from '../input.js';
import { OUTPUT_GROUP } from '../output.js';
import { defineCommand, messageLang, printRows, ROWS_GROUP } from './shared.js';

/** What the capability commands say of their records: the flags themselves are under Input (`INPUT_FLAGS`), as every command reads them. */
export const CAPABILITY_GROUP: FlagGroup = { title: 'cli.help.capabilities', flags: {}, note: 'cli.help.capabilitiesNote' };

const COMMON_GROUPS = [CAPABILITY_GROUP, INPUT_GROUP, OUTPUT_GROUP, ROWS_GROUP];

/**
 * `rows` (one per county and a `total`, or one per municipality) with the
 * capability state counts of `capabilityStateCounts` appended as columns:
 * what summary and coverage show when there are capability records.
 */
export function withCapabilityCounts(rows: readonly object[] & { readonly columns?: readonly string[] }, net: CooperationNetwork, caps: CapabilitySet, by: 'county' | 'municipality'): object[] {
  const counts = new Map(capabilityStateCounts(net, caps, { by }).map((c) => [by === 'county' ? c.county : c.municipality!, c]));
  const keyOf = (r: object) => String((r as Record<string, unknown>)[by]);
  const out = rows.map((r) => {
    const c = counts.get(keyOf(r));
    return { ...r, ...Object.fromEntries(CAPABILITY_STATE_COUNT_COLUMNS.map((k) => [k, c ? c[k] : null])) };
  });
  const columns = [...(rows.columns ?? Object.keys(rows[0] ?? {})), ...CAPABILITY_STATE_COUNT_COLUMNS];
  return withColumns(out as Record<string, unknown>[], columns);
}

/** Capability gaps' severities on the 1–4 scale of the link gaps (`findGaps`): high 3, medium 2, low 1. */
const GAP_SEVERITY = { high: 3, medium: 2, low: 1 } as const;
const GAP_LEVEL = { 3: 'high', 2: 'medium', 1: 'low' } as const;

/**
 * The capability gaps (`capabilityGaps`) as rows of samverkan gaps: type
 * `capability`, kept apart from the link gaps' types, `kind` the lacking
 * capabilities, subject and `municipalities` the municipality; the
 * reasons in `lang` (default the geography's, as `capabilityGaps`).
 */
export function capabilityGapsAsGapRows(net: CooperationNetwork, caps: CapabilitySet, lang?: Lang): { severity: 1 | 2 | 3; level: string; type: 'capability'; kind: string; county: string; subject: string; name: string; reason: string; municipalities: string[] }[] {
  return capabilityGaps(net, caps, { ...(lang && { lang }) }).map((g) => {
    const severity = GAP_SEVERITY[g.severity];
    return { severity, level: GAP_LEVEL[severity], type: 'capability' as const, kind: g.capabilities.join(';'), county: g.county, subject: g.municipality, name: g.name, reason: g.reason, municipalities: [g.municipality] };
  });
}

/** `--only`'s capabilities, each known to the vocabulary (else bad usage naming the flag). */
function onlyCodes(caps: CapabilitySet, only: readonly string[], lang: Lang): string[] {
  for (const word of only) {
    if (caps.vocabulary.codeOf(word) === undefined) throw new UsageError(message(lang, 'cli.error.unknownCapability', { flag: '--only', value: JSON.stringify(word) }), message(lang, 'cli.hint.capabilities', { codes: caps.vocabulary.codes.join(', ') }));
  }
  return [...only];
}

/** The network and its capability records (the flag's, else the dataset's), or bad usage naming the flag. */
function loadWithCapabilities({ values, flags }: FlagArgs, io: CliIO, command: string): { net: CooperationNetwork; caps: CapabilitySet; lang: Lang } {
  const input = loadInput({ values, flags }, io, 'use');
  if (!input.capabilities) {
    const lang = messageLang(values);
    throw new UsageError(message(lang, 'cli.error.commandNeedsCapabilities', { command }), message(lang, 'cli.hint.capabilitiesExample'));
  }
  noteCapabilities(input, io);
  return { net: input.net, caps: input.capabilities, lang: input.lang };
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
    `samverkan capabilities --actors data/examples/capabilities/actors.csv --links data/examples/capabilities/links.csv --capabilities data/examples/capabilities/capabilities.csv --geography ${CLI_DEFAULT_COUNTRY.name.toLowerCase()}`,
  ],
  run({ values, flags }, io) {
    const { net, caps, lang } = loadWithCapabilities({ values, flags }, io, 'capabilities');
    const { by = 'county', only } = flagsOf(CAPABILITIES_FLAGS, flags);
    const options = only ? { capabilityCodes: onlyCodes(caps, only, lang) } : {};
    printRows(by === 'municipality' ? capabilitiesByMunicipality(net, caps, options) : capabilityCoverage(net, caps, options), { values, flags }, io);
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
    const { net, caps, lang } = loadWithCapabilities({ values, flags }, io, 'reach');
    const { only, 'include-held': includeHeld } = flagsOf(REACH_FLAGS, flags);
    printRows(competenceReach(net, caps, { ...(only && { capabilityCodes: onlyCodes(caps, only, lang) }), includeHeld: includeHeld === true }), { values, flags }, io);
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
    const { net, caps, lang } = loadWithCapabilities({ values, flags }, io, 'capability-gaps');
    const { only, 'radius-km': radiusKm } = flagsOf(CAPABILITY_GAPS_FLAGS, flags);
    // The reasons in the command's language: --lang, else the data's.
    printRows(capabilityGaps(net, caps, { ...(only && { capabilityCodes: onlyCodes(caps, only, lang) }), ...(radiusKm !== undefined && { radiusKm }), lang }), { values, flags }, io);
    return 0;
  },
});
