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
  readonly #others: ReadonlyMap<string, number>;
  readonly #offset: number;

  /**
   * `municipalities`: the municipality actors, in code order; `others`: the
   * other actors in order, and `places`, each one's id → its index in
   * `others` (no id among the municipalities' codes).
   */
  constructor(municipalities: readonly Actor[], others: readonly Actor[], places: ReadonlyMap<string, number>) {
    this.list = municipalities.length === 0 ? others : [...municipalities, ...others];
    this.#municipalities = new Map(municipalities.map((m, i) => [m.id, i]));
    this.#others = places;
    this.#offset = municipalities.length;
  }

  /** The ordinal of the actor with this id, if any. */
  ordinalOf(id: string): number | undefined {
    const m = this.#municipalities.get(id);
    if (m !== undefined) return m;
    const o = this.#others.get(id);
    return o === undefined ? undefined : o + this.#offset;
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
