// The recommend layer: partner suggestions, batch recommendations, greedy
// link plans, held-out evaluation and network-level link-prediction scores.
// What the package exports from here (src/index.ts re-exports this list).
export {
  recommendPartners,
  recommendForCounty,
  recommendAll,
  smallMunicipalities,
  RecommendOptionsSchema,
  BatchOptionsSchema,
  SmallOptionsSchema,
  RECOMMENDATION_COLUMNS,
  type RecommendOptions,
  type BatchOptions,
  type SmallOptions,
  type RecommendationRow,
  type SmallMunicipalityRow,
} from './recommend.js';
export {
  COMPONENTS,
  DEFAULT_WEIGHTS,
  DEFAULT_DISTANCE_SCALE_KM,
  DEFAULT_SHARED_SCALE,
  WeightsSchema,
  ScoreOptionsSchema,
  CandidateOptionsSchema,
  type Component,
  type Components,
  type Weights,
  type ScoreOptions,
  type CandidateOptions,
} from './score.js';
export { planLinks, PlanOptionsSchema, PLAN_OBJECTIVES, type PlanOptions, type PlanObjective, type PlanStepRow } from './plan.js';
export {
  evaluateRecommender,
  rocAuc,
  rankingMetrics,
  EvaluateOptionsSchema,
  BASELINES,
  EVALUATION_METHODS,
  type EvaluateOptions,
  type EvaluationRow,
  type EvaluationMethod,
  type Baseline,
  type RankingMetrics,
} from './evaluate.js';
export { linkScores, LinkScoresOptionsSchema, type LinkScoresOptions, type LinkScoreRow } from './link-scores.js';
