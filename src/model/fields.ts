/**
 * Fields of cooperation: what a joint body does. A documented vocabulary,
 * so that "Räddningstjänstförbund", "räddningstjänst (avtalssamverkan)" and
 * "fire and rescue" are one field, and a coordinator can ask "who should we
 * form a fire-and-rescue association with?".
 *
 * A body's field is free text (the `field` attribute of a `joint_body`
 * actor, or `fält`/`verksamhet`); {@link fieldsOf} reads it, with the body's
 * type (`body_type`), into zero or more field codes. A text that names no
 * known field is the field `other`.
 */

/** One field of the vocabulary: its code, labels and the words that name it. */
export interface FieldDefinition {
  /** The code used in options and results (`fire_rescue`). */
  readonly code: string;
  /** Swedish label, as a sentence would use it ("räddningstjänst"). */
  readonly sv: string;
  /** English label ("fire and rescue"). */
  readonly en: string;
  /** Words (lower case, diacritics folded) that name the field in free text. */
  readonly pattern: RegExp;
}

/**
 * The vocabulary, in the order fields are listed. Patterns match folded
 * text (lower case, å/ä → a, ö → o): `raddning` matches "räddningstjänst".
 */
export const FIELDS: readonly FieldDefinition[] = Object.freeze([
  { code: 'fire_rescue', sv: 'räddningstjänst', en: 'fire and rescue', pattern: /raddning|brand|fire|rescue/ },
  { code: 'rehabilitation', sv: 'samordnad rehabilitering (Finsam)', en: 'coordinated rehabilitation (Finsam)', pattern: /rehabilitering|finsam|samordningsforbund|rehabilitation/ },
  { code: 'guardianship', sv: 'överförmyndare', en: 'guardianship', pattern: /overformyndar|guardianship/ },
  { code: 'payroll_hr', sv: 'lön och personal', en: 'payroll and HR', pattern: /\blon\b|lonesamverkan|\bhr\b|personal|payroll/ },
  { code: 'it', sv: 'IT och e-arkiv', en: 'IT and e-archives', pattern: /\bit\b|\bit-|digitali|e-arkiv|\bikt\b/ },
  { code: 'environment_building', sv: 'miljö och bygg', en: 'environment and building', pattern: /miljo|bygg|halsoskydd|livsmedel|\bplan\b|samhallsbyggnad|environment|building/ },
  { code: 'waste', sv: 'avfall', en: 'waste', pattern: /avfall|atervinn|waste/ },
  { code: 'water', sv: 'vatten och avlopp', en: 'water and sewerage', pattern: /\bva\b|vatten|avlopp|water/ },
  { code: 'education', sv: 'utbildning', en: 'education', pattern: /utbildning|gymnasi|skol|education|school/ },
  { code: 'regional_development', sv: 'regional utveckling', en: 'regional development', pattern: /regional utveckling|kommunsamverkan|naringsliv|regional development/ },
  { code: 'licensing', sv: 'alkohol- och tobakstillsyn', en: 'alcohol and tobacco licensing', pattern: /alkohol|tobak|servering|licens/ },
  { code: 'social_services', sv: 'socialjour och familjerätt', en: 'social emergency and family law services', pattern: /socialjour|familjeratt|social services/ },
  { code: 'procurement', sv: 'upphandling', en: 'procurement', pattern: /upphandling|inkop|procurement/ },
  { code: 'interpreting', sv: 'tolkförmedling', en: 'interpreting', pattern: /tolk|interpret/ },
  { code: 'other', sv: 'annat', en: 'other', pattern: /^other$|^annat$|^ovrigt$/ },
] satisfies FieldDefinition[]);

/** The field codes, in vocabulary order. */
export const FIELD_CODES: readonly string[] = Object.freeze(FIELDS.map((f) => f.code));

/** Body types (the `body_type` attribute of the embedded bodies) that fix a field by law. */
const TYPE_FIELDS: Readonly<Record<string, string>> = Object.freeze({
  raddningstjanstforbund: 'fire_rescue',
  samordningsforbund: 'rehabilitation',
  // Sub-regional bodies (Umeåregionen, Sjuhärads kommunalförbund) do regional development.
  delregional: 'regional_development',
});

/** Lower case, diacritics removed, runs of space and underscores as one space. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/**
 * The field codes a body's free-text `field` (and optional type) names, in
 * vocabulary order: "VA; avfall; gata" → `['waste', 'water']`. A non-empty
 * text that names no field is `['other']`; an empty one with no type is `[]`
 * (unknown).
 *
 * @example
 * fieldsOf('räddningstjänst (gemensam ledning)'); // ['fire_rescue']
 * fieldsOf('', 'samordningsforbund'); // ['rehabilitation']
 */
export function fieldsOf(field: string | undefined, type?: string): string[] {
  const text = fold(field ?? '');
  const codes = new Set<string>();
  const byType = type === undefined ? undefined : TYPE_FIELDS[fold(type).replace(/ /g, '')];
  if (byType) codes.add(byType);
  for (const f of FIELDS) if (f.code !== 'other' && f.pattern.test(text)) codes.add(f.code);
  if (codes.size === 0 && (text !== '' || (type !== undefined && type.trim() !== ''))) codes.add('other');
  return FIELD_CODES.filter((c) => codes.has(c));
}

/**
 * A field named by a user (code, Swedish or English label, or any text the
 * vocabulary reads): `'räddningstjänst'`, `'fire and rescue'` and
 * `'fire_rescue'` are all `'fire_rescue'`. `undefined` when the text names
 * no field or more than one.
 *
 * @example
 * findField('Överförmyndare'); // 'guardianship'
 */
export function findField(text: string): string | undefined {
  const folded = fold(text);
  const byCode = FIELDS.find((f) => f.code === folded.replace(/ /g, '_'));
  if (byCode) return byCode.code;
  const byLabel = FIELDS.find((f) => fold(f.sv) === folded || fold(f.en) === folded);
  if (byLabel) return byLabel.code;
  const named = fieldsOf(text).filter((c) => c !== 'other');
  return named.length === 1 ? named[0] : undefined;
}

/** The definition of a field code, if it is one. */
export function fieldDefinition(code: string): FieldDefinition | undefined {
  return FIELDS.find((f) => f.code === code);
}
