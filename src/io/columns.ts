import { DEFAULT_KINDS, kindWord } from '../model/kinds.js';
export { KIND_VOCABULARY } from '../model/kinds.js';

/**
 * Column names and value spellings that samverkan understands. Header cells
 * are matched after {@link normaliseHeader}: case-insensitive, with spaces,
 * hyphens and dots read as underscores, so `Kommun kod`, `kommun-kod` and
 * `KOMMUNKOD`… (the last without separator) all have an entry below.
 */

/** Normalise a header cell: NFC, lower case, spaces/hyphens/dots/slashes → `_`. */
export function normaliseHeader(cell: string): string {
  return cell
    .normalize('NFC')
    // Locale-free lower case: the same header in any country's file (Å, Ä and Ö lower as in Swedish).
    .toLowerCase()
    .trim()
    .replace(/[\s\-./]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/** Accepted header names (after normalisation) for each actor field. */
export const ACTOR_COLUMNS = {
  id: ['id', 'actor_id', 'actor', 'aktör', 'aktor', 'aktörs_id', 'aktor_id', 'aktörsid'],
  name: ['name', 'namn', 'label', 'benämning', 'benamning'],
  kind: ['kind', 'type', 'typ', 'kategori', 'category', 'slag', 'aktörstyp', 'aktorstyp'],
  municipality: [
    'municipality',
    'municipality_code',
    'kommun',
    'kommunkod',
    'kommun_kod',
    'kommunnamn',
    'kommun_namn',
    'kn_kod',
    'knkod',
  ],
  county: ['county', 'county_code', 'län', 'lan', 'länskod', 'lanskod', 'län_kod', 'lan_kod', 'lk', 'länsnamn', 'lansnamn'],
} as const;

/** Accepted header names (after normalisation) for each link field. */
export const LINK_COLUMNS = {
  source: ['source', 'from', 'från', 'fran', 'källa', 'kalla', 'a', 'actor_a', 'aktör_a', 'aktor_a', 'part_1', 'part1', 'node1', 'source_id'],
  target: ['target', 'to', 'till', 'b', 'actor_b', 'aktör_b', 'aktor_b', 'part_2', 'part2', 'node2', 'target_id', 'mål', 'mal'],
  kind: ['kind', 'type', 'typ', 'kategori', 'category', 'form', 'samverkansform'],
  weight: ['weight', 'vikt', 'strength', 'styrka'],
  since: ['since', 'start', 'start_date', 'startdatum', 'from_date', 'från_datum', 'fran_datum', 'sedan', 'fr_o_m', 'fom'],
  until: ['until', 'end', 'end_date', 'slutdatum', 'to_date', 'till_datum', 'tom', 't_o_m'],
} as const;

/**
 * A links file of group memberships: one row per member, `group` (a joint
 * body, or any group of municipalities) and `municipality` instead of
 * `source` and `target`. Used only when the header has neither a source nor
 * a target column.
 */
export const MEMBERSHIP_COLUMNS = {
  ...LINK_COLUMNS,
  source: ['group', 'grupp', 'group_id', 'body', 'body_id', 'organ'],
  target: ['municipality', 'kommun', 'municipality_code', 'kommunkod', 'member', 'medlem'],
} as const;

/**
 * Spellings of the known actor kinds the model knows, the kind codes and
 * English, as snake_case words (`faith_community`) → kind: the model's
 * {@link KIND_VOCABULARY} (matched case- and diacritic-insensitively). A
 * country's words are its own (`Geography.kinds`; Sweden's `trossamfund`,
 * `förening` …): `normaliseKind(word, geography)` reads them. Anything
 * else is kept as a user-defined kind.
 */
export const KIND_ALIASES: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(DEFAULT_KINDS.entries().map(([word, kind]) => [kindWord(word), kind]))),
);


export type ColumnSpec = Readonly<Record<string, readonly string[]>>;

/** Where each known field sits in a header, and which columns are extra. */
export interface ColumnMap<F extends string> {
  /** Field → column index. */
  fields: Partial<Record<F, number>>;
  /**
   * Columns that are not a known field: kept as attributes. Index and
   * attribute name: the header as written, made unique (a second `note`
   * becomes `note_2`), or `column_N` for a column without a header.
   */
  extra: { index: number; name: string }[];
  /** Two header cells that mean the same field. */
  duplicates: { field: F; columns: string[] }[];
  /** Extra columns whose attribute name is not the header as written: a repeated name, or none. */
  renamed?: { index: number; header: string; name: string; first?: number }[];
}

/** Match header cells to fields using the alias lists in `spec`. */
export function mapColumns<F extends string>(header: readonly string[], spec: Readonly<Record<F, readonly string[]>>): ColumnMap<F> {
  const lookup = new Map<string, F>();
  for (const field of Object.keys(spec) as F[]) for (const alias of spec[field]) lookup.set(alias, field);
  const fields: Partial<Record<F, number>> = {};
  const seen = new Map<F, string[]>();
  const extra: { index: number; name: string }[] = [];
  const renamed: { index: number; header: string; name: string; first?: number }[] = [];
  const taken = new Map<string, number>();
  const normalised = header.map(normaliseHeader);
  header.forEach((cell, i) => {
    if (cell !== '' && !lookup.has(normalised[i]!)) taken.set(cell, -1);
  });
  // The next suffix to try per name, so a header of a million equal cells is renamed in linear time.
  const next = new Map<string, number>();
  const unique = (base: string) => {
    if (!taken.has(base)) return base;
    let k = next.get(base) ?? 2;
    let name = `${base}_${k}`;
    while (taken.has(name)) name = `${base}_${++k}`;
    next.set(base, k + 1);
    return name;
  };
  header.forEach((cell, index) => {
    const field = lookup.get(normalised[index]!);
    if (field === undefined) {
      if (cell === '') {
        // A column without a header: its values are kept under a name of its own (the loader warns when one has a value).
        const name = unique(`column_${index + 1}`);
        taken.set(name, index);
        extra.push({ index, name });
        renamed.push({ index, header: cell, name });
        return;
      }
      const first = taken.get(cell)!;
      if (first < 0) {
        taken.set(cell, index);
        extra.push({ index, name: cell });
        return;
      }
      // The same name twice: the later column gets a name of its own instead of overwriting the first.
      const name = unique(cell);
      taken.set(name, index);
      extra.push({ index, name });
      renamed.push({ index, header: cell, name, first });
      return;
    }
    const list = seen.get(field) ?? [];
    list.push(cell);
    seen.set(field, list);
    if (fields[field] === undefined) fields[field] = index;
  });
  const duplicates = [...seen].filter(([, cells]) => cells.length > 1).map(([field, columns]) => ({ field, columns }));
  const map: ColumnMap<F> = { fields, extra, duplicates };
  if (renamed.length > 0) map.renamed = renamed;
  return map;
}


