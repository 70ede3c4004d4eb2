import { resolve } from 'node:path';
import { capabilitiesByMunicipality, capabilityCoverage, capabilityGaps, competenceReach } from '../../analysis/capabilities.js';
import { loadCapabilities } from '../../io/capabilities.js';
import type { CapabilitySet } from '../../model/capabilities.js';
import { formatProblem } from '../../model/load-report.js';
import type { CooperationNetwork } from '../../model/network.js';
import { UsageError, type CliIO } from '../context.js';
import { INPUT_HELP, INPUT_OPTIONS, loadInput } from '../input.js';
import { OUTPUT_HELP, OUTPUT_OPTIONS } from '../output.js';
import { announce, choiceOption, listOption, numberOption, printRows, ROWS_HELP, ROWS_OPTIONS, type Command } from './shared.js';
import type { ParsedArgs } from '../context.js';

/** The flags every capability command reads its records with. */
export const CAPABILITY_OPTIONS = {
  capabilities: { type: 'string' },
  census: { type: 'boolean' },
  'custom-capabilities': { type: 'string' },
} as const;

export const CAPABILITY_HELP = `Capabilities:
  --capabilities FILE one row per (municipality or actor, capability):
                      municipality or actor, capability, status (yes, no,
                      planned; ja, nej, planerad), optional since, until,
                      source. Standard capabilities: action_plan,
                      coordinator, situation_picture, police_agreement,
                      exit_support, relatives_support, religious_dialogue,
                      civil_society_partnership, regional_network
  --census            the file is complete: a municipality without a row
                      lacks the capability (default: absence is unknown)
  --custom-capabilities LIST  capabilities of your own (codes)
  Real, partial evidence: data/examples/capabilities (absence is unknown).`;

const COMMON = { ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...ROWS_OPTIONS, ...CAPABILITY_OPTIONS };
const COMMON_HELP = `${CAPABILITY_HELP}\n\n${INPUT_HELP}\n\n${OUTPUT_HELP}\n\n${ROWS_HELP}`;

/** The capability records `--capabilities` names, read over `net` (strict unless --lenient), or undefined without the flag. */
export function loadCapabilityFlag(values: ParsedArgs['values'], net: CooperationNetwork, io: CliIO): CapabilitySet | undefined {
  const file = values.capabilities;
  if (file === undefined) {
    for (const flag of ['census', 'custom-capabilities']) if (values[flag] !== undefined) throw new UsageError(`--${flag} needs --capabilities FILE`);
    return undefined;
  }
  if (typeof file !== 'string') throw new UsageError('--capabilities needs a file');
  const custom = listOption(values, 'custom-capabilities');
  const caps = loadCapabilities({ path: resolve(io.cwd ?? process.cwd(), file), name: file }, net, {
    mode: values.lenient ? 'lenient' : 'strict',
    census: values.census === true,
    ...(custom && { custom }),
  });
  const report = caps.loadReport!.files[0]!;
  // Warnings (a Windows-1252 file, a repeated row with another source) are said, as the loader's are for actors and links.
  for (const p of caps.loadReport!.problems.filter((p) => p.severity === 'warning')) io.stderr.write(`samverkan: warning: ${formatProblem(p)}\n`);
  if (report.rejected > 0) io.stderr.write(`samverkan: ${report.rejected} of ${report.rows} capability rows rejected (--lenient); run without --lenient to see why\n`);
  return caps;
}

/** `--only`'s capabilities, each known to the vocabulary (else bad usage naming the flag). */
function onlyCodes(caps: CapabilitySet, only: readonly string[]): string[] {
  for (const word of only) {
    if (caps.vocabulary.codeOf(word) === undefined) throw new UsageError(`--only: unknown capability ${JSON.stringify(word)}`, `capabilities: ${caps.vocabulary.codes.join(', ')}`);
  }
  return [...only];
}

function requireCapabilities(values: ParsedArgs['values'], net: CooperationNetwork, io: CliIO, command: string): CapabilitySet {
  const caps = loadCapabilityFlag(values, net, io);
  if (!caps) throw new UsageError(`samverkan ${command} needs --capabilities FILE`, 'for example: --capabilities data/examples/capabilities/capabilities.csv');
  return caps;
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
    const { net, description } = loadInput(values, io);
    announce(description, values, io);
    const caps = requireCapabilities(values, net, io, 'capabilities');
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
    const { net, description } = loadInput(values, io);
    announce(description, values, io);
    const caps = requireCapabilities(values, net, io, 'reach');
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
    const { net, description } = loadInput(values, io);
    announce(description, values, io);
    const caps = requireCapabilities(values, net, io, 'capability-gaps');
    const only = listOption(values, 'only');
    const radius = numberOption(values, 'radius-km');
    if (radius !== undefined && !(radius > 0)) throw new UsageError(`--radius-km must be above 0, got ${radius}`);
    const lang = choiceOption(values, 'lang', ['en', 'sv'] as const);
    printRows(capabilityGaps(net, caps, { ...(only && { capabilityCodes: onlyCodes(caps, only) }), ...(radius !== undefined && { radiusKm: radius }), ...(lang && { lang }) }), values, io);
    return 0;
  },
};
