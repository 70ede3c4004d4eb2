// samverkan/recommend: the research tools behind the recommender: the body protocol,
// ranking metrics, the conditional-logit fit, link-prediction scores on a network and the
// shipped model.
export { rocAuc, rankingMetrics, linkScores, LinkScoresOptionsSchema, evaluateBodies, rankedListMetrics, BodyEvaluateOptionsSchema, BODY_METHODS, BODY_METRICS, defaultRecommender, fitConditionalLogit, conditionalLogLikelihood } from './recommend/index.js';
