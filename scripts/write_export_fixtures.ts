// Writes samverkan's exports of the tricky fixture network to
// test/fixtures/graphs/, for scripts/make_graph_fixtures.py to read back
// with NetworkX and igraph. Run: npx tsx scripts/write_export_fixtures.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureExports } from '../test/io/graph-fixture-network.js';

const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'graphs');
for (const [name, text] of Object.entries(fixtureExports())) {
  writeFileSync(join(dir, name), text);
  console.log(`wrote ${name}`);
}
