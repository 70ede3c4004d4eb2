import { FIELDS, findField } from '../../model/fields.js';
import { BODY_METHODS, BodyEvaluateOptionsSchema, type BodyMethod } from '../../recommend/evaluate-bodies.js';
import { COMPONENTS, type Component } from '../../recommend/score.js';
import { EVALUATION_METHODS, evaluateRecommender, EvaluateOptionsSchema, type EvaluationMethod } from '../../recommend/evaluate.js';
import { fitRecommender, FitRecommenderOptionsSchema, RecommenderModelSchema, type RecommenderModel } from '../../recommend/recommender-model.js';
import { PLAN_OBJECTIVES, planLinks, PlanOptionsSchema } from '../../recommend/plan.js';
import { CAPABILITY_GROUP } from './capabilities.js';
import type { CapabilitySet } from '../../model/capabilities.js';
import type { CooperationNetwork } from '../../model/network.js';
import { BatchOptionsSchema, recommendAll, recommendPartners, RecommendOptionsSchema, type RecommendationRow, type RecommendOptions } from '../../recommend/recommend.js';
import { withColumns } from '../../model/table.js';
import { DEFAULT_SMALL_POPULATION } from '../../analysis/gaps.js';
import { scopeSet } from '../../model/network.js';
import { message, type Lang } from '../../model/i18n/index.js';
import { municipalitySuggestion } from '../../model/suggest.js';
import { UsageError, type CliIO, type ParsedArgs } from '../context.js';
import { cliFlag, flagsOf, libraryFlag, optionsOf, splitList, wholeNumber, type FlagTable } from '../flags.js';
import { INPUT_GROUP, loadInput, noteCapabilities, readOptionFile, type LoadedInput } from '../input.js';
import { emit, formatOf, OUTPUT_FLAGS, OUTPUT_GROUP } from '../output.js';
import { progressBar } from '../progress.js';
import { defineCommand, messageLang, printRows, ROWS_GROUP, shapeRows, warnUnknownKinds } from './shared.js';
import { describeScope } from '../../model/scope.js';

/** `--weights shared=4,distance=4`: component weights, or bad usage naming the item. */
function parseWeights(raw: string, _flag: string, lang: Lang): Partial<Record<Component, number>> {
  const weights: Partial<Record<Component, number>> = {};
  for (const item of splitList(raw)) {
    const [name, value] = item.split('=');
    const w = Number(value);
    if (!(COMPONENTS as readonly string[]).includes(name ?? '') || value === undefined || value.trim() === '' || !Number.isFinite(w) || w < 0) {
      throw new UsageError(message(lang, 'cli.error.badWeight', { value: JSON.stringify(item) }), message(lang, 'cli.hint.weights', { components: COMPONENTS.join(', ') }));
    }
    weights[name as Component] = w;
  }
  return weights;
}

/** `--l2 X|cv`: a penalty ≥ 0, or cv (cross-validated, the default). */
function parseL2(raw: string, _flag: string, lang: Lang): number | 'cv' {
  if (raw === 'cv') return raw;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(message(lang, 'cli.error.l2'));
  return n;
}

/** `--since DATE` and other dates: YYYY-MM-DD. */
function parseDate(raw: string, flag: string, lang: Lang): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) throw new UsageError(message(lang, 'cli.error.date', { flag: `--${flag}`, value: JSON.stringify(raw) }));
  return raw;
}

const SCORER_FLAGS = {
  hops: libraryFlag(RecommendOptionsSchema, 'hops', { value: 'N', help: 'cli.flag.scorer.hops' }),
  'max-km': libraryFlag(RecommendOptionsSchema, 'maxKm', { value: 'KM', help: 'cli.flag.scorer.max-km' }),
  weights: libraryFlag(RecommendOptionsSchema, 'weights', { type: 'string', value: 'LIST', help: 'cli.flag.scorer.weights', helpParams: { components: COMPONENTS.join(', ') }, parse: parseWeights, default: false }),
  'county-preference': libraryFlag(RecommendOptionsSchema, 'countyPreference', { value: 'P', help: 'cli.flag.scorer.county-preference' }),
} as const satisfies FlagTable;
const SCORER_GROUP = { title: 'cli.help.scoring', flags: SCORER_FLAGS } as const;

