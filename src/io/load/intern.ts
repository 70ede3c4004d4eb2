import { grown } from '../../model/grown.js';

/**
 * An interning table keyed by bytes (issue 16): the byte-level tokenizer
 * looks a field up by its bytes, without making a string, and only a field
 * not seen before becomes text (once). Open addressing on an FNV-1a hash,
 * the keys kept in one byte arena.
 */
export class ByteInterner {
  #mask: number;
  /** Per slot, two numbers: entry + 1 (0: empty) and the key's hash (compared before the entry is read: one cache miss per probe, not four). */
  #slots: Int32Array;
  /** Per entry, four numbers: hash, start in the arena, length, value. */
  #entries: Int32Array;
  #arena: Uint8Array;
  #used = 0;
  #count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.#mask = size - 1;
    this.#slots = new Int32Array(2 * size);
    this.#entries = new Int32Array(4 * (size >> 1));
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
    let slot = h & mask;
    for (;;) {
      const e = slots[2 * slot]!;
      if (e === 0) return undefined;
      if (slots[2 * slot + 1] === h) {
        const at = 4 * (e - 1);
        const entries = this.#entries;
        if (entries[at + 2] === length && this.#same(entries[at + 1]!, bytes, start, length)) return entries[at + 3]!;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Give the key `bytes[start … end - 1]` (not in the table) its value. */
  set(bytes: Uint8Array, start: number, end: number, value: number): void {
    const h = hashOf(bytes, start, end);
    const length = end - start;
    const at = this.#add(h, length, value);
    this.#arena.set(bytes.subarray(start, end), at);
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
    const entry = this.#findText(text, h);
    if (entry >= 0) return this.#entries[4 * entry + 3]!;
    const at = this.#add(h, text.length, value);
    const arena = this.#arena;
    for (let k = 0; k < text.length; k++) arena[at + k] = text.charCodeAt(k);
    return -1;
  }

  /** The value of the key given as text (printable ASCII), or `undefined` (for any other text too). */
  getText(text: string): number | undefined {
    const h = textHash(text);
    const entry = h === undefined ? -1 : this.#findText(text, h);
    return entry < 0 ? undefined : this.#entries[4 * entry + 3]!;
  }

  /** The entry of the key given as text (of hash `h`), or -1. */
  #findText(text: string, h: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    for (let slot = h & mask; slots[2 * slot] !== 0; slot = (slot + 1) & mask) {
      if (slots[2 * slot + 1] !== h) continue;
      const entry = slots[2 * slot]! - 1;
      if (this.#entries[4 * entry + 2] === text.length && this.#sameText(this.#entries[4 * entry + 1]!, text)) return entry;
    }
    return -1;
  }

  /** A copy of the table (the same keys), each value `v` replaced by `value(v)`: one copy of the arrays, no key hashed again. */
  copy(value: (v: number) => number): ByteInterner {
    const other = new ByteInterner(1);
    other.#mask = this.#mask;
    other.#slots = this.#slots.slice();
    const entries = this.#entries.slice();
    for (let e = 0; e < this.#count; e++) entries[4 * e + 3] = value(entries[4 * e + 3]!);
    other.#entries = entries;
    other.#arena = this.#arena.slice();
    other.#used = this.#used;
    other.#count = this.#count;
    return other;
  }

  /** A new entry (its key not in the table) of hash `h`: placed, with room for its `length` bytes at the returned place in the arena. */
  #add(h: number, length: number, value: number): number {
    if ((this.#count + 1) * 2 > this.#mask + 1) this.#grow();
    const entry = this.#count++;
    this.#arena = grown(this.#arena, this.#used + length, (n) => new Uint8Array(n));
    const at = this.#used;
    const entries = this.#entries;
    entries[4 * entry] = h;
    entries[4 * entry + 1] = at;
    entries[4 * entry + 2] = length;
    entries[4 * entry + 3] = value;
    this.#used += length;
    this.#place(entry, h);
    return at;
  }

  #sameText(at: number, text: string): boolean {
    const arena = this.#arena;
    for (let k = 0; k < text.length; k++) if (arena[at + k] !== text.charCodeAt(k)) return false;
    return true;
  }

  #same(at: number, bytes: Uint8Array, start: number, length: number): boolean {
    const arena = this.#arena;
    for (let k = 0; k < length; k++) if (arena[at + k] !== bytes[start + k]) return false;
    return true;
  }

  #place(entry: number, h: number): void {
    const slots = this.#slots;
    const mask = this.#mask;
    let slot = h & mask;
    while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = entry + 1;
    slots[2 * slot + 1] = h;
  }

  #grow(): void {
    const size = (this.#mask + 1) * 2;
    this.#mask = size - 1;
    this.#slots = new Int32Array(2 * size);
    const entries = new Int32Array(4 * (size >> 1));
    entries.set(this.#entries);
    this.#entries = entries;
    for (let entry = 0; entry < this.#count; entry++) this.#place(entry, entries[4 * entry]!);
  }
}

/** FNV-1a over the bytes, mixed at the end so that the low bits (the slot) depend on every byte. */
function hashOf(bytes: Uint8Array, start: number, end: number): number {
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
