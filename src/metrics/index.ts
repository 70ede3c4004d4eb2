// The metric kernels: one algorithm per module, on the typed-array CSR view
// of a graph (see csr.ts). Exported from the package as `kernels`.
export { toCsr, inducedCsr, csrDegree, CsrOptionsSchema, type Csr, type CsrOptions } from './csr.js';
// The kernels' options error: a RangeError carrying what an OptionsError carries (src/model/options.ts).
export { KernelOptionsError } from '../model/options.js';
export { KernelArgumentError } from '../model/errors.js';
export { createRng, shuffled, type Rng } from './random.js';
export { degreeCentrality, strength } from './degree.js';
export { betweennessCentrality, BetweennessOptionsSchema, type BetweennessOptions } from './betweenness.js';
export { closenessCentrality, ClosenessOptionsSchema, type ClosenessOptions } from './closeness.js';
export { harmonicCentrality, HarmonicOptionsSchema, type HarmonicOptions } from './harmonic.js';
export { distanceCentralities, DistanceCentralitiesOptionsSchema, type DistanceCentralitiesOptions } from './distance-centralities.js';
export {
  pathCentralities,
  PathCentralitiesOptionsSchema,
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
export { eigenvectorCentrality, eigenvectorCentralityDetailed, EigenvectorOptionsSchema, type EigenvectorOptions } from './eigenvector.js';
export { pagerank, pagerankDetailed, PagerankOptionsSchema, type PagerankOptions } from './pagerank.js';
export { PowerIterationOptionsSchema, type PowerIterationResult } from './power-iteration.js';
export { linkScores, LINK_PREDICTION_METHODS, LinkScoresArgumentsSchema, type LinkPredictionMethod } from './link-prediction.js';
export { burtConstraint, effectiveSize, StructuralHoleOptionsSchema, type StructuralHoleOptions } from './structural-holes.js';
export { brokerageRoles, BrokerageRoleOptionsSchema, type BrokerageRoles, type BrokerageOptions as BrokerageRoleOptions } from './brokerage-roles.js';
export { connectedComponents, type ConnectedComponents } from './components.js';
export { articulationPoints, bridges, ArticulationOptionsSchema as ArticulationKernelOptionsSchema, type ArticulationPoint, type ArticulationOptions as ArticulationKernelOptions } from './articulation.js';
export { coreNumbers } from './k-core.js';
export {
  louvainCommunities,
  modularity,
  LouvainOptionsSchema,
  ModularityOptionsSchema,
  renumberCommunities,
  communityCrosstab,
  type LouvainOptions,
  type LouvainResult,
  type ModularityOptions,
  type CommunityGroupRow,
  type CommunitySummary,
  type CommunityCrosstab,
} from './communities.js';
