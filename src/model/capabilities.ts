import { z } from 'zod';
import { ArgumentError } from './errors.js';
import { said, saidIn } from './options.js';
import type { LoadReport } from './load-report.js';
import { IsoDateSchema } from './schema.js';
import { foldWord } from './suggest.js';

/**
 * Capabilities: what a municipality (or another actor) can do against
 * violent extremism, as data. One record says that a subject has (`yes`),
 * lacks (`no`) or is setting up (`planned`) one capability, from `since`
 * until `until`. A subject without a record for a capability is `unknown`:
 * unknown is never counted as lacking unless the records are declared a
 * complete census (`census: true`).
 */

/** One capability of the standard vocabulary, with its labels. */
export interface CapabilityDefinition {
  /** The code used in files and results, e.g. `action_plan`. */
  readonly code: string;
  /** Swedish label, e.g. `handlingsplan`. */
  readonly sv: string;
  /** English label, e.g. `action plan`. */
  readonly en: string;
  /** The English label as the object of "has": `an action plan`, `support for relatives`. */
  readonly enHas: string;
  /** Grammatical gender of the Swedish label (`en handlingsplan`, `ett kompetensnätverk`), for "ingen"/"inget". */
  readonly svGender: 'en' | 'ett';
  /** Other words files use for it (matched like the code, without case or diacritics). */
  readonly aliases: readonly string[];
}

/**
 * The standard vocabulary: the capabilities the national work against
 * violent extremism asks of a municipality (Nationella samordnaren, CVE).
 * Files may use the code, either label or an alias; any other capability is
 * user-defined and must be declared (`loadCapabilities(…, { custom })`).
 */
export const CAPABILITY_VOCABULARY: readonly CapabilityDefinition[] = Object.freeze(([
  { code: 'action_plan', enHas: 'an action plan', svGender: 'en', sv: 'handlingsplan', en: 'action plan', aliases: ['handlingsplan mot våldsbejakande extremism', 'written action plan', 'plan'] },
  { code: 'coordinator', enHas: 'a coordinator', svGender: 'en', sv: 'samordnare', en: 'coordinator', aliases: ['lokal samordnare', 'local coordinator', 'samordnare mot våldsbejakande extremism'] },
  { code: 'situation_picture', enHas: 'a local situation picture', svGender: 'en', sv: 'lägesbild', en: 'situation picture', aliases: ['lokal lägesbild', 'local situation picture', 'situation report'] },
  {
    code: 'police_agreement',
    enHas: 'a cooperation agreement with the police',
    svGender: 'en',
    sv: 'samverkansöverenskommelse med polisen',
    en: 'cooperation agreement with the police',
    aliases: ['samverkansöverenskommelse', 'medborgarlöfte', 'police agreement', 'citizen promise'],
  },
  { code: 'exit_support', enHas: 'support for people leaving', svGender: 'en', sv: 'avhopparverksamhet', en: 'support for people leaving', aliases: ['avhopparstöd', 'exit programme', 'exit work'] },
  { code: 'relatives_support', enHas: 'support for relatives', svGender: 'ett', sv: 'anhörigstöd', en: 'support for relatives', aliases: ['stöd till anhöriga', 'family support'] },
  {
    code: 'religious_dialogue',
    enHas: 'a dialogue forum with religious communities',
    svGender: 'ett',
    sv: 'dialogforum med religiösa samfund',
    en: 'dialogue forum with religious communities',
    aliases: ['dialogforum', 'interreligiöst råd', 'interfaith council', 'dialogue forum'],
  },
  {
    code: 'civil_society_partnership',
    enHas: 'an idea-based public partnership with civil society',
    svGender: 'ett',
    sv: 'idéburet offentligt partnerskap',
    en: 'idea-based public partnership with civil society',
    aliases: ['iop', 'idéburet offentligt partnerskap (iop)', 'public civil society partnership'],
  },
  {
    code: 'regional_network',
    enHas: 'membership of a regional competence network',
    svGender: 'ett',
    sv: 'regionalt kompetensnätverk',
    en: 'regional competence network',
    aliases: ['kompetensnätverk', 'regional network', 'competence network'],
  },
] as const satisfies readonly CapabilityDefinition[]).map((d): CapabilityDefinition => Object.freeze({ ...d, aliases: Object.freeze([...d.aliases]) })));

/** The codes of {@link CAPABILITY_VOCABULARY}, in its order. */
export const CAPABILITY_CODES: readonly string[] = Object.freeze(CAPABILITY_VOCABULARY.map((d) => d.code));

/** What a record states: the subject has the capability, lacks it, or is setting it up. */
export const CapabilityStatusSchema = z.enum(['yes', 'no', 'planned']);
export type CapabilityStatus = z.infer<typeof CapabilityStatusSchema>;

/** What is known of a subject's capability on a date: a record's status, or `unknown` when no record holds. */
export type CapabilityState = CapabilityStatus | 'unknown';

/** The order states are listed in (results, legends). */
export const CAPABILITY_STATES: readonly CapabilityState[] = Object.freeze(['yes', 'planned', 'no', 'unknown']);

