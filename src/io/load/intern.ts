/**
 * An interning table keyed by bytes (issue 16): the byte-level tokenizer
 * looks a field up by its bytes, without making a string, and only a field
 * not seen before becomes text (once). Open addressing on an FNV-1a hash,
 * the keys kept in one byte arena.
 */
export class ByteInterner {
  #mask: number;
  /** Per slot: entry + 1 (0: empty). */
  #slots: Int32Array;
  #hash: Int32Array;
  #start: Int32Array;
  #length: Int32Array;
  #value: Int32Array;
  #arena: Uint8Array;
  #used = 0;
  #count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.#mask = size - 1;
    this.#slots = new Int32Array(size);
    this.#hash = new Int32Array(size >> 1);
    this.#start = new Int32Array(size >> 1);
    this.#length = new Int32Array(size >> 1);
    this.#value = new Int32Array(size >> 1);
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
      const e = slots[slot]!;
      if (e === 0) return undefined;
      const entry = e - 1;
      if (this.#hash[entry] === h && this.#length[entry] === length && this.#same(entry, bytes, start, length)) return this.#value[entry]!;
      slot = (slot + 1) & mask;
    }
  }

  /** Give the key `bytes[start … end - 1]` (not in the table) its value. */
  set(bytes: Uint8Array, start: number, end: number, value: number): void {
    if ((this.#count + 1) * 2 > this.#mask + 1) this.#grow();
    const h = hashOf(bytes, start, end);
    const length = end - start;
    const entry = this.#count++;
    if (this.#used + length > this.#arena.length) this.#arena = grownArena(this.#arena, this.#used + length);
    this.#arena.set(bytes.subarray(start, end), this.#used);
    this.#hash[entry] = h;
    this.#start[entry] = this.#used;
    this.#length[entry] = length;
    this.#value[entry] = value;
    this.#used += length;
    this.#place(entry, h);
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
    if ((this.#count + 1) * 2 > this.#mask + 1) this.#grow();
    const slots = this.#slots;
    const mask = this.#mask;
    let slot = h & mask;
    for (;;) {
      const e = slots[slot]!;
      if (e === 0) break;
      const entry = e - 1;
      if (this.#hash[entry] === h && this.#length[entry] === length && this.#sameText(entry, text)) return false;
      slot = (slot + 1) & mask;
    }
    const entry = this.#count++;
    if (this.#used + length > this.#arena.length) this.#arena = grownArena(this.#arena, this.#used + length);
    const arena = this.#arena;
    const at = this.#used;
    for (let k = 0; k < length; k++) arena[at + k] = text.charCodeAt(k);
    this.#hash[entry] = h;
    this.#start[entry] = at;
    this.#length[entry] = length;
    this.#value[entry] = value;
    this.#used += length;
    slots[slot] = entry + 1;
    return true;
  }

  #sameText(entry: number, text: string): boolean {
    const arena = this.#arena;
    const at = this.#start[entry]!;
    for (let k = 0; k < text.length; k++) if (arena[at + k] !== text.charCodeAt(k)) return false;
    return true;
  }

  #same(entry: number, bytes: Uint8Array, start: number, length: number): boolean {
    const arena = this.#arena;
    const at = this.#start[entry]!;
    for (let k = 0; k < length; k++) if (arena[at + k] !== bytes[start + k]) return false;
    return true;
  }

  #place(entry: number, h: number): void {
    const slots = this.#slots;
    const mask = this.#mask;
    let slot = h & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = entry + 1;
  }

  #grow(): void {
    const size = (this.#mask + 1) * 2;
    this.#mask = size - 1;
    this.#slots = new Int32Array(size);
    const keep = (a: Int32Array) => {
      const b = new Int32Array(size >> 1);
      b.set(a);
      return b;
    };
    this.#hash = keep(this.#hash);
    this.#start = keep(this.#start);
    this.#length = keep(this.#length);
    this.#value = keep(this.#value);
    for (let entry = 0; entry < this.#count; entry++) this.#place(entry, this.#hash[entry]!);
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
