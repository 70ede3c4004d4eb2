/**
 * How the ends of links resolve to actors: the rule of a load
 * ({@link EndResolution}, {@link resolutionFor}) and the resolver that
 * applies it to one links file ({@link EndResolver}).
 */
import { findMunicipalityBy, geographyWords, indexGeography } from '../../model/geography.js';
import { because, hint, type FileReport, type Problem, type ProblemReason } from '../../model/load-report.js';
import type { LinkColumns } from '../../model/link-columns.js';
import type { ActorColumns } from '../../model/actor-columns.js';
import type { Geography } from '../../model/schema.js';
import { clipText, visibleText } from '../../model/text.js';
import { ambiguousMunicipality, excelHint, lookalikeIdHint, lookalikeMunicipality, Lookalikes, municipalitySuggestionHint } from '../hints.js';
import type { LoadNetworkOptions } from './options.js';
import type { ByteInterner } from './intern.js';
import type { RecordReader } from './record.js';

/**
 * How a link reader reads the ends of links: actor ids first (`declared`),
 * then municipality codes (when `codes`) and names (when `names`) of the
 * geography. With `implicit` (an edge list without an actors table, and no
 * geography given), an end that is neither may be an actor of its own: if
 * no end of the file turns out to be a municipality, the file is a plain
 * graph and those ends are its actors; if some end is a municipality, they
 * are errors (most likely misspelt municipalities).
 */
export interface EndResolution {
  readonly geography: Geography;
  readonly declared: ReadonlySet<string> | DeclaredIds;
  readonly codes: boolean;
  readonly names: boolean;
  readonly implicit: boolean;
  /** Ids of actor rows that are not actors of their own (see {@link IdTrail}). */
  readonly rejected?: ReadonlyMap<string, IdTrail>;
}

/**
 * The declared actor ids as the actors reader keeps them (issue 16): a set
 * whose order is the actors' order, with each id's place in it, so that a
 * resolver numbers them without a map of its own.
 */
export interface DeclaredIds extends ReadonlySet<string> {
  /** The place of a declared id in the set's order. */
  placeOf(id: string): number | undefined;
  /** The declared ids of printable ASCII in a new table by their bytes (the reader's own, copied), each with `value(place, id)`. */
  byBytes?(value: (place: number, id: string) => number): ByteInterner;
  /** The ids in the set's order, as an array. */
  readonly list: readonly string[];
}

/**
 * Where an id of the actors table went when it is not an actor's id: its
 * row was rejected (a link to it says so and names the row), or it was a
 * municipality row merged into its municipality (`municipality`: the code;
 * a link to the id is a link to that municipality).
 */
export interface IdTrail {
  file: string;
  row: number;
  municipality?: string;
}

/** A link reader's outcome: the links, their report, the implicit actor ids and how many ends were municipalities. */
export interface LinkReadResult {
  /** The links, as columns (kinds and dates stored once, ids numbered by the resolver). */
  links: LinkColumns;
  report: FileReport;
  /** Ends that are actors of their own (a plain graph), in first-seen order. */
  implicit: string[];
  /** Groups of a memberships file (`group,municipality`) that are not declared actors: joint bodies, in first-seen order. */
  groups?: string[];
  /** Link ends (counted per row and end) that were municipalities. */
  municipalityEnds: number;
}

/** A reader of link records (as a {@link RecordReader}), whose `finish` gives the links as columns and says what the ends were. */
export interface LinkRecordReader extends Omit<RecordReader<never>, 'finish'> {
  finish(): LinkReadResult;
}

/**
 * How the link ends of a load resolve (see {@link EndResolution}): names
 * always (unless `ids: 'actors'`); codes when a geography was given, when
 * `ids: 'municipality-codes'`, or when the actors table names
 * municipalities; implicit actors for an edge list without an actors table
 * and without a geography.
 */
