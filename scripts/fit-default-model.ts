/**
 * Fits the shipped recommender on the embedded real cooperation bodies and
 * writes `data/models/recommender-sweden.json` (then run
 * `npx tsx scripts/embed-data.ts`). Deterministic: the same data give a
 * byte-identical file.
 *
 *   npx tsx scripts/fit-default-model.ts          # rewrite the model file
 *   npx tsx scripts/fit-default-model.ts --check  # exit 1 if it is stale
 *
 * The model names its training data: the files and their SHA-256. λ is
 * chosen by 5-fold cross-validation grouped by body (see `fitRecommender`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadNetwork } from '../src/io/load-network.js';
import { swedenCooperationBodies } from '../src/io/sweden.js';
import { fitRecommender } from '../src/recommend/recommender-model.js';

const FILES = [
  'data/sweden/cooperation_bodies.csv',
  'data/sweden/cooperations.csv',
  'data/sweden/cooperation_body_dates.csv',
  'data/sweden/municipalities.csv',
  'data/sweden/adjacency.csv',
  'data/sweden/municipality_regions.csv',
];
const OUT = 'data/models/recommender-sweden.json';

const model = fitRecommender(loadNetwork(swedenCooperationBodies()), {
  id: 'sweden-bodies-2026',
  description:
    'Which municipalities a municipality chooses as partners in a new joint body, learned from 174 real Swedish inter-municipal bodies ' +
    '(fire-and-rescue associations, Finsam associations, joint committees, other kommunalförbund and sub-regional bodies): ' +
    'each body hidden in turn, each of its members asking for partners among the municipalities no other body ties it to.',
  dataset: 'swedenCooperationBodies() (data/sweden; see SOURCES.md): proposals left out, county-wide bodies neither ties nor cases',
  files: FILES.map((path) => ({ path, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') })),
});
const text = `${JSON.stringify(model, null, 2)}\n`;
if (process.argv.includes('--check')) {
  const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (current !== text) {
    console.error(`${OUT} is stale: run npx tsx scripts/fit-default-model.ts`);
    process.exitCode = 1;
  }
} else {
  mkdirSync('data/models', { recursive: true });
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}: λ ${model.default.l2} (default), ${model.field?.l2 ?? '–'} (field); ${model.default.cases} cases from ${model.trainedOn.groups} bodies`);
}
