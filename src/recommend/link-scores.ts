import { z } from 'zod';
import { nodeKey } from '../model/keys.js';
import { sharedProjection, type CooperationNetwork } from '../model/network.js';
import { withColumns, type Rows } from '../model/table.js';
import { toCsr } from '../metrics/csr.js';
import { actorView } from '../analysis/view.js';
import { LINK_PREDICTION_METHODS, linkScores as linkScoresKernel, type LinkPredictionMethod } from '../metrics/link-prediction.js';
import { NetworkSchema, ViaSchema, parseOptions, said, saidIn } from '../model/options.js';
import { ArgumentError } from '../model/errors.js';

export const LinkScoresOptionsSchema = z.strictObject({
  /**
   * The graph: `'actors'` (default), the actor graph `net.graph` (every
   * actor, one edge per linked pair); `'municipalities'`, the municipality
   * projection (ties direct or through a shared body of a `via` kind), where
   * pairs must be municipalities.
   */
  network: NetworkSchema,
  /** Actor kinds through which members cooperate, for `network: 'municipalities'`. Default `['joint_body']`. */
  via: ViaSchema,
});
export type LinkScoresOptions = z.input<typeof LinkScoresOptionsSchema>;

export interface LinkScoreRow {
  /** Actor id (a municipality's id is its code). */
  source: string;
  target: string;
  method: LinkPredictionMethod;
  score: number;
}

/**
 * Classic link-prediction scores for pairs of actors, equal to NetworkX's on
 * the same graph: `common_neighbours` (`len(nx.common_neighbors)`),
 * `jaccard` (`nx.jaccard_coefficient`), `adamic_adar`
 * (`nx.adamic_adar_index`), `resource_allocation`
 * (`nx.resource_allocation_index`) and `preferential_attachment`
 * (`nx.preferential_attachment`); formulas and conventions in the kernel
 * `kernels.linkScores`.
 *
 * Computed on the actor graph by default: unweighted, one edge per pair of
 * linked actors whatever the number of links between them (so a
 * municipality's neighbours are all its partners: municipalities, religious
 * communities, bodies …). With `network: 'municipalities'`, on the
 * municipality projection.
 *
 * Ends are actor ids (any string, `__proto__` included); a municipality may
 * also be given by code without its leading zero or by unambiguous name. An
 * unknown end throws. One row per pair, in the order given; `source` and
 * `target` are the resolved actor ids.
 *
 * @example
 * linkScores(net, [['2480', '2460'], ['moske-umea', 'idrott-vannas']], 'adamic_adar');
 */
export function linkScores(
  net: CooperationNetwork,
  pairs: ReadonlyArray<readonly [string, string]>,
  method: LinkPredictionMethod,
  options: LinkScoresOptions = {},
): Rows<LinkScoreRow> {
  const o = parseOptions(LinkScoresOptionsSchema, options, 'linkScores', net);
  if (!LINK_PREDICTION_METHODS.includes(method)) throw new ArgumentError(saidIn('linkScores', said('errors.linkScores.unknownMethod', { value: JSON.stringify(method), methods: LINK_PREDICTION_METHODS.join(', ') })));
  const csr = o.network === 'actors' ? actorView(net).csr : toCsr(sharedProjection(net, { via: o.via }).graph);
  const resolve = (id: string): string => {
    if (net.hasActor(id) && (o.network === 'actors' || net.actor(id)!.kind === 'municipality')) return id;
    const m = net.municipality(id);
    if (m) return m.code;
    throw new ArgumentError(saidIn('linkScores', said(o.network === 'actors' ? 'errors.linkScores.unknownActor' : 'errors.linkScores.unknownMunicipality', { value: JSON.stringify(id) })));
  };
  const resolved = pairs.map(([a, b]) => [resolve(a), resolve(b)] as const);
  const scores = linkScoresKernel(
    csr,
    resolved.map(([a, b]) => [csr.index.get(nodeKey(a))!, csr.index.get(nodeKey(b))!] as const),
    method,
  );
  return withColumns(
    resolved.map(([source, target], i) => ({ source, target, method, score: scores[i]! })),
    ['source', 'target', 'method', 'score'],
  );
}
