import { COMPONENTS, type Component } from '../../recommend/score.js';
import { EVALUATION_METHODS, evaluateRecommender, type EvaluationMethod } from '../../recommend/evaluate.js';
import { PLAN_OBJECTIVES, planLinks } from '../../recommend/plan.js';
import { recommendAll, recommendForCounty, recommendPartners, type RecommendationRow, type RecommendOptions } from '../../recommend/recommend.js';
import { withColumns } from '../../model/table.js';
import { UsageError, type ParsedArgs } from '../context.js';
import { INPUT_HELP, INPUT_OPTIONS, loadInput } from '../input.js';
import { emit, formatOf, OUTPUT_HELP, OUTPUT_OPTIONS } from '../output.js';
import { progressBar } from '../progress.js';
import { announce, choiceOption, integerOption, listOption, numberOption, printRows, ROWS_HELP, ROWS_OPTIONS, shapeRows, warnUnknownKinds, type Command } from './shared.js';

const SCORER_OPTIONS = {
  hops: { type: 'string' },
  'max-km': { type: 'string' },
  weights: { type: 'string' },
  'county-preference': { type: 'string' },
} as const;

const SCORER_HELP = `Scoring:
  --hops N            candidates within N border steps (default 2)
  --max-km KM         … or within KM of centroid distance (default 60)
  --weights LIST      component weights, e.g. shared=4,distance=4 (components:
                      ${COMPONENTS.join(', ')})
  --county-preference same (default) or bridge (favour a county not yet reached)`;

/** Scorer and candidate options shared by recommend and plan. */
function scorerOptions(values: ParsedArgs['values']): Pick<RecommendOptions, 'hops' | 'maxKm' | 'weights' | 'countyPreference'> {
  const hops = integerOption(values, 'hops', 0);
  const maxKm = numberOption(values, 'max-km');
  const countyPreference = choiceOption(values, 'county-preference', ['same', 'bridge'] as const);
  let weights: Partial<Record<Component, number>> | undefined;
  const list = listOption(values, 'weights');
  if (list) {
    weights = {};
    for (const item of list) {
      const [name, value] = item.split('=');
      const w = Number(value);
      if (!(COMPONENTS as readonly string[]).includes(name ?? '') || value === undefined || !Number.isFinite(w) || w < 0) {
        throw new UsageError(`bad weight ${JSON.stringify(item)}`, `write component=number, components: ${COMPONENTS.join(', ')}`);
      }
      weights[name as Component] = w;
    }
  }
  return { ...(hops !== undefined && { hops }), ...(maxKm !== undefined && { maxKm }), ...(countyPreference && { countyPreference }), ...(weights && { weights }) };
}

/**
 * Recommendation rows for a table, CSV or Markdown: the library's columns in
 * the library's order, with the components as `score_<component>` columns
 * (a component is called `county` too) and the reasons as one text.
 */
function flatten(rows: readonly RecommendationRow[], format: 'text' | 'csv' | 'md') {
  const flat = rows.map((r) => ({
    municipality: r.municipality,
    candidate: r.candidate,
    name: r.name,
    county: r.county,
    rank: r.rank,
    score: r.score,
    distanceKm: Math.round(r.distanceKm * 10) / 10,
    borderSteps: r.borderSteps,
    existing: r.existing,
    ...Object.fromEntries(COMPONENTS.map((c) => [`score_${c}`, r.components[c]])),
    reasons: r.reasons.join(' · '),
  }));
  const components = COMPONENTS.map((c) => `score_${c}`);
  const columns = ['municipality', 'candidate', 'name', 'county', 'rank', 'score', 'distanceKm', 'borderSteps', 'existing', ...components, 'reasons'];
  const shown = format === 'text' ? columns.filter((c) => !components.includes(c) && c !== 'existing') : columns;
  return withColumns(flat, shown as (keyof (typeof flat)[number] & string)[]);
}

