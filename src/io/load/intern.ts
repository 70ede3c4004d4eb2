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
    const length = text.length;
    let h = 0x811c9dc5;
    for (let k = 0; k < length; k++) {
      const c = text.charCodeAt(k);
      if (c < 0x20 || c > 0x7e) return false;
      h = Math.imul(h ^ c, 0x01000193);
    }
    h = mixed(h);
    const slots = this.#slots;
    const mask = this.#mask;
    for (let slot = h & mask; slots[2 * slot] !== 0; slot = (slot + 1) & mask) {
      if (slots[2 * slot + 1] !== h) continue;
      const at = 4 * (slots[2 * slot]! - 1);
      if (this.#entries[at + 2] === length && this.#sameText(this.#entries[at + 1]!, text)) return false;
    }
    const at = this.#add(h, length, value);
    const arena = this.#arena;
    for (let k = 0; k < length; k++) arena[at + k] = text.charCodeAt(k);
    return true;
  }

  /** A new entry (its key not in the table) of hash `h`: placed, with room for its `length` bytes at the returned place in the arena. */
  #add(h: number, length: number, value: number): number {
    if ((this.#count + 1) * 2 > this.#mask + 1) this.#grow();
    const entry = this.#count++;
    if (this.#used + length > this.#arena.length) this.#arena = grownArena(this.#arena, this.#used + length);
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

/** The arena with room for `needed` bytes (at least doubled), its bytes kept. */
function grownArena(arena: Uint8Array, needed: number): Uint8Array {
  const bigger = new Uint8Array(Math.max(arena.length * 2, needed));
  bigger.set(arena);
  return bigger;
}

/** FNV-1a over the bytes, mixed at the end so that the low bits (the slot) depend on every byte. */
function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  return mixed(h);
}

/** The final mix of {@link hashOf}. */
function mixed(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
