// samverkan/recommend: the research tools behind the recommender: the body protocol,
// ranking metrics, the conditional-logit fit, link-prediction scores on a network and the
// shipped model.
export { rocAuc, rankingMetrics } from './recommend/evaluate.js';
export { evaluateBodies, rankedListMetrics, BodyEvaluateOptionsSchema, BODY_METHODS, BODY_METRICS } from './recommend/evaluate-bodies.js';
export { linkScores, LinkScoresOptionsSchema } from './recommend/link-scores.js';
export { defaultRecommender } from './recommend/recommender-model.js';
export { fitConditionalLogit, ConditionalLogitOptionsSchema, logLikelihood as conditionalLogLikelihood } from './recommend/conditional-logit.js';
