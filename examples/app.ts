/**
 * An app embedding recommendations: the function a web service would call
 * for "which municipalities should we cooperate with next?", with input
 * validation and the reasons shown to the user.
 *
 *   npx tsx examples/app.ts            # answers a few sample requests
 *   npx tsx examples/app.ts --serve    # also serves GET /suggestions?municipality=Vännäs on :8080
 */
import { createServer } from 'node:http';
import { z } from 'zod';
import { demoDataset, loadNetwork, recommendPartners } from 'samverkan';

// Load once at start-up; a network is immutable and safe to share between requests.
const network = loadNetwork(demoDataset());

const RequestSchema = z.strictObject({
  municipality: z.string().trim().min(1, 'say which municipality').max(80),
  limit: z.coerce.number().int().min(1).max(10).default(3),
});

export interface Suggestion {
  rank: number;
  partner: string;
  county: string;
  distanceKm: number;
  /** Sentences to show to the user. */
  why: string[];
}

export type Response =
  | { status: 200; body: { municipality: string; suggestions: Suggestion[] } }
  | { status: 400 | 404; body: { error: string } };

/** Validate a request (e.g. a parsed query string) and answer it. Never throws. */
export function suggestPartners(query: unknown): Response {
  const parsed = RequestSchema.safeParse(query);
  if (!parsed.success) return { status: 400, body: { error: parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ') } };
  const municipality = network.municipality(parsed.data.municipality);
  if (!municipality) return { status: 404, body: { error: `no municipality called ${JSON.stringify(parsed.data.municipality)}` } };
  const rows = recommendPartners(network, municipality.code, { limit: parsed.data.limit });
  const countyName = (code: string) => network.county(code)?.name ?? code;
  return {
    status: 200,
    body: {
      municipality: municipality.name,
      suggestions: rows.map((r) => ({ rank: r.rank, partner: r.name, county: countyName(r.county), distanceKm: Math.round(r.distanceKm), why: r.reasons })),
    },
  };
}

for (const query of [{ municipality: 'Vännäs' }, { municipality: '0980', limit: '2' }, { municipality: 'Atlantis' }, { municipality: '' }]) {
  const response = suggestPartners(query);
  console.log(`${JSON.stringify(query)} → ${response.status}`);
  if (response.status === 200) {
    for (const s of response.body.suggestions) console.log(`  ${s.rank}. ${s.partner} (${s.county}, ${s.distanceKm} km): ${s.why.join('; ')}`);
  } else console.log(`  ${response.body.error}`);
}

if (process.argv.includes('--serve')) {
  createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const response = url.pathname === '/suggestions' ? suggestPartners(Object.fromEntries(url.searchParams)) : { status: 404 as const, body: { error: 'try /suggestions?municipality=Vännäs' } };
    res.writeHead(response.status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(response.body));
  }).listen(8080, () => console.log('listening on http://localhost:8080/suggestions?municipality=Vännäs'));
}
