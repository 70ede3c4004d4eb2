import { FIELDS, findField } from '../../model/fields.js';
import { BODY_METHODS, type BodyMethod } from '../../recommend/evaluate-bodies.js';
import { COMPONENTS, type Component } from '../../recommend/score.js';
import { EVALUATION_METHODS, evaluateRecommender, type EvaluationMethod } from '../../recommend/evaluate.js';
import { fitRecommender, RecommenderModelSchema, type RecommenderModel } from '../../recommend/recommender-model.js';
import { PLAN_OBJECTIVES, planLinks } from '../../recommend/plan.js';
import { CAPABILITY_HELP, CAPABILITY_OPTIONS, loadCapabilityFlag } from './capabilities.js';
import type { CooperationNetwork } from '../../model/network.js';
import { recommendAll, recommendPartners, type RecommendationRow, type RecommendOptions } from '../../recommend/recommend.js';
import { withColumns } from '../../model/table.js';
import { DEFAULT_SMALL_POPULATION } from '../../analysis/gaps.js';
import { scopeSet } from '../../model/network.js';
import { municipalitySuggestion } from '../../model/suggest.js';
import { UsageError, type CliIO, type ParsedArgs } from '../context.js';
import { INPUT_HELP, INPUT_OPTIONS, loadInput, readOptionFile } from '../input.js';
import { emit, formatOf, OUTPUT_HELP, OUTPUT_OPTIONS } from '../output.js';
import { progressBar } from '../progress.js';
import { announce, choiceOption, integerOption, langOf, listOption, numberOption, printRows, ROWS_HELP, ROWS_OPTIONS, shapeRows, warnUnknownKinds, type Command } from './shared.js';

const SCORER_OPTIONS = {
  hops: { type: 'string' },
  'max-km': { type: 'string' },
  weights: { type: 'string' },
  'county-preference': { type: 'string' },
} as const;

const SCORER_HELP = `Scoring (the hand-weighted scorer, --scorer weighted, and plan):
  --hops N            candidates within N border steps (default 2)
  --max-km KM         … or within KM of centroid distance (default 60)
  --weights LIST      component weights, e.g. shared=4,distance=4 (components:
                      ${COMPONENTS.join(', ')})
  --county-preference same (default) or bridge (favour a county not yet reached)`;

const MODEL_OPTIONS = {
  scorer: { type: 'string' },
  model: { type: 'string' },
  field: { type: 'string' },
} as const;

const MODEL_HELP = `The recommender:
  --scorer NAME       model (default: the learned recommender, fitted on the
                      real bodies) or weighted (the hand-weighted scorer)
  --model FILE        a model fitted with samverkan fit (JSON)
  --field FIELD       partners for one field of cooperation, e.g.
                      räddningstjänst, överförmyndare, IT (codes: ${FIELDS.map((f) => f.code).join(', ')})`;

/** `--model FILE`: a fitted model, checked against its schema (exit 2 with the file named when it is not one). */
export function modelOption(values: ParsedArgs['values'], io: CliIO): RecommenderModel | undefined {
  const path = values.model as string | undefined;
  const text = readOptionFile(values, 'model', io, 'fit one with samverkan fit --out model.json');
  if (path === undefined || text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`the model ${path} is not JSON`, 'fit one with samverkan fit --out model.json');
  }
  const parsed = RecommenderModelSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`the model ${path} is not a samverkan model: ${issue.path.join('.') || 'value'}: ${issue.message}`, 'fit one with samverkan fit --out model.json');
  }
  return parsed.data;
}

/** `--capabilities`, `--capability` and `--competence-weight` as recommend options. */
function competenceOptions(values: ParsedArgs['values'], net: CooperationNetwork, io: CliIO): Pick<RecommendOptions, 'capabilities' | 'capability' | 'competenceWeight'> {
  const capabilities = loadCapabilityFlag(values, net, io);
  for (const flag of ['capability', 'competence-weight']) if (values[flag] !== undefined && !capabilities) throw new UsageError(`--${flag} needs --capabilities FILE`);
  const weight = numberOption(values, 'competence-weight');
  if (weight !== undefined && !(weight >= 0)) throw new UsageError(`--competence-weight must be a number ≥ 0, got ${weight}`);
  return { ...(capabilities && { capabilities }), ...(typeof values.capability === 'string' && { capability: values.capability }), ...(weight !== undefined && { competenceWeight: weight }) };
}