export const recommendCommand: Command = {
  name: 'recommend',
  summary: 'which neighbouring municipalities a small one should cooperate with next, and why',
  options: {
    ...INPUT_OPTIONS,
    ...OUTPUT_OPTIONS,
    ...ROWS_OPTIONS,
    ...SCORER_OPTIONS,
    municipality: { type: 'string', short: 'm' },
    county: { type: 'string', short: 'c' },
    all: { type: 'boolean' },
    limit: { type: 'string' },
    existing: { type: 'string' },
    small: { type: 'string' },
    every: { type: 'boolean' },
  },
  help: `samverkan recommend (--municipality M | --county C | --all) [options]

Ranked partner suggestions: bordering municipalities first, then those
within a few border steps or kilometres (islands get candidates too). The
score is a weighted sum of named components (shared partners,
complementary partner kinds, capacity, access, distance, county), and each
suggestion says why. With --county or --all, suggestions for every small
municipality (population below 15 000). --format json prints exactly the
library's rows.

Options:
  --municipality, -m  code or name of the municipality
  --county, -c        every small municipality of this county (code or name)
  --all               every small municipality of the country
  --every             with --county/--all: every municipality, not only small ones
  --small N           population below which a municipality is small (default 15000)
  --limit N           suggestions per municipality (default 10)
  --existing HOW      exclude (default) current partners, or flag them as ties
                      to strengthen

${SCORER_HELP}

${INPUT_HELP}

${OUTPUT_HELP}

${ROWS_HELP}

Example:
  samverkan recommend --municipality Bjurholm --limit 5`,
  run({ values }, io) {
    const targets = ['municipality', 'county', 'all'].filter((k) => values[k] !== undefined);
    if (targets.length !== 1) throw new UsageError('give exactly one of --municipality, --county or --all', 'see: samverkan recommend --help');
    const { net, description } = loadInput(values, io);
    announce(description, values, io);
    const limit = integerOption(values, 'limit', 1);
    const existing = choiceOption(values, 'existing', ['exclude', 'flag'] as const);
    const small = numberOption(values, 'small');
    const options = { ...scorerOptions(values), ...(limit !== undefined && { limit }), ...(existing && { existing }) };
    let rows: RecommendationRow[] & { columns?: string[] };
    if (values.municipality !== undefined) {
      const m = net.municipality(String(values.municipality));
      if (!m) throw new UsageError(`unknown municipality ${JSON.stringify(values.municipality)}`, 'give a code (2460) or a name (Vännäs)');
      rows = recommendPartners(net, m.code, options);
    } else {
      const batch = { ...options, ...(small !== undefined && { smallPopulation: small }), only: values.every ? ('all' as const) : ('small' as const) };
      if (values.county !== undefined) {
        const c = net.county(String(values.county));
        if (!c) throw new UsageError(`unknown county ${JSON.stringify(values.county)}`);
        rows = recommendForCounty(net, c.code, batch);
        if (rows.length === 0 && !values.every) io.stderr.write(`samverkan: ${c.name} has no small municipality (below ${small ?? 15000} inhabitants); --every gives suggestions for all its municipalities\n`);
      } else rows = recommendAll(net, batch);
    }
    const format = formatOf(values);
    if (format === 'json') emit(JSON.stringify(shapeRows(rows, values), null, 2) + '\n', values, io);
    else printRows(flatten(shapeRows(rows, values), format), values, io);
    return 0;
  },
};

