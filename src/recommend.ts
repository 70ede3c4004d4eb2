// samverkan/recommend: the research tools behind the recommender: fitting a model
// (fitRecommender, its features and schemas), the body protocol, ranking metrics, the
// conditional-logit fit, link-prediction scores on a network, the shipped model, and
// recommendAll (every municipality at once).
export { recommendAll } from './recommend/recommend.js';
export {
  fitRecommender,
  FitRecommenderOptionsSchema,
  RecommenderModelSchema,
  ModelVariantSchema,
  ModelFeatureSchema,
  DEFAULT_FEATURES,
  DEFAULT_L2_GRID,
  FIELD_FEATURE,
  type FitRecommenderOptions,
  type RecommenderModel,
  type ModelVariant,
  type ModelFeature,
  defaultRecommender,
} from './recommend/recommender-model.js';
export { FEATURE_KINDS, FeatureSpecSchema, PROXIMITY_RESTART, PROXIMITY_ITERATIONS, type FeatureSpec, type FeatureKind } from './recommend/pair-features.js';
export { rocAuc, rankingMetrics } from './recommend/evaluate.js';
export { evaluateBodies, rankedListMetrics, BodyEvaluateOptionsSchema, BODY_METHODS, BODY_METRICS } from './recommend/evaluate-bodies.js';
export { linkScores, LinkScoresOptionsSchema } from './recommend/link-scores.js';
export { fitConditionalLogit, ConditionalLogitOptionsSchema, logLikelihood as conditionalLogLikelihood } from './recommend/conditional-logit.js';
