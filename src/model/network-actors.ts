import type { ActorColumns } from './actor-columns.js';
import type { Actor } from './schema.js';

/**
 * A network's actors by id and by ordinal, in network order: the
 * municipalities first in code order, then the other actors in input order.
 * One map of the others' ids to their places (and a small one of the
 * municipalities' codes) serves both lookups (issue 16): a map of actors by
 * id and another of ordinals by id cost a quarter of a second each at half
 * a million actors. Read as a `ReadonlyMap` from id to actor.
 *
 * The others may be a loader's columns ({@link ActorColumns}): their actor
 * objects are then made, frozen, on the first use of one ({@link list}), and
 * the lookups by id and the ids, kinds and places by ordinal read the
 * columns (a load and its CSR view make none of the objects).
 */
export class ActorIndex implements ReadonlyMap<string, Actor> {
  readonly #municipalityActors: readonly Actor[];
  readonly #municipalities: ReadonlyMap<string, number>;
  #others: ReadonlyMap<string, number> | undefined;
  readonly #offset: number;
  /** The other actors as objects, or as columns until {@link list} makes the objects. */
  #otherActors: readonly Actor[] | undefined;
  #columns: ActorColumns | undefined;
  #list: readonly Actor[] | undefined;

  /**
   * `municipalities`: the municipality actors, in code order; `others`: the
   * other actors in order (distinct ids, none among the municipalities'
   * codes), and `places`, each one's id → its index in `others`, or
   * `undefined` to have that map made on the first lookup that needs it (a
   * loaded network's ids come in the actors' order, see {@link ordinalsOf}:
   * a load and its CSR view need no map of half a million ids).
   */
  constructor(municipalities: readonly Actor[], others: readonly Actor[] | ActorColumns, places?: ReadonlyMap<string, number>) {
    this.#municipalityActors = municipalities;
    if (Array.isArray(others)) this.#otherActors = others;
    else this.#columns = others as ActorColumns;
    // Frozen from here on: what the network hands out cannot change what it computes.
    for (const actor of municipalities) freeze(actor);
    for (const actor of this.#otherActors ?? []) freeze(actor);
    this.#municipalities = new Map(municipalities.map((m, i) => [m.id, i]));
    this.#others = places;
    this.#offset = municipalities.length;
  }

  /** Actors by ordinal (made from the columns, frozen, on first use). */
  get list(): readonly Actor[] {
    if (this.#list === undefined) {
      const others = (this.#otherActors ??= this.#rows());
      this.#list = this.#municipalityActors.length === 0 ? others : [...this.#municipalityActors, ...others];
      // The objects hold what the columns held (the loader's name bytes, its codes): read from them from now on.
      this.#columns = undefined;
    }
    return this.#list;
  }

  #rows(): Actor[] {
    const columns = this.#columns!;
    const out: Actor[] = new Array(columns.count);
    for (let i = 0; i < columns.count; i++) {
      out[i] = freeze(columns.row(i));
    }
    return out;
  }

  /** The id of the actor of ordinal `o`. */
  idOf(o: number): string {
    const m = this.#offset;
    if (o < m) return this.#municipalityActors[o]!.id;
    return this.#columns !== undefined ? this.#columns.ids[o - m]! : this.#otherActors![o - m]!.id;
  }

  /**
   * Each actor's municipality and county as a number (-1: none), equal
   * numbers for equal codes, so that a link's flags compare numbers, not
   * strings: a loader's columns are numbered by their codes, without a
   * lookup per actor.
   */
  placeNumbers(): { municipality: Int32Array; county: Int32Array } {
    const n = this.size;
    const m = this.#offset;
    const numbers = new Map<string, number>();
    const number = (code: string | undefined): number => {
      if (code === undefined) return -1;
      let k = numbers.get(code);
      if (k === undefined) numbers.set(code, (k = numbers.size));
      return k;
    };
    const municipality = new Int32Array(n);
    const county = new Int32Array(n);
    for (let o = 0; o < m; o++) {
      municipality[o] = number(this.#municipalityActors[o]!.municipality);
      county[o] = number(this.#municipalityActors[o]!.county);
    }
    const columns = this.#columns;
    if (columns === undefined) {
      for (let o = m; o < n; o++) {
        municipality[o] = number(this.#otherActors![o - m]!.municipality);
        county[o] = number(this.#otherActors![o - m]!.county);
      }
    } else {
      const byCode = Int32Array.from(columns.places, number);
      for (let o = m; o < n; o++) {
        const mc = columns.municipalityCode(o - m);
        const cc = columns.countyCode(o - m);
        municipality[o] = mc < 0 ? -1 : byCode[mc]!;
        county[o] = cc < 0 ? -1 : byCode[cc]!;
      }
    }
    return { municipality, county };
  }

  /** The ordinal of the actor with this id, if any. */
  ordinalOf(id: string): number | undefined {
    const m = this.#municipalities.get(id);
    if (m !== undefined) return m;
    const o = this.#places().get(id);
    return o === undefined ? undefined : o + this.#offset;
  }

  /** The map of the other actors' ids to their places in `others`, made once. */
  #places(): ReadonlyMap<string, number> {
    if (this.#others === undefined) {
      const places = new Map<string, number>();
      const offset = this.#offset;
      for (let i = offset; i < this.size; i++) places.set(this.idOf(i), i - offset);
      this.#others = places;
    }
    return this.#others;
  }

  /**
   * The ordinal of each id (-1: not an actor's). Ids that come mostly in
   * the actors' order (a loader's, which numbers the declared actors first)
   * are each compared with the next actor in order before they are looked
   * up: most then cost no lookup at all.
   */
  ordinalsOf(ids: readonly string[]): Int32Array {
    const out = new Int32Array(ids.length);
    const size = this.size;
    let next = this.#offset;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (next < size && this.idOf(next) === id) out[k] = next++;
      else out[k] = this.ordinalOf(id) ?? -1;
    }
    return out;
  }

  get(id: string): Actor | undefined {
    const o = this.ordinalOf(id);
    return o === undefined ? undefined : this.list[o];
  }

  has(id: string): boolean {
    return this.ordinalOf(id) !== undefined;
  }

  get size(): number {
    return this.#offset + (this.#columns !== undefined ? this.#columns.count : this.#otherActors!.length);
  }

  forEach(callback: (actor: Actor, id: string, map: ReadonlyMap<string, Actor>) => void, thisArg?: unknown): void {
    for (const actor of this.list) callback.call(thisArg, actor, actor.id, this);
  }

  *entries(): MapIterator<[string, Actor]> {
    for (const actor of this.list) yield [actor.id, actor];
  }

  *keys(): MapIterator<string> {
    for (let o = 0; o < this.size; o++) yield this.idOf(o);
  }

  values(): MapIterator<Actor> {
    return this.list.values() as MapIterator<Actor>;
  }

  [Symbol.iterator](): MapIterator<[string, Actor]> {
    return this.entries();
  }
}

/** An actor frozen with its attributes (an actor of another network is already). */
function freeze(actor: Actor): Actor {
  if (Object.isFrozen(actor)) return actor;
  if (actor.attributes !== undefined) Object.freeze(actor.attributes);
  return Object.freeze(actor);
}
