import { CAPABILITY_STATE_COUNT_COLUMNS, capabilitiesByMunicipality, capabilityCoverage, capabilityGaps, capabilityStateCounts, competenceReach } from '../../analysis/capabilities.js';
import { withColumns } from '../../model/table.js';
import type { CapabilitySet } from '../../model/capabilities.js';
import type { CooperationNetwork } from '../../model/network.js';
import { UsageError, type CliIO } from '../context.js';
import { INPUT_HELP, INPUT_OPTIONS, loadInput, noteCapabilities } from '../input.js';
import { OUTPUT_HELP, OUTPUT_OPTIONS } from '../output.js';
import { announce, choiceOption, listOption, numberOption, printRows, ROWS_HELP, ROWS_OPTIONS, type Command } from './shared.js';
import type { ParsedArgs } from '../context.js';

export const CAPABILITY_HELP = `Capabilities (--capabilities FILE, --census, --custom-capabilities under Input):
  a file has one row per (municipality or actor, capability): municipality
  or actor, capability, status (yes, no, planned; ja, nej, planerad),
  optional since, until, source. Standard capabilities: action_plan,
  coordinator, situation_picture, police_agreement, exit_support,
  relatives_support, religious_dialogue, civil_society_partnership,
  regional_network. Real, partial evidence: data/examples/capabilities
  (absence is unknown); the demo dataset's are synthetic.`;

const COMMON = { ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...ROWS_OPTIONS };
const COMMON_HELP = `${CAPABILITY_HELP}\n\n${INPUT_HELP}\n\n${OUTPUT_HELP}\n\n${ROWS_HELP}`;

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
 * capabilities, subject and `municipalities` the municipality.
 */
export function capabilityGapsAsGapRows(net: CooperationNetwork, caps: CapabilitySet): { severity: 1 | 2 | 3; level: string; type: 'capability'; kind: string; county: string; subject: string; name: string; reason: string; municipalities: string[] }[] {
  return capabilityGaps(net, caps).map((g) => {
    const severity = GAP_SEVERITY[g.severity];
    return { severity, level: GAP_LEVEL[severity], type: 'capability' as const, kind: g.capabilities.join(';'), county: g.county, subject: g.municipality, name: g.name, reason: g.reason, municipalities: [g.municipality] };
  });
}

/** `--only`'s capabilities, each known to the vocabulary (else bad usage naming the flag). */
function onlyCodes(caps: CapabilitySet, only: readonly string[]): string[] {
  for (const word of only) {
    if (caps.vocabulary.codeOf(word) === undefined) throw new UsageError(`--only: unknown capability ${JSON.stringify(word)}`, `capabilities: ${caps.vocabulary.codes.join(', ')}`);
  }
  return [...only];
}

/** The network and its capability records (the flag's, else the dataset's), or bad usage naming the flag. */
function loadWithCapabilities(values: ParsedArgs['values'], io: CliIO, command: string): { net: CooperationNetwork; caps: CapabilitySet } {
  const input = loadInput(values, io, 'use');
  announce(input.description, values, io);
  if (!input.capabilities) throw new UsageError(`samverkan ${command} needs --capabilities FILE`, 'for example: --capabilities data/examples/capabilities/capabilities.csv');
  noteCapabilities(input, io);
  return { net: input.net, caps: input.capabilities };
}

export const capabilitiesCommand: Command = {
  name: 'capabilities',
  summary: 'what each county and municipality can do: action plan, coordinator … (yes, planned, no, unknown)',
  options: { ...COMMON, by: { type: 'string' }, only: { type: 'string' } },
  help: `samverkan capabilities --capabilities FILE [options]

Coverage of each capability per county: the municipalities that have it
(yes), are setting it up (planned), lack it (no) and those nothing is known
of (unknown), as counts, shares and population shares, then the whole
scope (county total). Unknown is never counted as no unless --census.

Options:
  --by WHAT           county (default) or municipality (each one's state)
  --only LIST         only these capabilities

${COMMON_HELP}

Example:
  samverkan capabilities --actors data/examples/capabilities/actors.csv --links data/examples/capabilities/links.csv --capabilities data/examples/capabilities/capabilities.csv --geography sweden`,
  run({ values }, io) {
    const { net, caps } = loadWithCapabilities(values, io, 'capabilities');
    const by = choiceOption(values, 'by', ['county', 'municipality'] as const) ?? 'county';
    const only = listOption(values, 'only');
    const options = only ? { capabilityCodes: onlyCodes(caps, only) } : {};
    printRows(by === 'municipality' ? capabilitiesByMunicipality(net, caps, options) : capabilityCoverage(net, caps, options), values, io);
    return 0;
  },
};

export const reachCommand: Command = {
  name: 'reach',
  summary: 'competence reach: the nearest municipality or actor with each capability a municipality lacks',
  options: { ...COMMON, only: { type: 'string' }, 'include-held': { type: 'boolean' } },
  help: `samverkan reach --capabilities FILE [options]

For every municipality in scope and every capability it does not have
(no, planned or unknown, shown apart), the nearest municipality or actor
that has it: first a network it is a member of (an actor it is linked to,
such as a regional competence network), then by border steps, then km;
whether or not they already cooperate.

Options:
  --only LIST         only these capabilities (e.g. relatives_support)
  --include-held      also the capabilities a municipality has (the nearest other source)

${COMMON_HELP}

Example:
  samverkan reach --capabilities caps.csv --only coordinator --county Värmland`,
  run({ values }, io) {
    const { net, caps } = loadWithCapabilities(values, io, 'reach');
    const only = listOption(values, 'only');
    printRows(competenceReach(net, caps, { ...(only && { capabilityCodes: onlyCodes(caps, only) }), includeHeld: values['include-held'] === true }), values, io);
    return 0;
  },
};

export const capabilityGapsCommand: Command = {
  name: 'capability-gaps',
  summary: 'municipalities that lack capabilities, with the nearest help, most severe first',
  options: { ...COMMON, only: { type: 'string' }, 'radius-km': { type: 'string' }, lang: { type: 'string' } },
  help: `samverkan capability-gaps --capabilities FILE [options]

Municipalities that lack capabilities where the data says no (or every
municipality without a row, with --census), apart from the link gaps of
samverkan gaps. Severity: high when no municipality or actor within the
radius (or network it is a member of) has any of them, medium when some,
low when all; the reason names the nearest that has them all.

Options:
  --only LIST         only these capabilities
  --radius-km N       what counts as nearby (default 60)
  --lang sv|en        language of the reasons (default en)

${COMMON_HELP}

Example:
  samverkan capability-gaps --capabilities caps.csv --census --radius-km 60`,
  run({ values }, io) {
    const { net, caps } = loadWithCapabilities(values, io, 'capability-gaps');
    const only = listOption(values, 'only');
    const radius = numberOption(values, 'radius-km');
    if (radius !== undefined && !(radius > 0)) throw new UsageError(`--radius-km must be above 0, got ${radius}`);
    const lang = choiceOption(values, 'lang', ['en', 'sv'] as const);
    printRows(capabilityGaps(net, caps, { ...(only && { capabilityCodes: onlyCodes(caps, only) }), ...(radius !== undefined && { radiusKm: radius }), ...(lang && { lang }) }), values, io);
    return 0;
  },
};
