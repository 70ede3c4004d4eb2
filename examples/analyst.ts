/**
 * An analyst's notebook, as a script: load a network, look at coverage per
 * county, find the top brokers between counties, and get a plot-ready array.
 *
 *   npx tsx examples/analyst.ts                                  # the demo data
 *   npx tsx examples/analyst.ts actors.csv links.csv             # your own files
 */
import { brokerage, coverageByCounty, demoDataset, findGaps, loadNetwork } from 'samverkan';
import { toCsv } from 'samverkan/format';

const [actorsFile, linksFile] = process.argv.slice(2);
const net = actorsFile && linksFile ? loadNetwork({ actors: actorsFile, links: linksFile }) : loadNetwork(demoDataset());

// 1. Coverage per county: a table to read, and a CSV to open in Excel.
const coverage = coverageByCounty(net);
console.table(
  coverage.map((c) => ({
    county: c.name,
    municipalities: c.municipalityCount,
    cooperating: `${Math.round(c.linkedShare * 100)}%`,
    'border pairs cooperating': c.borderPairShare === null ? '–' : `${Math.round(c.borderPairShare * 100)}%`,
    groups: c.componentCount,
  })),
);
const csv = toCsv(coverage, { delimiter: ';', bom: true }); // Swedish Excel: semicolons, decimal commas
console.log(`coverage.csv would have ${csv.split('\n').length - 2} rows and ${coverage.columns.length} columns`);

// 2. Who bridges counties: Gould–Fernandez liaisons and gatekeepers.
// (The role counts are null only on a plain graph, where no actor has a county.)
const bridges = (r: { liaison: number | null; gatekeeper: number | null }) => (r.liaison ?? 0) + (r.gatekeeper ?? 0);
const brokers = brokerage(net)
  .filter((r) => bridges(r) > 0)
  .sort((a, b) => bridges(b) - bridges(a))
  .slice(0, 10);
console.table(brokers.map(({ name, kind, county, liaison, gatekeeper, constraint }) => ({ name, kind, county, liaison, gatekeeper, constraint })));

// 3. The most serious gaps, in words.
for (const gap of findGaps(net).filter((g) => g.severity >= 4)) console.log(`[${gap.level}] ${gap.reason}`);

// 4. A plot-ready array (tidy rows: one record per county and partner kind),
//    e.g. for Observable Plot: Plot.barY(plotData, { x: 'county', y: 'share', fill: 'kind' }).
const plotData = coverage
  .filter((c) => c.county !== 'total')
  .flatMap((c) =>
    (['religious', 'civilSociety', 'authority'] as const).map((kind) => ({ county: c.name, kind, share: c[`${kind}Share`] ?? 0 })),
  );
console.log(`plotData: ${plotData.length} rows, e.g.`, plotData[0]);
