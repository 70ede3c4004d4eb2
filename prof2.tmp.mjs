import { loadNetwork, demoDataset, findGaps } from './dist/index.js';
import { renderCountyMap } from './dist/report.js';
const net = loadNetwork(demoDataset());
const gaps = findGaps(net);
const counties = net.geography.counties.map((c) => c.code);
let t=performance.now();
for (const c of counties) renderCountyMap(net, { county: c, gaps });
console.log('all counties', performance.now()-t);