const MODEL_FLAGS = {
  scorer: libraryFlag(RecommendOptionsSchema, 'scorer', { value: 'NAME', help: 'cli.flag.model.scorer' }),
  model: cliFlag({ type: 'string', value: 'FILE', help: 'cli.flag.model.model' }),
  field: libraryFlag(RecommendOptionsSchema, 'field', {
    value: 'FIELD',
    help: 'cli.flag.model.field',
    helpParams: { codes: FIELDS.map((f) => f.code).join(', ') },
    parse: (raw, _flag, lang) => {
      if (findField(raw) === undefined) throw new UsageError(message(lang, 'cli.error.unknownField', { value: JSON.stringify(raw) }), message(lang, 'cli.hint.fields', { fields: FIELDS.map((f) => `${f.code} (${f.sv})`).join(', ') }));
      return raw;
    },
  }),
} as const satisfies FlagTable;
const MODEL_GROUP = { title: 'cli.help.recommender', flags: MODEL_FLAGS } as const;

/** `--model FILE`: a fitted model, checked against its schema (exit 2 with the file named when it is not one). */
export function modelOption(values: ParsedArgs['values'], io: CliIO): RecommenderModel | undefined {
  const lang = messageLang(values);
  const path = values.model as string | undefined;
  const hint = message(lang, 'cli.hint.fit');
  const text = readOptionFile(values, 'model', io, hint);
  if (path === undefined || text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(message(lang, 'cli.error.modelNotJson', { path }), hint);
  }
  const parsed = RecommenderModelSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(message(lang, 'cli.error.notAModel', { path, where: issue.path.join('.') || 'value', reason: issue.message }), hint);
  }
  return parsed.data;
}

const COMPETENCE_FLAGS = {
  capability: libraryFlag(RecommendOptionsSchema, 'capability', { value: 'C', help: 'cli.flag.competence.capability' }),
  'competence-weight': libraryFlag(RecommendOptionsSchema, 'competenceWeight', {
    value: 'W',
    help: 'cli.flag.competence.competence-weight',
  }),
} as const satisfies FlagTable;

/** `--capabilities`, `--capability` and `--competence-weight` as recommend options. */
function competenceOptions(values: ParsedArgs['values'], flags: Record<string, unknown>, input: LoadedInput, io: CliIO): Pick<RecommendOptions, 'capabilities' | 'capability' | 'competenceWeight'> {
  const capabilities = input.capabilities;
  noteCapabilities(input, io);
  const own = optionsOf(COMPETENCE_FLAGS, flags);
  for (const flag of Object.keys(COMPETENCE_FLAGS)) if (flags[flag] !== undefined && !capabilities) throw new UsageError(message(input.lang, 'cli.error.needsCapabilities', { flag: `--${flag}` }));
  return { ...(capabilities && { capabilities }), ...own };
}

