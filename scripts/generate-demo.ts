/**
 * Generates the synthetic demonstration dataset `data/examples/sweden-demo/`:
 * `actors.csv`, `links.csv`, `capabilities.csv`, `design.json` (what was
 * deliberately left out, so analyses can be tested against it) and
 * `README.md` (rendered from the design and the model parameters, so it
 * cannot go stale). Then re-embeds the CSVs into
 * `src/countries/sweden/demo-data.ts` by running `scripts/embed-data.ts`.
 *
 *   npx tsx scripts/generate-demo.ts                 # seed 2026, writes data/examples/sweden-demo/
 *   npx tsx scripts/generate-demo.ts --seed 7 --out /tmp/demo --no-embed
 *
 * The generator is the library's (`generateDemoNetwork` and `demoFiles`,
 * `src/synthetic/demo/`), run on the embedded Swedish geography with
 * Sweden's words (`SWEDEN_DEMO_WORDS`, `src/countries/sweden/demo-words.ts`);
 * this script is its command line and the dataset's README. Everything is
 * driven by the seed: the same seed gives byte-identical files on every
 * platform (no clock, no Math.random, no locale-dependent sorting).
 *
 * Only the authorities are real (the 7 police regions, the 21 county
 * administrative boards and the 21 regions, with names derived from the
 * county names). Every local actor, every joint body and every link is
 * invented.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { countyStem, SWEDEN_DEMO_WORDS } from '../src/countries/sweden/demo-words.js';
import { swedenGeography } from '../src/io/sweden.js';
import { cmp } from '../src/model/geography.js';
import { POLICE_REGIONS_SINCE, SMALL_POPULATION } from '../src/synthetic/shape.js';
import { demoFiles, type DemoDesign, type DemoFiles } from '../src/synthetic/demo/files.js';
import {
  BORDER_STEP_FACTOR_FAR,
  BORDER_STEP_FACTORS,
  CROSS_COUNTY_FACTOR,
  DEMO_DATA_DATE,
  DISTANCE_DECAY_KM,
  ESTABLISHED_TIES,
  generateDemoNetwork,
  JOINT_BODY_SIZE,
  MEDIAN_MIN_MUNICIPALITIES,
  NEW_TIES,
  OWN_ACTOR_LINK_PROBABILITY,
  SNAPSHOT_DATES,
  type DemoPlace as Place,
} from '../src/synthetic/demo/network.js';
import { LACKING_CAPABILITIES, SYNTHETIC_CAPABILITY_CALIBRATION } from '../src/synthetic/capabilities.js';

export type { DemoDesign };

/** The default seed; the committed files are made with it. */
export const DEMO_SEED = 2026;

export interface DemoOutput extends DemoFiles {
  /** The dataset's README.md, rendered from `design` by {@link renderDemoReadme}. */
  readme: string;
}

/**
 * Generate the demonstration dataset: the library's demo generator on the
 * embedded Swedish geography with Sweden's words, and its README. Pure: the
 * result depends on `seed` only.
 */
export function generateDemo(seed = DEMO_SEED): DemoOutput {
  const net = generateDemoNetwork(swedenGeography(), SWEDEN_DEMO_WORDS, seed);
  const files = demoFiles(net, `npx tsx scripts/generate-demo.ts${seed === DEMO_SEED ? '' : ` --seed ${seed}`}`);
  return { ...files, readme: renderDemoReadme(files.design) };
}

// ---------------------------------------------------------------- README

/** `1999` → `1,999`, `0.75` → `0.75` (no locale, so the same everywhere). */
function formatNumber(x: number): string {
  const [whole, fraction] = String(x).split('.');
  return whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
}

/** `a`, `a and b`, `a, b and c`. */
function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Joins words that {@link wrap} must keep on one line; it becomes a space. */
const GLUE = '\u0000';
const unbroken = (text: string) => text.replace(/ /g, GLUE);
const placeText = (p: Place) => unbroken(`${p.name} ${p.code}`);

