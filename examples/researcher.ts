/**
 * A researcher's benchmark: evaluate samverkan's recommender against classic
 * link-prediction baselines on a dataset, and print the comparison table.
 *
 *   npx tsx examples/researcher.ts                 # the real cooperation bodies and the demo
 *   npx tsx examples/researcher.ts network.graphml # your own network (GEXF, GraphML or JSON)
 */
import { demoDataset, evaluateRecommender, formatTextTable, loadNetwork, swedenCooperationBodies, type CooperationNetwork } from 'samverkan';

const file = process.argv[2];
const datasets: [string, CooperationNetwork][] = file
  ? [[file, loadNetwork({ graph: file })]]
  : [
      ['real cooperation bodies (data/sweden)', loadNetwork(swedenCooperationBodies())],
      ['demo (synthetic)', loadNetwork(demoDataset())],
    ];

for (const [name, net] of datasets) {
  // Hide 20% of the municipality ties, 5 times with seeds 1..5, and rank the candidates.
  const rows = evaluateRecommender(net, { repeats: 5, fraction: 0.2, seed: 1, k: 5 });
  const table = rows.map((r) => ({
    method: r.method,
    AUC: `${r.auc.toFixed(3)} ± ${(r.aucSd ?? 0).toFixed(3)}`,
    'precision@5': `${r.precisionAtK.toFixed(3)} ± ${(r.precisionAtKSd ?? 0).toFixed(3)}`,
    'recall@5': `${r.recallAtK.toFixed(3)} ± ${(r.recallAtKSd ?? 0).toFixed(3)}`,
    MRR: `${r.mrr.toFixed(3)} ± ${(r.mrrSd ?? 0).toFixed(3)}`,
  }));
  console.log(`\n${name}: ${rows[0]!.positives.toFixed(0)} hidden ties per repeat, ${rows[0]!.negatives} candidate non-ties\n`);
  process.stdout.write(formatTextTable(table));
  const best = rows.filter((r) => r.method !== 'samverkan').sort((a, b) => b.auc - a.auc)[0]!;
  console.log(`samverkan AUC ${rows[0]!.auc.toFixed(3)} vs best baseline (${best.method}) ${best.auc.toFixed(3)}`);
}