export function resolutionFor(
  geography: Geography,
  actors: ActorColumns,
  options: LoadNetworkOptions,
  context: { explicit: boolean; actorsTable: boolean; rejected?: ReadonlyMap<string, IdTrail>; declared?: DeclaredIds },
): EndResolution {
  const ids = options.ids ?? 'auto';
  const speaks = actors.speaksGeography();
  // The actors reader's own set of the actors' ids when it gives one (the same ids: a set of half a million costs a quarter of a second).
  let declared: ReadonlySet<string> | DeclaredIds | undefined = context.declared;
  if (declared === undefined) {
    declared = new Set(actors.ids);
  }
  return {
    geography,
    declared,
    codes: ids === 'municipality-codes' || (ids === 'auto' && (context.explicit || speaks)),
    names: ids !== 'actors',
    implicit: !context.actorsTable && !context.explicit && ids !== 'municipality-codes',
    ...(context.rejected && { rejected: context.rejected }),
  };
}

/**
 * Resolves the link ends of one links file as {@link EndResolution} says,
 * and numbers every actor id it lands on (so that pairs are counted with
 * numeric keys): `end` for a link's end, `group` and `member` for the two
 * columns of a memberships file. It remembers the implicit actors it took
 * and the groups it made, and says why an end resolves to nothing.
 */
export class EndResolver {
  /** Actor ids by number. */
  readonly ids: string[] = [];
  /** Ends taken as implicit actors, in first-seen order. */
  readonly implicitIds: string[] = [];
  readonly implicitSet = new Set<string>();
  /** Groups of a memberships file that are not declared actors: joint bodies of their own, in first-seen order. */
  readonly groupIds: string[] = [];
  readonly municipalityCodes: ReadonlyMap<string, unknown>;
  /** How ends that are not actor ids are looked up among the municipalities. */
  readonly by: { codes: boolean; names: boolean };
  private readonly ordinal = new Map<string, number>();
  private readonly groupSet = new Set<string>();
  private lookalikes: Lookalikes | undefined;

  /** `graphEnds`: a graph file's edge ends are actor ids already: no municipality lookup, so an edge to a rejected node "180" does not land on Stockholm (0180). */
  constructor(
    private readonly resolution: EndResolution,
    private readonly graphEnds: boolean,
  ) {
    this.by = { codes: resolution.codes && !graphEnds, names: resolution.names && !graphEnds };
    this.municipalityCodes = indexGeography(resolution.geography).municipality;
  }

  get geography(): Geography {
    return this.resolution.geography;
  }

  /** The places of the declared ids, once {@link numberDeclared} numbered them so. */
  #places: DeclaredIds | undefined;

  /** The number of an actor id, given the first time it is seen. */
  ordinalOf(id: string): number {
    let o = this.ordinal.get(id) ?? this.#places?.placeOf(id);
    if (o === undefined) {
      o = this.ids.length;
      this.ids.push(id);
      this.ordinal.set(id, o);
    }
    return o;
  }

  /**
   * Number every declared actor id up front, in the actors' order (a link
   * end that is one resolves to its number, as {@link end} would number it
   * on first sight), so that a reader can resolve ends by an interning table
   * filled from these numbers (issue 16). Returns the declared ids' own
   * table by their bytes with `value(number, id)` each, when they have one
   * (see `DeclaredIds.byBytes`) and are numbered by their places.
   */
  numberDeclared(value?: (ordinal: number, id: string) => number): ByteInterner | undefined {
    const { declared } = this.resolution;
    // Declared ids that know their places are numbered by them (without a map); a fresh resolver's numbers are those places.
    if ('placeOf' in declared && this.ids.length === 0) {
      const { list } = declared;
      for (let k = 0; k < list.length; k++) this.ids.push(list[k]!);
      this.#places = declared;
      return value && declared.byBytes?.(value);
    }
    for (const id of declared) this.ordinalOf(id);
    return undefined;
  }