/**
 * Wrap a Markdown paragraph (or list item) at `width` columns. Code spans and
 * {@link unbroken} text (a municipality's name and code) are never broken,
 * and no line starts with a token that Markdown would read as a list marker
 * or heading.
 */
function wrap(text: string, first = '', rest = first, width = 95): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const token of text.match(/(?:`[^`]*`|[^\s`])+/g) ?? []) {
    const risky = /^(?:[-+*>]|#{1,6}|\d+[.)])$/.test(token);
    if (!empty && line.length + 1 + token.length > width && !risky) {
      lines.push(line);
      line = rest + token;
    } else line += (empty ? '' : ' ') + token;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n').replaceAll(GLUE, ' ');
}

const bullet = (text: string) => wrap(text, '- ', '  ');

/** Counts by kind, largest first: "1,207 `civil_society`, 731 `religious`". */
function countsByKind(counts: Record<string, number>, notes: Record<string, string> = {}): string {
  return Object.entries(counts)
    .sort((p, q) => q[1] - p[1] || cmp(p[0], q[0]))
    .map(([kind, n]) => `${formatNumber(n)} \`${kind}\`${notes[kind] ? ` (${notes[kind]})` : ''}`)
    .join(', ');
}

/**
 * The dataset's README.md, rendered from what the generator made (`design`)
 * and from the model parameters the generator uses. Pure.
 */
export function renderDemoReadme(design: DemoDesign): string {
  const c = design.counts;
  const gaps = design.gaps;
  const code = (x: string) => `\`${x}\``;
  const stem = countyStem;
  const years = (range: { from: string; to: string }) => `${range.from.slice(0, 4)}–${range.to.slice(0, 4)}`;
  const ex = design.exampleNames;

  const out: string[] = [];
  const para = (text: string) => out.push(wrap(text), '');

  out.push('# sweden-demo: a synthetic demonstration dataset', '');
  out.push('<!-- Generated by scripts/generate-demo.ts (renderDemoReadme) from design.json. Do not edit: run npx tsx scripts/generate-demo.ts -->', '');
  para(
    `**This dataset is synthetic. It is not real cooperation data.** Only the names of the authorities are real: ` +
      `the ${c.policeRegions} police regions, the ${c.countyAdministrativeBoards} county administrative boards (länsstyrelser) and the ${c.regions} regions ` +
      '(their names are derived from the county names, so a few differ from the official ones, e.g. `Region Västra Götaland` for ' +
      'Västra Götalandsregionen and `Region Jämtland` for Region Jämtland Härjedalen). Every religious community, civil-society ' +
      `organisation and joint body is invented and has a generic name (${code(ex.religious)}, ${code(ex.civilSociety)}, ${code(ex.jointBody)}). ` +
      '**No link describes a real cooperation**, and none says anything about a real municipality, authority or organisation.',
  );
  para(
    `The municipalities (all ${formatNumber(c.municipalities)}, with real codes, names, populations, centroids and borders) come ` +
      "from samverkan's embedded geography (`data/sweden/`), not from these files.",
  );
  para('Use it to try samverkan and to test analyses:');
  out.push('```ts', "import { demoDataset, loadNetwork } from 'samverkan';", 'const net = loadNetwork(demoDataset());', '```', '');

  out.push('## Files', '');
  out.push(
    '| File | What |',
    '| --- | --- |',
    `| \`actors.csv\` | ${formatNumber(c.actorRows)} actors other than municipalities |`,
    `| \`links.csv\` | ${formatNumber(c.linkRows)} links |`,
    `| \`capabilities.csv\` | ${formatNumber(design.capabilities.rows)} synthetic capability records (action plan, coordinator, …; see below) |`,
    '| `design.json` | the seed, the counts, and the deliberate gaps (below), with their definitions |',
    '',
  );
  para(
    'All files are UTF-8 without BOM, LF line ends. The CSVs are comma-separated and quote a field only when it needs it ' +
      (c.quotedCsvFields === 0 ? '(none does at present).' : `(${formatNumber(c.quotedCsvFields)} ${c.quotedCsvFields === 1 ? 'does' : 'do'} at present).`),
  );

  const actorKindNotes: Record<string, string> = { authority: 'police regions, länsstyrelser', county: 'regions' };
  out.push('### actors.csv', '');
  out.push(
    '| Column | Meaning |',
    '| --- | --- |',
    '| `id` | Unique id: `polis-<region>`, `lst-<county code>`, `region-<county code>`, `rel-<municipality code>-<n>`, `cs-<municipality code>-<n>`, `jb-<county code>-<n>`, `jb-x-1` (across a county border) |',
    '| `name` | Display name (see above: generic names for everything synthetic) |',
    `| \`kind\` | ${Object.keys(c.actorsByKind)
      .map((k) => `${code(k)}${actorKindNotes[k] ? ` (${actorKindNotes[k]})` : ''}`)
      .join(', ')} |`,
    '| `municipality` | Municipality code of a local actor; empty for regional actors |',
    '| `county` | County code of a länsstyrelse, a region or a joint body within one county; empty for police regions and the cross-border body (and for local actors: the loader derives it from the municipality) |',
    '| `counties` | Extra attribute: the counties a police region covers, or the cross-border body spans, `;`-separated |',
    `| \`focus\` | Extra attribute: ${design.focusValues.map(code).join(', ')} |`,
    '| `founded` | Extra attribute: year a local actor or joint body was founded (synthetic) |',
    '',
  );
  para(
    `Actors by kind: ${countsByKind(c.actorsByKind, {
      authority: `${c.policeRegions} police regions + ${c.countyAdministrativeBoards} länsstyrelser`,
      county: 'regions',
    })}.`,
  );

  const endedKinds = Object.keys(c.endedLinksByKind);
  out.push('### links.csv', '');
  out.push(
    '| Column | Meaning |',
    '| --- | --- |',
    '| `source`, `target` | Actor ids, or municipality codes (four digits) for municipalities |',
    `| \`kind\` | ${Object.keys(c.linksByKind).map(code).join(', ')} |`,
    `| \`weight\` | Tie strength, a positive number (${formatNumber(c.weight.min)} to ${formatNumber(c.weight.max)}; ${formatNumber(c.weight.nonInteger)} are non-integer) |`,
    `| \`since\` | Start date, \`YYYY-MM-DD\`; empty for ${formatNumber(c.undatedLinks)} undated long-standing links |`,
    `| \`until\` | End date of an ended project (${formatNumber(c.endedLinks)} links, ${
      endedKinds.length === 1 ? `all of kind ${code(endedKinds[0]!)}` : `of kinds ${countsByKind(c.endedLinksByKind)}`
    }); empty when running |`,
    '',
  );
  const [firstSnapshot, ...laterSnapshots] = c.activeLinks;
  para(
    `Links by kind: ${countsByKind(c.linksByKind)}. Some pairs have more than one link (for example, an agreement and a later ` +
      'project); the loader counts these as `merged` and adds up their weights. ' +
      `No date is later than ${design.dataDate}, and no link to a police region starts before ${POLICE_REGIONS_SINCE}, when the regions were formed. ` +
      (firstSnapshot === undefined
        ? ''
        : `So \`net.asOf(date)\` gives meaningful snapshots: ${formatNumber(firstSnapshot.links)} links are active on ${firstSnapshot.date}` +
          laterSnapshots.map((s) => `, ${formatNumber(s.links)} on ${s.date}`).join('') +
          '.'),
  );

  out.push('## How it was generated', '');
  out.push(
    '```sh',
    `npx tsx scripts/generate-demo.ts              # seed ${DEMO_SEED}: writes this folder, then runs scripts/embed-data.ts`,
    'npx tsx scripts/generate-demo.ts --seed 7 --out /tmp/demo --no-embed',
    '```',
    '',
  );
  para(
    '`generateDemo(seed)` in `scripts/generate-demo.ts` is a pure function of the seed and the embedded geography. ' +
      "It uses samverkan's seeded RNG (`createRng`), so the same seed gives byte-identical files. " +
      'This README is rendered by the same run (`renderDemoReadme`), from the design it records and the model parameters it uses. ' +
      '`test/io/demo.test.ts` checks that the committed files equal its output, and checks the numbers and names in this README against the loaded network. ' +
      'The generator also checks its own output against the design and throws if a gap does not hold.',
  );
  para('The model, in short:');

  const la = c.localActors;
  const own = OWN_ACTOR_LINK_PROBABILITY;
  const [step1, step2, step3] = BORDER_STEP_FACTORS;
  const body = JOINT_BODY_SIZE;
  const across = c.jointBodies.acrossCounties.map((b) => {
    const names = b.counties.map((x) => stem(x.name));
    return names.length === 2 ? `one across the ${names.join('–')} border` : `one across the borders of ${listOf(names)}`;
  });
  out.push(
    bullet(
      '**Local actors**: each municipality has at least one religious community and one civil-society organisation, and more ' +
        'with larger population (about `a + b·ln(population)`, so the number grows sublinearly: ' +
        `${la.largestMunicipality.name}, the largest municipality, has ${la.largestMunicipality.localActors}, and ${la.smallestMunicipality.name}, ` +
        `the smallest, has ${la.smallestMunicipality.localActors}; the range is ${la.min} to ${la.max}).`,
    ),
    bullet(
      `**Municipality and own actors**: each local actor is linked to its municipality with probability ${own.min}–${own.max}, rising with population. ` +
        'Religious communities get `dialogue` or `agreement`; civil-society organisations get `agreement`, `project` or `network`. ' +
        'Local actors cooperate with each other inside a municipality (`network`, `project`). ' +
        'Some hold a `dialogue` with the police region or run a `project` with the länsstyrelse.',
    ),
    bullet(
      '**Municipality and authorities**: an `agreement` with its police region, a `network` (and sometimes a `project`) with its ' +
        'länsstyrelse, and an `agreement` with its region. Each is more likely in larger municipalities. ' +
        'The authorities of a county are linked to each other.',
    ),
    bullet(
      `**Municipality and municipality**: the probability of a tie falls with distance (×e^(−km/${DISTANCE_DECAY_KM})) and border steps ` +
        `(${step1} for bordering pairs, ${step2} at two steps, ${step3} at three). It is higher between municipalities of different size ` +
        `(a small one with a regional centre) and ${CROSS_COUNTY_FACTOR} times as high across a county border. ` +
        `Ties from ${years(ESTABLISHED_TIES)} come first. Ties from ${years(NEW_TIES)} are then added, and they are far more likely ` +
        `between municipalities that already shared a partner (triadic closure), so \`asOf('${ESTABLISHED_TIES.to}')\` holds structure ` +
        'that predicts the later ties. Every municipality outside the gaps gets at least one tie, and every county except the one ' +
        'in the gaps gets at least one tie across its border.',
    ),
    bullet(
      '**Across municipal borders**: some tied pairs, and a few bordering pairs, also have a link between their local actors ' +
        '(e.g. a civil-society group in one municipality with a religious community in the next). ' +
        'This also ties the two municipalities in `municipalityProjection()`.',
    ),
    bullet(
      `**Joint bodies**: ${c.jointBodies.withinCounty} multi-municipality associations within a county (${body.min}–${body.max} neighbouring ` +
        'members, sometimes also the police region, the länsstyrelse and a few local organisations)' +
        (across.length === 0 ? '' : `, and ${listOf(across)}`) +
        '. Members of one body are tied to each other in `municipalityProjection()`.',
    ),
    '',
  );
  para(
    `Counted in \`municipalityProjection()\` with default options, there are ${formatNumber(c.municipalityTies)} municipality pairs ` +
      `that cooperate; ${formatNumber(c.municipalityTiesWithinCounty)} of them ` +
      `(${Math.round((100 * c.municipalityTiesWithinCounty) / c.municipalityTies)}%) are within one county.`,
  );

  out.push('## Deliberate gaps', '');
  para(
    'These are recorded in `design.json` (`gaps`, with exact `definitions`). They hold for the full network, with all links, ' +
      'ended ones included. Earlier snapshots (`asOf`) may have more gaps. Apart from these, every municipality has links, ' +
      'has at least one tie to another municipality, and has a partner of each of the kinds religious and civil society. ' +
      'Every county also has a tie across its border.',
  );

  const weak = gaps.weakCounties;
  const missing = (kind: 'religious' | 'civil_society', label: string) => {
    const list = gaps.missingPartnerKind.filter((p) => p.missing === kind);
    return list.length === 0 ? [] : [`no ${label} partner in ${listOf(list.map(placeText))}`];
  };
  const hubs = gaps.bridges.map((b) => b.hub.name);
  out.push(
    bullet(
      `**Isolated municipalities** (no links at all, and neither do their local actors): ${listOf(gaps.isolated.map(placeText))}. ` +
        `All have fewer than ${formatNumber(SMALL_POPULATION)} inhabitants.`,
    ),
    bullet(
      `**Weak coverage**: ${listOf(weak.map((w) => unbroken(`${w.name} (${w.county})`)))}. ` +
        `${weak.length === 1 ? 'It has' : 'They have'} ${listOf(weak.map((w) => formatNumber(w.tiesPerMunicipality)))} within-county ties ` +
        `per municipality, against a median of ${formatNumber(weak[0]?.medianOtherCounties ?? 0)} in the other counties with at least ` +
        `${MEDIAN_MIN_MUNICIPALITIES} municipalities. These municipalities have no cross-municipal link at all (they keep their local ` +
        `and authority partners): ${weak.map((w) => `${listOf(w.withoutCrossMunicipalLinks.map(placeText))} in ${stem(w.name)}`).join('; ')}.`,
    ),
    bullet(
      `**A county with no cross-county link**: ${unbroken(`${gaps.noCrossCountyLinks.name} (${gaps.noCrossCountyLinks.county})`)}. ` +
        'No link joins one of its actors to an actor of another county, and no joint body spans its border.',
    ),
    bullet(
      '**Missing partner kind** (the municipality has such actors, but is linked to none of them): ' +
        `${[...missing('religious', 'religious'), ...missing('civil_society', 'civil-society')].join('; ')}.`,
    ),
    bullet(
      '**Bridges**: in `municipalityProjection()` (either `endpoints` option), ' +
        gaps.bridges
          .map((b, i) => {
            const deps = listOf(b.dependents.map(placeText));
            const verb = i > 0 ? '' : b.dependents.length === 1 ? 'is tied ' : 'are tied ';
            return `${deps} ${verb}only to ${placeText(b.hub)}`;
          })
          .reduce((text, part, i, all) => (i === 0 ? part : `${text}${i === all.length - 1 ? ', and ' : ', '}${part}`), '') +
        `. So ${listOf(hubs)} ${hubs.length === 1 ? 'is an articulation point' : 'are articulation points'}. ` +
        '(Other articulation points also arise by chance.)',
    ),
    '',
  );

  const caps = design.capabilities;
  const stateCount = (capability: string) => caps.counts.find((x) => x.capability === capability)!;
  const plan = stateCount('action_plan');
  out.push('## Capabilities (synthetic)', '');
  para(
    `**\`capabilities.csv\` is synthetic too: no record says anything about what a real municipality does.** Every record's ` +
      `\`source\` reads ${code(caps.source)}. It holds, per municipality, the state of each standard capability ` +
      '(`yes`, `no`, `planned`, with a `since` date), and for the regional competence networks their own. ' +
      `It is made by \`syntheticCapabilities\` (\`src/synthetic/capabilities.ts\`) and loaded with the demo by default ` +
      '(`samverkan … --dataset demo`, `npm start`); `loadCapabilities(demoCapabilities(), net)` reads it in code.',
  );
  para(
    'It is calibrated to the national figures in `data/sweden/capability_national_figures.csv` where there are figures, ' +
      'and to plausible shares where there are none (marked as assumptions). The counts are of all ' +
      `${formatNumber(design.counts.municipalities)} municipalities on ${caps.dataDate}; larger municipalities have each capability more often, ` +
      `so ${formatNumber(plan.yes)} (${Math.round((100 * plan.yes) / design.counts.municipalities)} %) have an action plan, about half.`,
  );
  out.push('| Capability | yes | planned | no | unknown | Calibrated to |', '| --- | ---: | ---: | ---: | ---: | --- |');
  for (const c of caps.counts) out.push(`| \`${c.capability}\` | ${c.yes} | ${c.planned} | ${c.no} | ${c.unknown} | ${c.basis} |`);
  out.push('');
  const timelines = SYNTHETIC_CAPABILITY_CALIBRATION.filter((c) => c.timeline.length > 0);
  out.push(
    bullet(
      '**Dates**: ' +
        timelines
          .map((c) => `\`${c.capability}\` is had by ${listOf(c.timeline.map((p, i) => `${Math.round(p.share * design.counts.municipalities)}${i === 0 ? ' municipalities' : ''} by ${p.date}`))}`)
          .join('; ') +
        '; the others between their first date and the data date. A municipality that still lacked a capability at the survey ' +
        'also has a `no` record from then, so `asOf` an earlier date shows what was stated then.',
    ),
    bullet(
      `**Unknown is not no**: ${formatNumber(caps.nonRespondents.length)} municipalities (smaller ones more often) have no record at all, ` +
        `so every analysis shows them as unknown, never as lacking: ${listOf(caps.nonRespondents.map(placeText))}.`,
    ),
    bullet(
      `**Small municipalities without, next to one with**: ${listOf(caps.lackingWhileNeighbourHas.map((l) => `${placeText(l.municipality)} (next to ${placeText(l.neighbour)})`))} ` +
        `lack ${listOf(LACKING_CAPABILITIES.map(code))} while the bordering municipality has both.`,
    ),
    bullet(
      `**Regional competence networks**: the joint bodies against violence, ${listOf(caps.networks.map((x) => `${code(x.id)} (${x.members} members)`))}, ` +
        'have `regional_network` and a regional `coordinator` themselves; their member municipalities have `regional_network` ' +
        'from their membership, the other respondents lack it. For `regional_network` the source a municipality can turn to is the network.',
    ),
  );
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- main

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;

if (isMain) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const seed = Number(option('--seed') ?? DEMO_SEED);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const out = resolve(option('--out') ?? join(root, 'data', 'examples', 'sweden-demo'));
  const { actorsCsv, linksCsv, capabilitiesCsv, designJson, design, readme } = generateDemo(seed);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'actors.csv'), actorsCsv);
  writeFileSync(join(out, 'links.csv'), linksCsv);
  writeFileSync(join(out, 'capabilities.csv'), capabilitiesCsv);
  writeFileSync(join(out, 'design.json'), designJson);
  writeFileSync(join(out, 'README.md'), readme);
  console.log(`wrote ${out}: ${design.counts.actorRows} actors, ${design.counts.linkRows} links, ${design.capabilities.rows} synthetic capability records (seed ${seed})`);
  if (args.includes('--no-embed') || out !== join(root, 'data', 'examples', 'sweden-demo')) {
    console.log('not embedding; to embed the committed dataset run: npx tsx scripts/embed-data.ts');
  } else {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join('scripts', 'embed-data.ts')], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error('embedding failed; run: npx tsx scripts/embed-data.ts');
      process.exitCode = 1;
    }
  }
}
