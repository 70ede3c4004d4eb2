// The metric kernels: one algorithm per module, on the typed-array CSR view
// of a graph (see csr.ts). Exported from the package as `kernels`.
export { toCsr, inducedCsr, csrDegree, type Csr, type CsrOptions } from './csr.js';
export { createRng, shuffled, type Rng } from './random.js';
export { degreeCentrality, strength } from './degree.js';
export { betweennessCentrality, type BetweennessOptions } from './betweenness.js';
export { closenessCentrality, type ClosenessOptions } from './closeness.js';
export { harmonicCentrality, type HarmonicOptions } from './harmonic.js';
export { distanceCentralities, type DistanceCentralitiesOptions } from './distance-centralities.js';
export {
  pathCentralities,
  autoSamples,
  AUTO_EXACT_WORK,
  AUTO_MIN_SAMPLES,
  AUTO_WORKERS,
  AUTO_WORKERS_WORK,
  SMALL_COMPONENT,
  PATH_MEASURES,
  type PathCentralitiesOptions,
  type PathCentralities,
  type PathSampling,
  type PathMeasure,
} from './path-centralities.js';
export { eigenvectorCentrality, eigenvectorCentralityDetailed, type EigenvectorOptions } from './eigenvector.js';
export { pagerank, pagerankDetailed, type PagerankOptions } from './pagerank.js';
export type { PowerIterationResult } from './power-iteration.js';
export { linkScores, LINK_PREDICTION_METHODS, type LinkPredictionMethod } from './link-prediction.js';
export { burtConstraint, effectiveSize, type StructuralHoleOptions } from './structural-holes.js';
export { brokerageRoles, type BrokerageRoles, type BrokerageOptions as BrokerageRoleOptions } from './brokerage-roles.js';
export { connectedComponents, type ConnectedComponents } from './components.js';
export { articulationPoints, bridges, type ArticulationPoint, type ArticulationOptions as ArticulationKernelOptions } from './articulation.js';
export { coreNumbers } from './k-core.js';
export {
  louvainCommunities,
  modularity,
  renumberCommunities,
  communityCrosstab,
  type LouvainOptions,
  type LouvainResult,
  type ModularityOptions,
  type CommunityGroupRow,
  type CommunitySummary,
  type CommunityCrosstab,
} from './communities.js';
