// The recommend layer: partner suggestions, batch recommendations, greedy
// link plans, held-out evaluation and network-level link-prediction scores.
// What the package's root exports from here (src/index.ts re-exports this
// list); the research tools are the subpath samverkan/recommend (src/recommend.ts).
export {
  recommendPartners,
  recommendForCounty,
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
export { DEFAULT_COMPETENCE_WEIGHT } from './competence.js';
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
  EvaluateOptionsSchema,
  BASELINES,
  EVALUATION_METHODS,
  type EvaluateOptions,
  type EvaluationRow,
  type EvaluationMethod,
  type Baseline,
  type RankingMetrics,
} from './evaluate.js';
export type { LinkScoresOptions, LinkScoreRow } from './link-scores.js';
export {
  type BodyEvaluateOptions,
  type BodyEvaluation,
  type BodyEvaluationRow,
  type BodyCaseRow,
  type BodyMethod,
  type BodyMetric,
} from './evaluate-bodies.js';
// recommendPartners' `model` option; fitting one (fitRecommender, its schemas and features) is samverkan/recommend's.
export type { RecommenderModel, ModelVariant, ModelFeature } from './recommender-model.js';
export type { FeatureSpec, FeatureKind } from './pair-features.js';
export type { ChoiceCase, ConditionalLogitFit, ConditionalLogitOptions } from './conditional-logit.js';
