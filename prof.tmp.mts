import { loadNetwork, demoDataset, findGaps } from '/work/main/src/index.ts';
import { renderCountyMap } from '/work/main/src/report.ts';
const d = demoDataset();
const net = loadNetwork(demoDataset() as any);
console.time('gaps'); const gaps = findGaps(net); console.timeEnd('gaps');
const counties = net.geography.counties.map((c: any) => c.code);
for (const c of counties.slice(0, 5)) { console.time('county ' + c); renderCountyMap(net, { county: c, gaps }); console.timeEnd('county ' + c); }
