/**
 * A small network with awkward ids and names, exported to
 * test/fixtures/graphs/samverkan-*.{gexf,graphml,json} by
 * scripts/write_export_fixtures.ts and read back by NetworkX and igraph in
 * scripts/make_graph_fixtures.py (the evidence is committed beside them).
 */
import { CooperationNetwork, swedenGeography, type Actor, type Geography } from '../../src/index.js';
import { exportNetwork } from '../../src/report/export.js';

/** Sweden cut down to Stockholm, Vännäs and Umeå (two counties), so fixtures stay small. */
export function miniGeography(): Geography {
  const sweden = swedenGeography();
  const codes = new Set(['0180', '2460', '2480']);
  return {
    name: 'Mini-Sverige',
    municipalities: sweden.municipalities.filter((m) => codes.has(m.code)),
    counties: sweden.counties.filter((c) => c.code === '01' || c.code === '24'),
    borders: sweden.borders.filter((b) => codes.has(b.a) && codes.has(b.b)),
  };
}

function own(entries: [string, string][]): Record<string, string> {
  const r: Record<string, string> = {};
  for (const [k, v] of entries) Object.defineProperty(r, k, { value: v, enumerable: true, writable: true, configurable: true });
  return r;
}

/** The tricky actors: prototype names as ids, markup and Swedish letters in names, an attribute called `__proto__`. */
export const TRICKY_ACTORS: Actor[] = [
  { id: '__proto__', name: `Förening <&"'> Åäö`, kind: 'civil_society', municipality: '2480', attributes: own([['__proto__', 'attribut-proto'], ['note', 'rad ett\nrad två\tflik']]) },
  { id: 'constructor', name: 'Församlingen i Vännäs', kind: 'religious', municipality: '2460' },
  { id: 'toString', name: 'Länsstyrelsen Västerbotten', kind: 'authority', county: '24', attributes: own([['founded', '1634']]) },
  { id: 'id med mellanslag & <tecken>', name: 'Räddningstjänst Norr', kind: 'joint_body' },
  { id: 'ctrl', name: 'Klocka\u0007namn', kind: 'other', attributes: own([['members', '-3']]) },
];

export function trickyNetwork(): CooperationNetwork {
  return CooperationNetwork.create({
    geography: miniGeography(),
    actors: TRICKY_ACTORS,
    links: [
      { source: '__proto__', target: '2480', weight: 2, kind: 'avtal' },
      { source: '2480', target: '__proto__', weight: 1.5, kind: 'dialog', since: '2021-05-01' },
      { source: 'constructor', target: '2460', weight: 1, kind: 'avtal', until: '2024-12-31' },
      { source: 'toString', target: '__proto__', weight: 0.25, since: '2020-01-01', attributes: own([['note', 'sagt & gjort']]) },
      { source: '2480', target: '2460', weight: 3, kind: 'samverkan' },
      { source: 'id med mellanslag & <tecken>', target: '2480', weight: 1 },
      { source: 'id med mellanslag & <tecken>', target: '2460', weight: 1 },
      { source: 'ctrl', target: 'toString', weight: 0.1 },
    ],
  });
}

/** The files scripts/write_export_fixtures.ts writes to test/fixtures/graphs/, by name. */
export function fixtureExports(): Record<string, string> {
  const net = trickyNetwork();
  const metrics = ['degree', 'betweenness', 'community'] as const;
  return {
    'samverkan-pairs.gexf': exportNetwork(net, { format: 'gexf', metrics: [...metrics] }),
    'samverkan-pairs.graphml': exportNetwork(net, { format: 'graphml', metrics: [...metrics] }),
    'samverkan-links.gexf': exportNetwork(net, { format: 'gexf', edges: 'links', metrics: false }),
    'samverkan-links.graphml': exportNetwork(net, { format: 'graphml', edges: 'links', metrics: false }),
    'samverkan-pairs.json': exportNetwork(net, { format: 'json', metrics: [...metrics] }),
  };
}