/** `--scorer`, `--model` and `--field` as recommend options. */
function modelOptions(values: ParsedArgs['values'], io: CliIO): Pick<RecommendOptions, 'scorer' | 'model' | 'field'> {
  const scorer = choiceOption(values, 'scorer', ['model', 'weighted'] as const);
  const model = modelOption(values, io);
  const field = values.field as string | undefined;
  if (field !== undefined && findField(field) === undefined) throw new UsageError(`unknown field ${JSON.stringify(field)}`, `fields: ${FIELDS.map((f) => `${f.code} (${f.sv})`).join(', ')}`);
  return { ...(scorer && { scorer }), ...(model && { model }), ...(field !== undefined && { field }) };
}

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
 * the library's order, with the components (the learned model's feature
 * contributions, or the weighted scorer's components) as `score_<name>`
 * columns and the reasons as one text.
 */
function flatten(rows: readonly RecommendationRow[], format: 'text' | 'csv' | 'md') {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.components)))];
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
    ...Object.fromEntries(names.map((c) => [`score_${c}`, r.components[c] ?? null])),
    reasons: r.reasons.join(' · '),
  }));
  const components = names.map((c) => `score_${c}`);
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
    ...MODEL_OPTIONS,
    municipality: { type: 'string', short: 'm' },
    all: { type: 'boolean' },
    limit: { type: 'string' },
    existing: { type: 'string' },
    small: { type: 'string' },
    every: { type: 'boolean' },
    ...CAPABILITY_OPTIONS,
    capability: { type: 'string' },
    'competence-weight': { type: 'string' },
    lang: { type: 'string' },
  },
  help: `samverkan recommend (--municipality M | --county C | --all) [options]

Ranked partner suggestions, each with its reasons. By default the learned
recommender ranks every municipality not yet tied to this one: a model of
whom municipalities choose when they form a joint body, fitted on 163 real
Swedish bodies (distance, borders, county and labour-market region, size,
how near each one's partners are, shared partners). The score is the
model's probability that the candidate is the one chosen. With --county or
--all, suggestions for every small municipality (population below 15 000).
Candidates are municipalities of the area the data covers (its scope).
--format json prints exactly the library's rows.

Options:
  --municipality, -m  code or name of the municipality
  --county, -c C[,C]  the area the data covers (see Input): every small
                      municipality of it, with partners from it
  --all               every small municipality of the area (the country,
                      for national data)
  --every             with --county/--all: every municipality, not only small ones
  --small N           population below which a municipality is small (default 15000)
  --limit N           suggestions per municipality (default 10)
  --existing HOW      exclude (default) current partners, or flag them as ties
                      to strengthen
  --capability C      only partners that have this capability (needs
                      --capabilities): "who could help us set up relatives_support?"
  --competence-weight W  weight of the competence component (default 0.25):
                      candidates with capabilities the municipality lacks
                      (no or planned) score higher; unknown is not lacking
  --lang sv|en        language of the reasons (default: the data's, Swedish for Sweden)

${CAPABILITY_HELP}

${MODEL_HELP}

${SCORER_HELP}

${INPUT_HELP}

${OUTPUT_HELP}

${ROWS_HELP}

Example:
  samverkan recommend --municipality Bjurholm --limit 5
  samverkan recommend --municipality Dorotea --field räddningstjänst --dataset bodies`,
  run({ values }, io) {
    // --county is also the scope, so it may come with --municipality (a municipality of that area).
    const targets = ['municipality', 'all'].filter((k) => values[k] !== undefined);
    if (targets.length > 1 || (targets.length === 0 && values.county === undefined)) throw new UsageError('give one of --municipality, --county or --all', 'see: samverkan recommend --help');
    const { net, description } = loadInput(values, io);
    announce(description, values, io);
    const limit = integerOption(values, 'limit', 1);
    const existing = choiceOption(values, 'existing', ['exclude', 'flag'] as const);
    const small = numberOption(values, 'small');
    const onWarning = (message: string) => io.stderr.write(`samverkan: warning: ${message}\n`);
    const options = { ...scorerOptions(values), ...modelOptions(values, io), ...(values.scorer !== 'weighted' && { onWarning }), ...(limit !== undefined && { limit }), ...(existing && { existing }), ...competenceOptions(values, net, io), ...langOf(values) };
    let rows: RecommendationRow[] & { columns?: string[] };
    if (values.municipality !== undefined) {
      const m = net.municipality(String(values.municipality));
      if (!m) throw new UsageError(`unknown municipality ${JSON.stringify(values.municipality)}${municipalitySuggestion(net.geography, String(values.municipality))}`, 'give a code (2460) or a name (Vännäs)');
      if (!scopeSet(net).has(m.code)) throw new UsageError(`${m.name} is outside the area the data covers (${net.scope.description})`, `widen it: --county ${m.county},… or --county all`);
      rows = recommendPartners(net, m.code, options);
    } else {
      const batch = { ...options, ...(small !== undefined && { smallPopulation: small }), only: values.every ? ('all' as const) : ('small' as const) };
      // --county is the scope (the area the data covers): suggestions for its (small) municipalities, among its municipalities.
      rows = recommendAll(net, batch);
      const threshold = small ?? DEFAULT_SMALL_POPULATION;
      const area = net.scope.description;
      const asked = net.municipalities().filter((m) => values.every || m.population < threshold);
      if (rows.length === 0 && asked.length === 0) io.stderr.write(`samverkan: ${area} has no small municipality (below ${threshold} inhabitants); --every gives suggestions for all its municipalities\n`);
      else if (rows.length === 0) io.stderr.write(`samverkan: no candidate partner within ${area}: its ${values.every ? '' : 'small '}municipalities are tied to every candidate already. Candidates come from the area the data covers; widen it with --county (several, comma-separated) or --county all\n`);
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
    'reach-kinds': { type: 'string' },
    small: { type: 'string' },
    lang: { type: 'string' },
  },
  help: `samverkan plan --budget N [options]

Chooses, one at a time, the new municipality link that most improves an
objective, and prints each step with its marginal gain.

Options:
  --budget, -b N      number of new links (default 5)
  --objective NAME    ${PLAN_OBJECTIVES.join(', ')} (default small-coverage:
                      small municipalities with a municipality tie)
  --kind KIND         the partner kind of kind-reach (default religious)
  --reach-kinds L     small-coverage: kinds a small municipality must also reach
  --county C[,C]      plan for this area (the scope; see Input)
  --small N           population below which a municipality is small (default 15000)
  --lang sv|en        language of the reasons (default: the data's, Swedish for Sweden)

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
    const reachKinds = listOption(values, 'reach-kinds');
    warnUnknownKinds(net, reachKinds, 'reach-kinds', io);
    if (values.kind !== undefined) warnUnknownKinds(net, [String(values.kind)], 'kind', io);
    const small = numberOption(values, 'small');
    // --county is the scope: planLinks keeps to it already.
    const rows = planLinks(net, {
      ...scorerOptions(values),
      ...(budget !== undefined && { budget }),
      ...(objective && { objective }),
      ...(values.kind !== undefined && { kind: String(values.kind) }),
      ...(reachKinds && { reachKinds }),
      ...(small !== undefined && { smallPopulation: small }),
      ...langOf(values),
    });
    printRows(rows, values, io);
    return 0;
  },
};

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'held-out evaluation of the recommender against baselines: hide whole bodies, or random ties',
  options: {
    ...INPUT_OPTIONS,
    ...OUTPUT_OPTIONS,
    ...ROWS_OPTIONS,
    protocol: { type: 'string' },
    repeats: { type: 'string', short: 'r' },
    fraction: { type: 'string' },
    seed: { type: 'string' },
    since: { type: 'string' },
    k: { type: 'string' },
    methods: { type: 'string' },
    folds: { type: 'string' },
    l2: { type: 'string' },
    bootstrap: { type: 'string' },
    reference: { type: 'string' },
    model: { type: 'string' },
    cases: { type: 'boolean' },
    ...CAPABILITY_OPTIONS,
    'competence-weight': { type: 'string' },
  },
  help: `samverkan evaluate [--protocol body|ties] [options]

--protocol body (for networks with joint bodies): hides one body at a time;
each of its members asks for partners among the municipalities no other
body ties it to, and the hits are its co-members. The learned recommender
is refitted without the hidden bodies (--folds), and compared with the
hand-weighted scorer and baselines (nearest; same county, then nearest;
same labour-market region, then nearest; common neighbours, Jaccard,
Adamic–Adar, resource allocation, preferential attachment; random) on
precision@k, recall@k, MRR, nDCG@k and AUC, with paired bootstrap
intervals of each difference (bodies resampled).

--protocol ties (default): hides a seeded random share of the municipality
ties (or, with --since, all ties made after a date) and reports AUC,
precision@k, recall@k and MRR, mean and standard deviation over repeats.
On group data this overstates every method: the other members of a body
still tie the two ends of a hidden pair.

Options:
  --protocol P        body or ties (default ties)
  --k N               cut-off of precision@k, recall@k, nDCG@k (default 5)
  --seed N            seed of splits, folds, random baseline, bootstrap (default 1)
  --since DATE        temporal: train on the network as of DATE, predict later
  --methods LIST      body: ${BODY_METHODS.join(', ')}
                      ties: ${EVALUATION_METHODS.join(', ')}
  --model FILE        evaluate this fitted model (samverkan fit) as samverkan;
                      body protocol: instead of refitting
Body protocol:
  --capabilities FILE samverkan adds the competence component (see samverkan
                      recommend); the hidden bodies say nothing of
                      capabilities, so this checks only that it does no harm
  --competence-weight W  its weight (default 0.25)
  --folds N|loo|county refits of the learned model, grouped by body (default 10;
                      county: without every body of the case's county)
  --l2 X|cv           the model's penalty (default cv: cross-validated per fold)
  --bootstrap N       bootstrap resamples of the bodies (default 2000)
  --reference METHOD  the method differences are measured from (default samverkan,
                      or the first of --methods without it)
  --cases             print every case (body, member, metrics) instead
Ties protocol:
  --repeats, -r N     random splits (default 5)
  --fraction X        share of ties hidden (default 0.2)

${INPUT_HELP}

${OUTPUT_HELP}

${ROWS_HELP}

Example:
  samverkan evaluate --protocol body --dataset bodies
  samverkan evaluate --dataset bodies --repeats 10`,
  run({ values }, io) {
    const protocol = choiceOption(values, 'protocol', ['ties', 'body'] as const) ?? 'ties';
    const { net, description } = loadInput(values, io);
    announce(description, values, io);
    const seed = integerOption(values, 'seed', -2147483648);
    const k = integerOption(values, 'k', 1);
    const since = values.since as string | undefined;
    if (since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new UsageError(`--since needs a date YYYY-MM-DD, got ${JSON.stringify(since)}`);
    const methods = listOption(values, 'methods');
    const known: readonly string[] = protocol === 'body' ? BODY_METHODS : EVALUATION_METHODS;
    for (const m of methods ?? []) if (!known.includes(m)) throw new UsageError(`unknown method ${JSON.stringify(m)} for --protocol ${protocol}`, `methods: ${known.join(', ')}`);
    const model = modelOption(values, io);
    const bar = progressBar(io, 'Evaluating');
    const onProgress = (done: number, total: number) => bar.update(done, total);
    if (protocol === 'body') {
      for (const flag of ['repeats', 'fraction']) if (values[flag] !== undefined) throw new UsageError(`--${flag} is an option of --protocol ties`);
      const { capability: _none, ...competence } = competenceOptions(values, net, io);
      const folds = values.folds === undefined ? undefined : values.folds === 'loo' || values.folds === 'county' ? values.folds : integerOption(values, 'folds', 2);
      const l2 = values.l2 === undefined || values.l2 === 'cv' ? undefined : numberOption(values, 'l2');
      if (l2 !== undefined && !(l2 >= 0)) throw new UsageError('--l2 must be a number ≥ 0 or cv');
      const bootstrap = integerOption(values, 'bootstrap', 0);
      const reference = choiceOption(values, 'reference', BODY_METHODS);
      if (reference && methods && !methods.includes(reference)) throw new UsageError(`--reference ${reference} is not among --methods ${methods.join(',')}`);
      const referenceShown = reference ?? (methods && !methods.includes('samverkan') ? methods[0] : 'samverkan');
      const rows = evaluateRecommender(net, {
        protocol: 'body',
        ...(folds !== undefined && { folds }),
        ...(l2 !== undefined && { l2 }),
        ...(bootstrap !== undefined && { bootstrap }),
        ...(reference && { reference }),
        ...(seed !== undefined && { seed }),
        ...(k !== undefined && { k }),
        ...(since !== undefined && { since }),
        ...(methods && { methods: methods as BodyMethod[] }),
        ...(model && { model }),
        ...competence,
        onProgress,
      });
      bar.finish();
      if (values.cases) printRows(rows.caseRows, values, io);
      else if (formatOf(values) === 'text') {
        // A terminal table: the means, and each metric's difference from the reference with its interval in one cell.
        const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
        const cell = (d: number | null, lo: number | null, hi: number | null) => (d === null ? '' : `${d >= 0 ? '+' : ''}${d.toFixed(3)}${lo === null ? '' : ` [${lo.toFixed(3)}, ${hi!.toFixed(3)}]`}`);
        const first = rows[0];
        const shown = rows.map((r) => ({
          method: r.method,
          cases: r.cases,
          [`P@${r.k}`]: round(r.precisionAtK),
          [`recall@${r.k}`]: round(r.recallAtK),
          MRR: round(r.mrr),
          [`nDCG@${r.k}`]: round(r.ndcgAtK),
          AUC: round(r.auc),
          [`${referenceShown} − method, P@${r.k} [95 %]`]: cell(r.precisionAtKDifference, r.precisionAtKLow, r.precisionAtKHigh),
          [`MRR [95 %]`]: cell(r.mrrDifference, r.mrrLow, r.mrrHigh),
        }));
        printRows(withColumns(shown, Object.keys(shown[0] ?? {}) as never[]), values, io);
        if (first) io.stderr.write(`samverkan: ${first.cases} cases from ${first.groups} bodies; intervals from ${bootstrap ?? 2000} bootstrap resamples of the bodies (--format csv or json for every column)\n`);
      } else printRows(rows, values, io);
      return 0;
    }
    for (const flag of ['folds', 'l2', 'bootstrap', 'reference', 'cases', 'capabilities', 'census', 'custom-capabilities', 'competence-weight']) if (values[flag] !== undefined) throw new UsageError(`--${flag} is an option of --protocol body`);
    const repeats = integerOption(values, 'repeats', 1);
    const fraction = numberOption(values, 'fraction');
    if (fraction !== undefined && !(fraction > 0 && fraction < 1)) throw new UsageError('--fraction must be between 0 and 1');
    const rows = evaluateRecommender(net, {
      ...(repeats !== undefined && { repeats }),
      ...(fraction !== undefined && { fraction }),
      ...(seed !== undefined && { seed }),
      ...(k !== undefined && { k }),
      ...(since !== undefined && { since }),
      ...(methods && { methods: methods as EvaluationMethod[] }),
      ...(model && { model }),
      onProgress,
    });
    bar.finish();
    printRows(rows, values, io);
    return 0;
  },
};

export const fitCommand: Command = {
  name: 'fit',
  summary: 'fit the learned recommender on your own joint bodies (another country, another field)',
  options: {
    ...INPUT_OPTIONS,
    out: { type: 'string', short: 'o' },
    l2: { type: 'string' },
    folds: { type: 'string' },
    seed: { type: 'string' },
    id: { type: 'string' },
    description: { type: 'string' },
  },
  help: `samverkan fit [input] [--out model.json] [options]

Fits the learned recommender on the joint bodies of the input: each body is
hidden in turn, and each of its members becomes a case (which municipalities
did it choose?). Writes the model as JSON (to --out, else the terminal), for
samverkan recommend --model and evaluate --model, or recommendPartners(net,
m, { model }) in the library. The model names its training data.

Options:
  --out, -o FILE      write the model here
  --l2 X|cv           the penalty (default cv: 5-fold cross-validation by body)
  --folds N           folds of that cross-validation (default 5)
  --seed N            seed of the folds (default 1)
  --id NAME           the model's name (default custom)
  --description TEXT  what it is, in a sentence

${INPUT_HELP}

Example:
  samverkan fit --dataset bodies --out bodies-model.json`,
  run({ values }, io) {
    const { net, description } = loadInput(values, io);
    announce(description, values, io);
    const l2 = values.l2 === undefined || values.l2 === 'cv' ? undefined : numberOption(values, 'l2');
    if (l2 !== undefined && !(l2 >= 0)) throw new UsageError('--l2 must be a number ≥ 0 or cv');
    const folds = integerOption(values, 'folds', 2);
    const seed = integerOption(values, 'seed', -2147483648);
    const model = fitRecommender(net, {
      ...(l2 !== undefined && { l2 }),
      ...(folds !== undefined && { folds }),
      ...(seed !== undefined && { seed }),
      ...(typeof values.id === 'string' && { id: values.id }),
      ...(typeof values.description === 'string' && { description: values.description }),
      dataset: description,
    });
    const path = emit(`${JSON.stringify(model, null, 2)}\n`, values, io);
    if (path) io.stderr.write(`Wrote ${path}: ${model.default.cases} cases from ${model.trainedOn.groups} bodies, λ ${model.default.l2}\n`);
    return 0;
  },
};
