import { grown, int32s } from './grown.js';
import type { Actor } from './schema.js';

/**
 * A loader's actors as columns, not one object per actor (issue 16): ids
 * as strings, names as strings or made on first use by the loader's
 * function ({@link setNameReader}: from the bytes it kept), kind,
 * municipality and county as codes of small tables of words, attributes as
 * a sparse column. At half a million actors
 * the objects and their promotion through every full collection were the
 * largest share of a load's garbage collection; the network keeps the
 * columns and makes the actor objects ({@link row}) on first use.
 *
 * Rows are appended in the actors' order; codes are numbers from 0, -1 for
 * an absent municipality or county.
 */
export class ActorColumns {
  #count = 0;
  readonly ids: string[] = [];
  /** Names, `undefined` for one {@link #readName} makes. */
  readonly #names: (string | undefined)[] = [];
  #readName: ((i: number) => string) | undefined;
  #kind: Int32Array = new Int32Array(1024);
  #municipality: Int32Array = new Int32Array(1024);
  #county: Int32Array = new Int32Array(1024);
  /** The kinds the kind codes stand for. */
  readonly kinds: string[] = [];
  readonly #kindCodes = new Map<string, number>();
  /** The municipality and county codes the place codes stand for. */
  readonly places: string[] = [];
  readonly #placeCodes = new Map<string, number>();
  /** Row → its attributes, for the actors that have any. */
  readonly attributes = new Map<number, Readonly<Record<string, string>>>();
  /** The code of kind `municipality`, once a row has it (-1: none has). */
  #municipalityKind = -1;
  /** Whether a row names a municipality or county, or is of kind municipality (see {@link speaksGeography}). */
  #speaks = false;

  get count(): number {
    return this.#count;
  }

  /** The code of a kind, given the first time it is seen. */
  kindCode(kind: string): number {
    let code = this.#kindCodes.get(kind);
    if (code === undefined) {
      code = this.kinds.length;
      this.kinds.push(kind);
      this.#kindCodes.set(kind, code);
      if (kind === 'municipality') this.#municipalityKind = code;
    }
    return code;
  }

  /** The code of a municipality's or county's code (-1 for none), given the first time it is seen. */
  placeCode(place: string | undefined): number {
    if (place === undefined) return -1;
    let code = this.#placeCodes.get(place);
    if (code === undefined) {
      code = this.places.length;
      this.places.push(place);
      this.#placeCodes.set(place, code);
    }
    return code;
  }

  /**
   * Where the names given as `undefined` come from: the loader's reader of
   * the bytes it kept (half a million name strings were a large share of a
   * million-link load's garbage collection, and a load and its CSR view
   * read none of them).
   */
  setNameReader(read: (i: number) => string): void {
    this.#readName = read;
  }

  /** Row `i`'s name. */
  nameOf(i: number): string {
    return this.#names[i] ?? this.#readName!(i);
  }

  /** Append an actor by its codes (see {@link kindCode}, {@link placeCode}), its name `undefined` when the name reader makes it; returns its row. */
  add(id: string, name: string | undefined, kind: number, municipality: number, county: number, attributes?: Readonly<Record<string, string>>): number {
    const i = this.#count++;
    if (i === this.#kind.length) {
      this.#kind = grown(this.#kind, i + 1, int32s);
      this.#municipality = grown(this.#municipality, i + 1, int32s);
      this.#county = grown(this.#county, i + 1, int32s);
    }
    this.ids.push(id);
    this.#names.push(name);
    this.#kind[i] = kind;
    this.#municipality[i] = municipality;
    this.#county[i] = county;
    if (attributes !== undefined) this.attributes.set(i, attributes);
    if (!this.#speaks && (municipality >= 0 || county >= 0 || kind === this.#municipalityKind)) this.#speaks = true;
    return i;
  }

  /** Append an actor object (its fields, not the object); returns its row. */
  addActor(actor: Actor): number {
    return this.add(actor.id, actor.name, this.kindCode(actor.kind), this.placeCode(actor.municipality), this.placeCode(actor.county), actor.attributes);
  }

  /** Whether row `i` is of kind municipality. */
  isMunicipality(i: number): boolean {
    return this.#kind[i] === this.#municipalityKind;
  }

  municipalityOf(i: number): string | undefined {
    const m = this.#municipality[i]!;
    return m < 0 ? undefined : this.places[m];
  }

  countyOf(i: number): string | undefined {
    const c = this.#county[i]!;
    return c < 0 ? undefined : this.places[c];
  }

  /** The place codes of row `i`'s municipality and county (-1: none), for callers that compare many rows. */
  municipalityCode(i: number): number {
    return this.#municipality[i]!;
  }

  countyCode(i: number): number {
    return this.#county[i]!;
  }

  /** Set row `i`'s attributes (a network's frozen copy of the loader's). */
  setAttributes(i: number, attributes: Readonly<Record<string, string>>): void {
    this.attributes.set(i, attributes);
  }

  /** Set row `i`'s county (a network derives it from the municipality when absent). */
  setCounty(i: number, county: string): void {
    this.#county[i] = this.placeCode(county);
  }

  /**
   * Whether any row names a municipality or a county, or is of kind
   * municipality: data that speaks geography (a load without one given is
   * then not a plain graph).
   */
  speaksGeography(): boolean {
    return this.#speaks;
  }

  /**
   * Row `i` as an actor object, a new one each call, with the keys in the
   * order the loaders always wrote them: id, name, kind, municipality,
   * county, attributes.
   */
  row(i: number): Actor {
    return this.actorOf(this.ids[i]!, this.nameOf(i), this.#kind[i]!, this.#municipality[i]!, this.#county[i]!, this.attributes.get(i));
  }

  /** An actor object from fields and codes, as {@link row} makes one (a row not kept yet, say, to compare with a kept one). */
  actorOf(id: string, name: string, kind: number, municipality: number, county: number, attributes: Readonly<Record<string, string>> | undefined): Actor {
    const actor: Actor = { id, name, kind: this.kinds[kind]! };
    if (municipality >= 0) actor.municipality = this.places[municipality]!;
    if (county >= 0) actor.county = this.places[county]!;
    if (attributes !== undefined) actor.attributes = attributes;
    return actor;
  }

  /**
   * The rows for which `keep(i)` is true, as columns of their own (in
   * order). Names not read yet stay unread: the copy reads them from here.
   */
  filter(keep: (i: number) => boolean): ActorColumns {
    const out = new ActorColumns();
    // This table's codes → the copy's, each word coded on first use, as the copy's own `add`s would.
    const kinds = new Int32Array(this.kinds.length).fill(-1);
    const places = new Int32Array(this.places.length).fill(-1);
    const kindIn = (c: number) => (kinds[c]! >= 0 ? kinds[c]! : (kinds[c] = out.kindCode(this.kinds[c]!)));
    const placeIn = (c: number) => (c < 0 ? -1 : places[c]! >= 0 ? places[c]! : (places[c] = out.placeCode(this.places[c]!)));
    const source: number[] = [];
    for (let i = 0; i < this.#count; i++) {
      if (!keep(i)) continue;
      source.push(i);
      out.add(this.ids[i]!, this.#names[i], kindIn(this.#kind[i]!), placeIn(this.#municipality[i]!), placeIn(this.#county[i]!), this.attributes.get(i));
    }
    if (this.#readName) out.setNameReader((j) => this.nameOf(source[j]!));
    return out;
  }
}