/** `--scorer`, `--model` and `--field` as recommend options. */
function modelOptions(values: ParsedArgs['values'], flags: Record<string, unknown>, io: CliIO): Pick<RecommendOptions, 'scorer' | 'model' | 'field'> {
  const model = modelOption(values, io);
  return { ...optionsOf(MODEL_FLAGS, flags), ...(model && { model }) };
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

const RECOMMEND_FLAGS = {
  municipality: cliFlag({ type: 'string', short: 'm', value: 'M', help: 'cli.flag.recommend.municipality' }),
  all: cliFlag({ type: 'boolean', help: 'cli.flag.recommend.all' }),
  every: cliFlag({ type: 'boolean', help: 'cli.flag.recommend.every' }),
  small: libraryFlag(BatchOptionsSchema, 'smallPopulation', { value: 'N', help: 'cli.flag.recommend.small' }),
  limit: libraryFlag(RecommendOptionsSchema, 'limit', { value: 'N', help: 'cli.flag.recommend.limit' }),
  existing: libraryFlag(RecommendOptionsSchema, 'existing', { value: 'HOW', help: 'cli.flag.recommend.existing' }),
  ...COMPETENCE_FLAGS,
} as const satisfies FlagTable;

export const recommendCommand = defineCommand({
  name: 'recommend',
  usage: '(--municipality M | --county C | --all) [options]',
  groups: [{ title: 'cli.help.options', flags: RECOMMEND_FLAGS }, CAPABILITY_GROUP, MODEL_GROUP, SCORER_GROUP, INPUT_GROUP, OUTPUT_GROUP, ROWS_GROUP],
  examples: ['samverkan recommend --municipality Bjurholm --limit 5', 'samverkan recommend --municipality Dorotea --field räddningstjänst --dataset bodies'],
  run({ values, flags }, io) {
    const lang0 = messageLang(values);
    // --county is also the scope, so it may come with --municipality (a municipality of that area).
    const targets = ['municipality', 'all'].filter((k) => values[k] !== undefined);
    if (targets.length > 1 || (targets.length === 0 && values.county === undefined)) throw new UsageError(message(lang0, 'cli.error.recommendTarget'), message(lang0, 'cli.hint.seeHelp', { command: 'recommend' }));
    const input = loadInput({ values, flags }, io, 'use');
    const { net, lang } = input;
    const f = flagsOf(RECOMMEND_FLAGS, flags);
    const { limit, existing, smallPopulation } = optionsOf(RECOMMEND_FLAGS, flags);
    const onWarning = (text: string) => io.stderr.write(`samverkan: ${message(lang, 'cli.warning.prefix', { message: text })}\n`);
    const options = {
      ...optionsOf(SCORER_FLAGS, flags),
      ...modelOptions(values, flags, io),
      ...(values.scorer !== 'weighted' && { onWarning }),
      ...(limit !== undefined && { limit }),
      ...(existing && { existing }),
      ...competenceOptions(values, flags, input, io),
      // The reasons in the command's language.
      lang,
    };
    let rows: RecommendationRow[] & { columns?: string[] };
    if (f.municipality !== undefined) {
      const m = net.municipality(f.municipality);
      if (!m) throw new UsageError(message(lang, 'cli.error.unknownMunicipality', { value: JSON.stringify(f.municipality) }) + municipalitySuggestion(net.geography, f.municipality, lang), message(lang, 'cli.hint.municipality'));
      if (!scopeSet(net).has(m.code)) throw new UsageError(message(lang, 'cli.error.outsideScope', { name: m.name, area: describeScope(net.scope, net.geography, lang) }), message(lang, 'cli.hint.widen', { county: m.county }));
      rows = recommendPartners(net, m.code, options);
    } else {
      const batch = { ...options, ...(smallPopulation !== undefined && { smallPopulation }), only: f.every ? ('all' as const) : ('small' as const) };
      // --county is the scope (the area the data covers): suggestions for its (small) municipalities, among its municipalities.
      rows = recommendAll(net, batch);
      const threshold = smallPopulation ?? DEFAULT_SMALL_POPULATION;
      const area = describeScope(net.scope, net.geography, lang);
      const asked = net.municipalities().filter((m) => f.every || m.population < threshold);
      if (rows.length === 0 && asked.length === 0) io.stderr.write(`samverkan: ${message(lang, 'cli.note.noSmall', { area, threshold })}\n`);
      else if (rows.length === 0) io.stderr.write(`samverkan: ${message(lang, f.every ? 'cli.note.noCandidate' : 'cli.note.noCandidateSmall', { area })}\n`);
    }
    const format = formatOf(flags);
    if (format === 'json') emit(JSON.stringify(shapeRows(rows, { values, flags }), null, 2) + '\n', values, io);
    else printRows(flatten(shapeRows(rows, { values, flags }), format), { values, flags }, io);
    return 0;
  },
});

const PLAN_FLAGS = {
  budget: libraryFlag(PlanOptionsSchema, 'budget', { short: 'b', value: 'N', help: 'cli.flag.plan.budget' }),
  objective: libraryFlag(PlanOptionsSchema, 'objective', { value: 'NAME', help: 'cli.flag.plan.objective', showChoices: true }),
  kind: libraryFlag(PlanOptionsSchema, 'kind', { value: 'KIND', help: 'cli.flag.plan.kind' }),
  'reach-kinds': libraryFlag(PlanOptionsSchema, 'reachKinds', { value: 'L', help: 'cli.flag.plan.reach-kinds', default: false }),
  small: libraryFlag(PlanOptionsSchema, 'smallPopulation', { value: 'N', help: 'cli.flag.plan.small' }),
  capability: libraryFlag(PlanOptionsSchema, 'capability', { value: 'CODE', help: 'cli.flag.plan.capability' }),
} as const satisfies FlagTable;

export const planCommand = defineCommand({
  name: 'plan',
  usage: '--budget N [options]',
  groups: [{ title: 'cli.help.options', flags: PLAN_FLAGS }, SCORER_GROUP, INPUT_GROUP, OUTPUT_GROUP, ROWS_GROUP],
  examples: ['samverkan plan --budget 3 --objective county-connectivity --county Örebro', 'samverkan plan --objective capability-reach --capability relatives_support --county Västerbotten'],
  run({ values, flags }, io) {
    const { capability, ...own } = optionsOf(PLAN_FLAGS, flags);
    const lang0 = messageLang(values);
    const reach = own.objective === 'capability-reach';
    const input = loadInput({ values, flags }, io, reach ? 'use' : { refuse: message(lang0, 'cli.error.capabilitiesOnlyReach') });
    const { net, lang } = input;
    let competence: { capabilities: CapabilitySet; capability: string } | undefined;
    if (reach) {
      if (!input.capabilities) throw new UsageError(message(lang, 'cli.error.reachNeedsCapabilities'));
      if (capability === undefined) throw new UsageError(message(lang, 'cli.error.reachNeedsCapability'), message(lang, 'cli.hint.capabilities', { codes: input.capabilities.capabilities().join(', ') }));
      if (input.capabilities.vocabulary.codeOf(capability) === undefined) throw new UsageError(message(lang, 'cli.error.unknownCapability', { flag: '--capability', value: JSON.stringify(capability) }), message(lang, 'cli.hint.capabilities', { codes: input.capabilities.vocabulary.codes.join(', ') }));
      noteCapabilities(input, io);
      competence = { capabilities: input.capabilities, capability };
    } else if (capability !== undefined) throw new UsageError(message(lang, 'cli.error.capabilityOnlyReach'));
    warnUnknownKinds(net, own.reachKinds, 'reach-kinds', io, lang);
    if (own.kind !== undefined) warnUnknownKinds(net, [own.kind], 'kind', io, lang);
    // --county is the scope: planLinks keeps to it already. The reasons in the command's language.
    printRows(planLinks(net, { ...optionsOf(SCORER_FLAGS, flags), ...own, ...competence, lang }), { values, flags }, io);
    return 0;
  },
});

const EVALUATE_FLAGS = {
  protocol: cliFlag({ type: 'choice', choices: ['ties', 'body'], value: 'P', help: 'cli.flag.evaluate.protocol', default: 'ties' }),
  k: libraryFlag(EvaluateOptionsSchema, 'k', { value: 'N', help: 'cli.flag.evaluate.k' }),
  seed: libraryFlag(EvaluateOptionsSchema, 'seed', { value: 'N', help: 'cli.flag.evaluate.seed' }),
  since: libraryFlag(EvaluateOptionsSchema, 'since', { type: 'string', value: 'DATE', help: 'cli.flag.evaluate.since', parse: parseDate }),
  methods: cliFlag({ type: 'list', value: 'LIST', help: 'cli.flag.evaluate.methods', helpParams: { body: BODY_METHODS.join(', '), ties: EVALUATION_METHODS.join(', ') }, about: 'methods' }),
  model: cliFlag({ type: 'string', value: 'FILE', help: 'cli.flag.evaluate.model' }),
} as const satisfies FlagTable;

const BODY_FLAGS = {
  'competence-weight': libraryFlag(BodyEvaluateOptionsSchema, 'competenceWeight', { value: 'W', help: 'cli.flag.body.competence-weight' }),
  folds: libraryFlag(BodyEvaluateOptionsSchema, 'folds', {
    value: 'N|loo|county',
    help: 'cli.flag.body.folds',
    parse: (raw, flag, lang) => (raw === 'loo' || raw === 'county' ? raw : wholeNumber(raw, flag, 2, lang)),
  }),
  l2: libraryFlag(BodyEvaluateOptionsSchema, 'l2', { value: 'X|cv', help: 'cli.flag.body.l2', parse: parseL2 }),
  bootstrap: libraryFlag(BodyEvaluateOptionsSchema, 'bootstrap', { value: 'N', help: 'cli.flag.body.bootstrap' }),
  reference: libraryFlag(BodyEvaluateOptionsSchema, 'reference', { value: 'METHOD', help: 'cli.flag.body.reference', default: false }),
  cases: cliFlag({ type: 'boolean', help: 'cli.flag.body.cases' }),
} as const satisfies FlagTable;

const TIES_FLAGS = {
  repeats: libraryFlag(EvaluateOptionsSchema, 'repeats', { short: 'r', value: 'N', help: 'cli.flag.ties.repeats' }),
  fraction: libraryFlag(EvaluateOptionsSchema, 'fraction', { value: 'X', help: 'cli.flag.ties.fraction' }),
} as const satisfies FlagTable;

export const evaluateCommand = defineCommand({
  name: 'evaluate',
  usage: '[--protocol body|ties] [options]',
  groups: [
    { title: 'cli.help.options', flags: EVALUATE_FLAGS },
    { title: 'cli.help.bodyProtocol', flags: BODY_FLAGS, note: 'cli.help.bodyCapabilitiesNote' },
    { title: 'cli.help.tiesProtocol', flags: TIES_FLAGS },
    INPUT_GROUP,
    OUTPUT_GROUP,
    ROWS_GROUP,
  ],
  examples: ['samverkan evaluate --protocol body --dataset bodies', 'samverkan evaluate --dataset bodies --repeats 10'],
  run({ values, flags }, io) {
    const { protocol = 'ties', methods } = flagsOf(EVALUATE_FLAGS, flags);
    // Only an explicit file: the dataset's own records would change the measurement unasked.
    const input = loadInput({ values, flags }, io, protocol === 'body' ? 'flag' : { refuse: message(messageLang(values), 'cli.error.capabilitiesOnlyBody') });
    const { net, lang } = input;
    const { k, seed, since } = optionsOf(EVALUATE_FLAGS, flags);
    const known: readonly string[] = protocol === 'body' ? BODY_METHODS : EVALUATION_METHODS;
    for (const m of methods ?? []) if (!known.includes(m)) throw new UsageError(message(lang, 'cli.error.unknownMethod', { value: JSON.stringify(m), protocol }), message(lang, 'cli.hint.methods', { methods: known.join(', ') }));
    const model = modelOption(values, io);
    const bar = progressBar(io, message(lang, 'cli.progress.evaluating'));
    const onProgress = (done: number, total: number) => bar.update(done, total);
    const common = { ...(seed !== undefined && { seed }), ...(k !== undefined && { k }), ...(since !== undefined && { since }), ...(model && { model }), onProgress };
    if (protocol === 'body') {
      for (const flag of Object.keys(TIES_FLAGS)) if (values[flag] !== undefined) throw new UsageError(message(lang, 'cli.error.protocolOnly', { flag: `--${flag}`, protocol: 'ties' }));
      const { capability: _none, ...competence } = competenceOptions(values, flags, input, io);
      const { folds, l2, bootstrap, reference } = optionsOf(BODY_FLAGS, flags);
      if (reference && methods && !methods.includes(reference)) throw new UsageError(message(lang, 'cli.error.referenceNotAmong', { reference, methods: methods.join(',') }));
      const referenceShown = reference ?? (methods && !methods.includes('samverkan') ? methods[0] : 'samverkan');
      const rows = evaluateRecommender(net, {
        protocol: 'body',
        ...(folds !== undefined && { folds }),
        ...(l2 !== undefined && { l2 }),
        ...(bootstrap !== undefined && { bootstrap }),
        ...(reference && { reference }),
        ...(methods && { methods: methods as BodyMethod[] }),
        ...competence,
        ...common,
      });
      bar.finish();
      if (flags.cases) printRows(rows.caseRows, { values, flags }, io);
      else if (formatOf(flags) === 'text') {
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
        printRows(withColumns(shown, Object.keys(shown[0] ?? {}) as never[]), { values, flags }, io);
        if (first) io.stderr.write(`samverkan: ${message(lang, 'cli.note.bootstrap', { cases: first.cases, groups: first.groups, resamples: bootstrap ?? 2000 })}\n`);
      } else printRows(rows, { values, flags }, io);
      return 0;
    }
    for (const flag of Object.keys(BODY_FLAGS)) if (values[flag] !== undefined) throw new UsageError(message(lang, 'cli.error.protocolOnly', { flag: `--${flag}`, protocol: 'body' }));
    const rows = evaluateRecommender(net, { ...optionsOf(TIES_FLAGS, flags), ...(methods && { methods: methods as EvaluationMethod[] }), ...common });
    bar.finish();
    printRows(rows, { values, flags }, io);
    return 0;
  },
});

const FIT_FLAGS = {
  out: OUTPUT_FLAGS.out,
  l2: libraryFlag(FitRecommenderOptionsSchema, 'l2', { value: 'X|cv', help: 'cli.flag.fit.l2', parse: parseL2 }),
  folds: libraryFlag(FitRecommenderOptionsSchema, 'folds', { value: 'N', help: 'cli.flag.fit.folds' }),
  seed: libraryFlag(FitRecommenderOptionsSchema, 'seed', { value: 'N', help: 'cli.flag.fit.seed' }),
  id: libraryFlag(FitRecommenderOptionsSchema, 'id', { value: 'NAME', help: 'cli.flag.fit.id' }),
  description: libraryFlag(FitRecommenderOptionsSchema, 'description', { value: 'TEXT', help: 'cli.flag.fit.description', default: false }),
} as const satisfies FlagTable;

export const fitCommand = defineCommand({
  name: 'fit',
  usage: '[input] [--out model.json] [options]',
  groups: [{ title: 'cli.help.options', flags: FIT_FLAGS }, INPUT_GROUP],
  examples: ['samverkan fit --dataset bodies --out bodies-model.json'],
  run({ values, flags }, io) {
    const { net, description, lang } = loadInput({ values, flags }, io);
    const model = fitRecommender(net, { ...optionsOf(FIT_FLAGS, flags), dataset: description });
    const path = emit(`${JSON.stringify(model, null, 2)}\n`, values, io);
    if (path) io.stderr.write(`${message(lang, 'cli.note.fitted', { path, cases: model.default.cases, groups: model.trainedOn.groups, l2: String(model.default.l2) })}\n`);
    return 0;
  },
});
