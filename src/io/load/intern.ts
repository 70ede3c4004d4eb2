import { grown, uint8s } from '../../model/grown.js';

/**
 * An interning table keyed by bytes (issue 16): the byte-level tokenizer
 * looks a field up by its bytes, without making a string, and only a field
 * not seen before becomes text (once). Open addressing on an FNV-1a hash,
 * the keys kept in one byte arena. A slot holds what a lookup reads besides
 * the key's bytes (hash, length, value), so that a lookup reads two places
 * in memory, the slot and the key, not three.
 */
export class ByteInterner {
  #mask: number;
  /** {@link STRIDE} numbers a slot: hash, arena start + 1 (0: an empty slot), length, value. */
  #slots: Int32Array;
  #arena: Uint8Array;
  #used = 0;
  #count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.#mask = size - 1;
    this.#slots = new Int32Array(STRIDE * size);
    this.#arena = new Uint8Array(Math.max(1024, capacity * 16));
  }

  /** Number of keys. */
  get size(): number {
    return this.#count;
  }

  /** The value of the key `bytes[start … end - 1]`, or `undefined` when it has none yet. */
  get(bytes: Uint8Array, start: number, end: number): number | undefined {
    const h = hashOf(bytes, start, end);
    const length = end - start;
    const slots = this.#slots;
    const mask = this.#mask;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const base = slot * STRIDE;
      const at = slots[base + 1]!;
      if (at === 0) return undefined;
      if (slots[base] === h && slots[base + 2] === length && this.#same(at - 1, bytes, start, length)) return slots[base + 3]!;
    }
  }

  /** Give the key `bytes[start … end - 1]` (not in the table) its value. */
  set(bytes: Uint8Array, start: number, end: number, value: number): void {
    const h = hashOf(bytes, start, end);
    const length = end - start;
    const at = this.#add(h, length, value);
    // A loop, not set(subarray): a view made per key is garbage the size of the key's row.
    const arena = this.#arena;
    for (let k = 0; k < length; k++) arena[at + k] = bytes[start + k]!;
  }

  /**
   * {@link set} for a key given as text of printable ASCII (each character
   * its own byte, so it is found by the bytes of a simple line); returns
   * `false`, setting nothing, for any other text or a key already there.
   */
  setAscii(text: string, value: number): boolean {
    return this.internText(text, value) === -1;
  }

  /**
   * The value of the key given as text, set to `value` when the key is new:
   * the value it had, -1 when it was new (now set), or -2 for text that is
   * not printable ASCII (nothing set; see {@link setAscii}). Values are
   * numbers from 0.
   */
  internText(text: string, value: number): number {
    const h = textHash(text);
    if (h === undefined) return -2;
    const found = this.#findText(text, h);
    if (found >= 0) return this.#slots[found + 3]!;
    const at = this.#add(h, text.length, value);
    const arena = this.#arena;
    for (let k = 0; k < text.length; k++) arena[at + k] = text.charCodeAt(k);
    return -1;
  }

  /** The value of the key given as text (printable ASCII), or `undefined` (for any other text too). */
  getText(text: string): number | undefined {
    const h = textHash(text);
    const found = h === undefined ? -1 : this.#findText(text, h);
    return found < 0 ? undefined : this.#slots[found + 3]!;
  }

  /** The slot (its first number's index) of the key given as text (of hash `h`), or -1. */
  #findText(text: string, h: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const base = slot * STRIDE;
      const at = slots[base + 1]!;
      if (at === 0) return -1;
      if (slots[base] === h && slots[base + 2] === text.length && this.#sameText(at - 1, text)) return base;
    }
  }

  /** A copy of the table (the same keys), each value `v` replaced by `value(v)`: one copy of the arrays, no key hashed again. */
  copy(value: (v: number) => number): ByteInterner {
    const other = new ByteInterner(1);
    other.#mask = this.#mask;
    const slots = this.#slots.slice();
    for (let base = 0; base < slots.length; base += STRIDE) if (slots[base + 1] !== 0) slots[base + 3] = value(slots[base + 3]!);
    other.#slots = slots;
    other.#arena = this.#arena.slice();
    other.#used = this.#used;
    other.#count = this.#count;
    return other;
  }

  /** A new key (not in the table) of hash `h`: its slot filled, with room for its `length` bytes at the returned place in the arena. */
  #add(h: number, length: number, value: number): number {
    if ((this.#count + 1) * 2 > this.#mask + 1) this.#grow();
    this.#count++;
    this.#arena = grown(this.#arena, this.#used + length, uint8s);
    const at = this.#used;
    this.#used += length;
    const slots = this.#slots;
    const base = freeSlot(slots, this.#mask, h);
    slots[base] = h;
    slots[base + 1] = at + 1;
    slots[base + 2] = length;
    slots[base + 3] = value;
    return at;
  }

  #sameText(at: number, text: string): boolean {
    const arena = this.#arena;
    for (let k = 0; k < text.length; k++) if (arena[at + k] !== text.charCodeAt(k)) return false;
    return true;
  }

  /** Whether the key at `at` in the arena is `bytes[start …]` of `length` (its own length). */
  #same(at: number, bytes: Uint8Array, start: number, length: number): boolean {
    const arena = this.#arena;
    for (let k = 0; k < length; k++) if (arena[at + k] !== bytes[start + k]) return false;
    return true;
  }

  #grow(): void {
    const old = this.#slots;
    const size = (this.#mask + 1) * 2;
    const mask = size - 1;
    const slots = new Int32Array(STRIDE * size);
    for (let from = 0; from < old.length; from += STRIDE) {
      if (old[from + 1] === 0) continue;
      const to = freeSlot(slots, mask, old[from]!);
      for (let k = 0; k < STRIDE; k++) slots[to + k] = old[from + k]!;
    }
    this.#mask = mask;
    this.#slots = slots;
  }
}

/** Numbers a slot holds (16 bytes: four slots a cache line). */
const STRIDE = 4;

/** The first empty slot (its first number's index) from the home of hash `h`, by linear probing. */
function freeSlot(slots: Int32Array, mask: number, h: number): number {
  let slot = h & mask;
  while (slots[slot * STRIDE + 1] !== 0) slot = (slot + 1) & mask;
  return slot * STRIDE;
}

/** FNV-1a over the bytes, mixed at the end so that the low bits (the slot) depend on every byte. Exported for the tests (keys of one hash). @internal */
export function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  return mixed(h);
}

/**
 * Whether `bytes[start … end - 1]` are printable ASCII: the bytes of text the
 * table keys by its text as well ({@link textHash}'s rule), so a key set from
 * such bytes is found by `getText` and `internText`.
 */
export function isPrintableAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (bytes[k]! < 0x20 || bytes[k]! > 0x7e) return false;
  return true;
}

/** {@link hashOf} of the bytes of text of printable ASCII (each character its own byte), or `undefined` for any other text. */
function textHash(text: string): number | undefined {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x20 || c > 0x7e) return undefined;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return mixed(h);
}

/** The final mix of {@link hashOf}. */
function mixed(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
