/**
 * Copies the Swedish reference data from the workspace's shared folder
 * (`../shared/data/sweden`, see its SOURCES.md) into `data/sweden/`, adding
 * one derived column: `island` (true when a municipality has no border pair).
 * Run once when the shared data changes: `npx tsx scripts/import-shared-data.ts [from]`.
 * The output is committed; CI never runs this.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const from = process.argv[2] ?? join('..', 'shared', 'data', 'sweden');
const to = join('data', 'sweden');

for (const file of ['counties.csv', 'adjacency.csv', 'police_regions.csv', 'cooperations.csv', 'cooperation_bodies.csv', 'municipalities.geojson']) {
  copyFileSync(join(from, file), join(to, file));
}

const bordered = new Set<string>();
for (const line of readFileSync(join(from, 'adjacency.csv'), 'utf8').trim().split(/\r?\n/).slice(1)) {
  const [a, b] = line.split(',');
  bordered.add(a!);
  bordered.add(b!);
}
const lines = readFileSync(join(from, 'municipalities.csv'), 'utf8').trim().split(/\r?\n/);
const out = [`${lines[0]},island`, ...lines.slice(1).map((l) => `${l},${bordered.has(l.split(',')[0]!) ? 'false' : 'true'}`)];
writeFileSync(join(to, 'municipalities.csv'), out.join('\n') + '\n');
console.log(`wrote ${to}: ${out.length - 1} municipalities, ${out.filter((l) => l.endsWith(',true')).length} islands`);