export const planCommand: Command = {
  name: 'plan',
  summary: 'a greedy plan of the few new links that most improve coverage or connectivity',
  options: {
    ...INPUT_OPTIONS,
    ...OUTPUT_OPTIONS,
    ...ROWS_OPTIONS,
    ...SCORER_OPTIONS,
    budget: { type: 'string', short: 'b' },
    objective: { type: 'string' },
    kind: { type: 'string' },
    county: { type: 'string', short: 'c' },
    'required-kinds': { type: 'string' },
    small: { type: 'string' },
  },
  help: `samverkan plan --budget N [options]

Chooses, one at a time, the new municipality link that most improves an
objective, and prints each step with its marginal gain.

Options:
  --budget, -b N      number of new links (default 5)
  --objective NAME    ${PLAN_OBJECTIVES.join(', ')} (default small-coverage:
                      small municipalities with a municipality tie)
  --kind KIND         the partner kind of kind-reach (default religious)
  --required-kinds L  small-coverage: kinds a small municipality must also reach
  --county C          plan for one county (code or name)
  --small N           population below which a municipality is small (default 15000)

${SCORER_HELP}

${INPUT_HELP}

${OUTPUT_HELP}

${ROWS_HELP}

Example:
  samverkan plan --budget 3 --objective county-connectivity --county Örebro`,
  run({ values }, io) {
    const { net, description } = loadInput(values, io);
    announce(description, values, io);
    const budget = integerOption(values, 'budget', 0);
    const objective = choiceOption(values, 'objective', PLAN_OBJECTIVES);
    const requiredKinds = listOption(values, 'required-kinds');
    warnUnknownKinds(net, requiredKinds, 'required-kinds', io);
    if (values.kind !== undefined) warnUnknownKinds(net, [String(values.kind)], 'kind', io);
    const small = numberOption(values, 'small');
    let county: string | undefined;
    if (values.county !== undefined) {
      county = net.county(String(values.county))?.code;
      if (county === undefined) throw new UsageError(`unknown county ${JSON.stringify(values.county)}`);
    }
    const rows = planLinks(net, {
      ...scorerOptions(values),
      ...(budget !== undefined && { budget }),
      ...(objective && { objective }),
      ...(values.kind !== undefined && { kind: String(values.kind) }),
      ...(requiredKinds && { requiredKinds }),
      ...(small !== undefined && { smallPopulation: small }),
      ...(county && { county }),
    });
    printRows(rows, values, io);
    return 0;
  },
};

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'held-out evaluation of the recommender against classic link-prediction baselines',
  options: {
    ...INPUT_OPTIONS,
    ...OUTPUT_OPTIONS,
    ...ROWS_OPTIONS,
    repeats: { type: 'string', short: 'r' },
    fraction: { type: 'string' },
    seed: { type: 'string' },
    since: { type: 'string' },
    k: { type: 'string' },
    methods: { type: 'string' },
  },
  help: `samverkan evaluate [options]

Hides a seeded random share of the municipality ties (or, with --since,
all ties made after a date), scores the candidate pairs with samverkan and
with the baselines (common neighbours, Jaccard, Adamic–Adar, resource
allocation, preferential attachment, nearest by distance, random), and
reports AUC, precision@k, recall@k and MRR, mean and standard deviation
over the repeats.

Options:
  --repeats, -r N     random splits (default 5)
  --fraction X        share of ties hidden (default 0.2)
  --seed N            seed of the first split (default 1)
  --since DATE        temporal split: train on the network as of DATE
  --k N               cut-off of precision@k and recall@k (default 5)
  --methods LIST      subset of ${EVALUATION_METHODS.join(', ')}

${INPUT_HELP}

${OUTPUT_HELP}

${ROWS_HELP}

Example:
  samverkan evaluate --dataset bodies --repeats 10`,
  run({ values }, io) {
    const { net, description } = loadInput(values, io);
    announce(description, values, io);
    const repeats = integerOption(values, 'repeats', 1);
    const fraction = numberOption(values, 'fraction');
    const seed = integerOption(values, 'seed', -2147483648);
    const k = integerOption(values, 'k', 1);
    const since = values.since as string | undefined;
    if (since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new UsageError(`--since needs a date YYYY-MM-DD, got ${JSON.stringify(since)}`);
    const methods = listOption(values, 'methods');
    for (const m of methods ?? []) if (!(EVALUATION_METHODS as readonly string[]).includes(m)) throw new UsageError(`unknown method ${JSON.stringify(m)}`, `methods: ${EVALUATION_METHODS.join(', ')}`);
    if (fraction !== undefined && !(fraction > 0 && fraction < 1)) throw new UsageError('--fraction must be between 0 and 1');
    const bar = progressBar(io, 'Evaluating');
    const rows = evaluateRecommender(net, {
      ...(repeats !== undefined && { repeats }),
      ...(fraction !== undefined && { fraction }),
      ...(seed !== undefined && { seed }),
      ...(k !== undefined && { k }),
      ...(since !== undefined && { since }),
      ...(methods && { methods: methods as EvaluationMethod[] }),
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.finish();
    printRows(rows, values, io);
    return 0;
  },
};
