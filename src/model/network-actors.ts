import type { Actor } from './schema.js';

/**
 * A network's actors by id and by ordinal, in network order: the
 * municipalities first in code order, then the other actors in input order.
 * One map of the others' ids to their places (and a small one of the
 * municipalities' codes) serves both lookups (issue 16): a map of actors by
 * id and another of ordinals by id cost a quarter of a second each at half
 * a million actors. Read as a `ReadonlyMap` from id to actor.
 */
export class ActorIndex implements ReadonlyMap<string, Actor> {
  /** Actors by ordinal. */
  readonly list: readonly Actor[];
  readonly #municipalities: ReadonlyMap<string, number>;
  #others: ReadonlyMap<string, number> | undefined;
  readonly #offset: number;

  /**
   * `municipalities`: the municipality actors, in code order; `others`: the
   * other actors in order (distinct ids, none among the municipalities'
   * codes), and `places`, each one's id → its index in `others`, or
   * `undefined` to have that map made on the first lookup that needs it (a
   * loaded network's ids come in the actors' order, see {@link ordinalsOf}:
   * a load and its CSR view need no map of half a million ids).
   */
  constructor(municipalities: readonly Actor[], others: readonly Actor[], places?: ReadonlyMap<string, number>) {
    this.list = municipalities.length === 0 ? others : [...municipalities, ...others];
    this.#municipalities = new Map(municipalities.map((m, i) => [m.id, i]));
    this.#others = places;
    this.#offset = municipalities.length;
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
      const { list } = this;
      const offset = this.#offset;
      for (let i = offset; i < list.length; i++) places.set(list[i]!.id, i - offset);
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
    const list = this.list;
    let next = this.#offset;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (next < list.length && list[next]!.id === id) out[k] = next++;
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
    return this.list.length;
  }

  forEach(callback: (actor: Actor, id: string, map: ReadonlyMap<string, Actor>) => void, thisArg?: unknown): void {
    for (const actor of this.list) callback.call(thisArg, actor, actor.id, this);
  }

  *entries(): MapIterator<[string, Actor]> {
    for (const actor of this.list) yield [actor.id, actor];
  }

  *keys(): MapIterator<string> {
    for (const actor of this.list) yield actor.id;
  }

  values(): MapIterator<Actor> {
    return this.list.values() as MapIterator<Actor>;
  }

  [Symbol.iterator](): MapIterator<[string, Actor]> {
    return this.entries();
  }
}