/** A user-defined capability or a word for one: a code (snake_case word) and optional labels. */
export const CustomCapabilitySchema = z.union([
  z.string().min(1),
  z.strictObject({ code: z.string().min(1), sv: z.string().optional(), svGender: z.enum(['en', 'ett']).optional(), en: z.string().optional(), enHas: z.string().optional(), aliases: z.array(z.string()).optional() }),
]);
export type CustomCapability = z.input<typeof CustomCapabilitySchema>;

/** One capability record, as loaded (validated) from a capabilities file. */
export const CapabilityRecordSchema = z.strictObject({
  /** The municipality's code, or the actor's id. */
  subject: z.string().min(1),
  /** `municipality` when the subject is a municipality of the geography, else `actor`. */
  subjectType: z.enum(['municipality', 'actor']),
  capability: z.string().min(1),
  status: CapabilityStatusSchema,
  /** First day the status holds (ISO date). Absent: since before any date asked about. */
  since: IsoDateSchema.optional(),
  /** Last day the status holds (inclusive). Absent: until a later record of the same subject and capability starts. */
  until: IsoDateSchema.optional(),
  /** Where the statement comes from (a URL or a reference), as written. */
  source: z.string().optional(),
  /** Extra columns of the row, by header name. */
  attributes: z.record(z.string(), z.string()).optional(),
  /** File and spreadsheet row the record was read from. */
  origin: z.strictObject({ file: z.string(), row: z.number().int().nonnegative() }).optional(),
});
export type CapabilityRecord = z.infer<typeof CapabilityRecordSchema>;

/** A subject's state of one capability, with the record it comes from. */
export interface CapabilityFact {
  readonly state: CapabilityState;
  /** The record that gives the state (absent for `unknown`). */
  readonly record?: CapabilityRecord;
}

/** Fold a capability word for matching: without case, diacritics, `_`/`-`/space differences. */
function capabilityWord(text: string): string {
  return foldWord(text).replace(/[()]/g, '').replace(/\s+/g, ' ').trim();
}

/** A vocabulary: the standard one plus user-defined capabilities, with a word index. */
export class CapabilityVocabulary {
  readonly definitions: readonly CapabilityDefinition[];
  readonly #byWord = new Map<string, string>();
  readonly #byCode = new Map<string, CapabilityDefinition>();

  constructor(custom: readonly CustomCapability[] = []) {
    const extra = custom.map((c): CapabilityDefinition => {
      const d = typeof c === 'string' ? { code: c } : c;
      const code = capabilityWord(d.code).replace(/ /g, '_');
      return Object.freeze({ code, enHas: d.enHas ?? d.en ?? code.replace(/_/g, ' '), svGender: d.svGender ?? 'en', sv: d.sv ?? code.replace(/_/g, ' '), en: d.en ?? code.replace(/_/g, ' '), aliases: Object.freeze([...(d.aliases ?? [])]) });
    });
    const definitions: CapabilityDefinition[] = [];
    for (const d of [...CAPABILITY_VOCABULARY, ...extra]) {
      if (this.#byCode.has(d.code)) continue;
      this.#byCode.set(d.code, d);
      definitions.push(d);
      for (const word of [d.code, d.sv, d.en, ...d.aliases]) {
        const key = capabilityWord(word);
        const taken = this.#byWord.get(key);
        if (taken !== undefined && taken !== d.code) throw new ArgumentError(said('errors.capabilities.wordTwice', { word: JSON.stringify(word), a: taken, b: d.code }));
        this.#byWord.set(key, d.code);
      }
    }
    this.definitions = Object.freeze(definitions);
  }

  /** The code a word means (`Handlingsplan`, `action plan` → `action_plan`), or `undefined`. */
  codeOf(word: string): string | undefined {
    return this.#byWord.get(capabilityWord(word));
  }

  /** The code a word means; an {@link ArgumentError} naming `fn`, the word and the known codes when it means none. */
  requireCode(word: string, fn: string): string {
    const code = this.codeOf(word);
    if (code === undefined) throw new ArgumentError(saidIn(fn, said('errors.capability.unknown', { value: JSON.stringify(word), codes: this.codes.join(', ') })));
    return code;
  }

  /** The definition of a code, or `undefined`. */
  definition(code: string): CapabilityDefinition | undefined {
    return this.#byCode.get(code);
  }

  /** The label of a code in a language (the code itself when unknown). */
  label(code: string, lang: 'sv' | 'en' = 'en'): string {
    return this.#byCode.get(code)?.[lang] ?? code;
  }

  get codes(): string[] {
    return this.definitions.map((d) => d.code);
  }
}

const key = (subject: string, capability: string) => `${subject}\u0000${capability}`;

/** Records of one subject and capability, ordered by `since` (undated first), then by row. */
function bySince(a: CapabilityRecord, b: CapabilityRecord): number {
  const x = a.since ?? '';
  const y = b.since ?? '';
  if (x !== y) return x < y ? -1 : 1;
  return (a.origin?.row ?? 0) - (b.origin?.row ?? 0);
}

/**
 * A set of capability records, as loaded by `loadCapabilities`: immutable,
 * with the lookups analyses need.
 *
 * Which record holds: a record holds from `since` (absent: from always)
 * until `until` (inclusive; absent: open). On a date (`asOf`), the record
 * that holds and started last gives the state. With no date, the record
 * that started last, whatever its `until`: the latest statement of the data
 * (a plan for 2024–2027 is `yes`), read the same on every day it is run;
 * ask a date to respect the ends. No record holding: `unknown`, or `no` when
 * the set is a complete census and the records name that capability (a
 * census covers the capabilities the file reports on, not the vocabulary).
 */
export class CapabilitySet {
  readonly records: readonly CapabilityRecord[];
  readonly vocabulary: CapabilityVocabulary;
  /** The records are a complete census: a subject without a record of a capability the records name lacks it (`no`), not `unknown`. */
  readonly census: boolean;
  /** The date the states are read on (`asOf`), or undefined: the records still open. */
  readonly date: string | undefined;
  /** What happened to every row of the file, when loaded by `loadCapabilities` (role `capabilities`). */
  readonly loadReport: LoadReport | undefined;
  readonly #bySubject = new Map<string, CapabilityRecord[]>();
  readonly #used: ReadonlySet<string>;