  /** Why a link end names no actor, with what it most likely is. */
  unresolved(value: string): ProblemReason {
    const { geography, declared } = this.resolution;
    if (this.graphEnds) return because('edge.unknown_node');
    const rejected = this.resolution.rejected?.get(value);
    if (rejected && rejected.municipality === undefined) return because('end.rejected_actor', { id: visibleText(clipText(value)), row: rejected.row, file: rejected.file });
    const ambiguous = ambiguousMunicipality(geography, value);
    if (ambiguous) return ambiguous;
    if (!this.lookalikes) {
      this.lookalikes = new Lookalikes();
      for (const id of declared) this.lookalikes.add(id, 0);
    }
    const twin = this.lookalikes.find(value);
    const what = hint(this.by.codes ? 'end.undeclared.codes_names' : this.by.names ? 'end.undeclared.names' : 'end.undeclared.no_municipalities');
    const coded = !this.by.codes && this.by.names ? findMunicipalityBy(geography, value, { codes: true, names: false }) : undefined;
    const codeHint = coded ? hint('end.undeclared.code_hint', { name: coded.name }) : '';
    const lookalike = twin !== undefined ? lookalikeIdHint(value, twin) : lookalikeMunicipality(geography, value);
    return because('end.undeclared', { what, geography: geographyWords(geography), code: codeHint, excel: excelHint(value), suggestion: lookalike || (this.by.names ? municipalitySuggestionHint(geography, value) : '') });
  }

  /** A group of a memberships file: a declared actor, or a joint body of its own. */
  group(value: string): number | undefined {
    const { declared } = this.resolution;
    if (!declared.has(value) && !this.groupSet.has(value)) {
      if (this.resolution.rejected?.has(value)) return undefined;
      this.groupSet.add(value);
      this.groupIds.push(value);
    }
    return this.ordinalOf(value);
  }

  /** A member of a memberships file: a municipality by code or name (never an implicit actor). */
  member(value: string): number | undefined {
    const { geography, declared } = this.resolution;
    const code = this.resolution.rejected?.get(value)?.municipality ?? (declared.has(value) && this.municipalityCodes.has(value) ? value : findMunicipalityBy(geography, value, { codes: true, names: true })?.code);
    return code === undefined ? undefined : this.ordinalOf(code);
  }

  /** A link's end: an actor id, a municipality (by code or name, as `by` says), or an implicit actor. */
  end(value: string): number | undefined {
    const { geography, declared } = this.resolution;
    let o = this.ordinal.get(value) ?? this.#places?.placeOf(value);
    if (o !== undefined) return o;
    let id: string | undefined = declared.has(value) ? value : (this.resolution.rejected?.get(value)?.municipality ?? findMunicipalityBy(geography, value, this.by)?.code);
    if (id === undefined && this.resolution.implicit && !this.graphEnds) {
      id = value;
      if (!this.implicitSet.has(id)) {
        this.implicitSet.add(id);
        this.implicitIds.push(id);
      }
    }
    if (id === undefined) return undefined;
    if (id === value) {
      // A new id (its spelling missed above): numbered at once, without looking it up again.
      o = this.ids.length;
      this.ids.push(id);
      this.ordinal.set(id, o);
      return o;
    }
    o = this.ordinalOf(id);
    // The raw spelling (a name, a code without its zero) resolves the same way next time.
    if (value !== id) this.ordinal.set(value, o);
    return o;
  }

  /** A plain edge list whose ids are also municipality codes: the warning that says how to read them as municipalities. */
  codeLookalikes(file: string, implicit: readonly string[]): Problem | undefined {
    const { geography } = this.resolution;
    const codes = implicit.map((id) => [id, findMunicipalityBy(geography, id, { codes: true, names: false })] as const).filter(([, m]) => m !== undefined);
    if (codes.length === 0) return undefined;
    const shown = codes.slice(0, 3).map(([id, m]) => `${id} ${m!.name}`).join(', ');
    return { file, row: 0, ...because('ids.municipality_codes', { count: codes.length, total: implicit.length, geography: geographyWords(geography), shown: `${shown}${codes.length > 3 ? ', …' : ''}` }), severity: 'warning' };
  }
}