  constructor(records: readonly CapabilityRecord[], options: { vocabulary?: CapabilityVocabulary; census?: boolean; date?: string; loadReport?: LoadReport } = {}) {
    this.records = Object.freeze(records.map((r) => Object.freeze({ ...r })));
    this.vocabulary = options.vocabulary ?? new CapabilityVocabulary();
    this.census = options.census ?? false;
    this.date = options.date;
    this.loadReport = options.loadReport;
    for (const r of this.records) {
      const k = key(r.subject, r.capability);
      const list = this.#bySubject.get(k);
      if (list) list.push(r);
      else this.#bySubject.set(k, [r]);
    }
    for (const list of this.#bySubject.values()) list.sort(bySince);
    this.#used = new Set(this.records.map((r) => r.capability));
  }

  /** The same records read on `date` (ISO `YYYY-MM-DD`), as `net.asOf(date)` reads links. */
  asOf(date: string): CapabilitySet {
    if (!IsoDateSchema.safeParse(date).success) throw new ArgumentError(saidIn('asOf', said('errors.isoDate', { value: JSON.stringify(date) })));
    return new CapabilitySet(this.records, { ...this.#options(), date });
  }

  /**
   * The set read on a network's date (`net.date`, set by `net.asOf`): itself
   * when the network has no date or the set has the same one, the set as of
   * that date when the set has none; two different dates are an error
   * naming `fn` (the analyses read links and capabilities on one date).
   */
  onNetworkDate(date: string | undefined, fn: string): CapabilitySet {
    if (date === undefined || this.date === date) return this;
    if (this.date === undefined) return this.asOf(date);
    throw new ArgumentError(saidIn(fn, said('errors.capabilities.twoDates', { date, other: this.date })));
  }

  /**
   * `caps` as a capability set, for a function that takes one as an
   * argument: an {@link ArgumentError} naming `fn` when it is something else
   * (records not read with `loadCapabilities`).
   */
  static check(caps: unknown, fn: string): CapabilitySet {
    if (!(caps instanceof CapabilitySet)) throw new ArgumentError(saidIn(fn, said('errors.capabilities.notASet')));
    return caps;
  }

  /** The same records declared a complete census (or not). */
  withCensus(census: boolean): CapabilitySet {
    return new CapabilitySet(this.records, { ...this.#options(), census, ...(this.date !== undefined && { date: this.date }) });
  }

  #options() {
    return { vocabulary: this.vocabulary, census: this.census, ...(this.loadReport && { loadReport: this.loadReport }) };
  }

  /** The capability codes that occur in the records, in vocabulary order (user-defined ones after, by code). */
  capabilities(): string[] {
    const used = new Set(this.records.map((r) => r.capability));
    return this.vocabulary.codes.filter((c) => used.has(c));
  }

  /** The subjects (municipality codes and actor ids) with at least one record. */
  subjects(): string[] {
    return [...new Set(this.records.map((r) => r.subject))].sort();
  }

  /** What is known of `subject`'s `capability` (see the class comment for which record holds). */
  fact(subject: string, capability: string): CapabilityFact {
    const list = this.#bySubject.get(key(subject, capability));
    let holding: CapabilityRecord | undefined;
    for (const r of list ?? []) {
      const date = this.date;
      const holds = date === undefined || ((r.since === undefined || r.since <= date) && (r.until === undefined || date <= r.until));
      if (holds) holding = r; // sorted by since: the last that holds started last
    }
    if (holding) return { state: holding.status, record: holding };
    // A census covers the capabilities the records name, not the whole vocabulary.
    return { state: this.census && this.#used.has(capability) ? 'no' : 'unknown' };
  }

  /** The state alone (see {@link fact}). */
  state(subject: string, capability: string): CapabilityState {
    return this.fact(subject, capability).state;
  }
}
