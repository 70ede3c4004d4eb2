/**
 * Turning input bytes into text. Analysts' CSV files come from Excel,
 * LibreOffice, R and Python: UTF-8 with or without a byte-order mark,
 * UTF-16 ("Unicode text" from Excel) and, from Swedish Excel, Windows-1252.
 */

import { because, hint, type ProblemReason } from '../model/load-report.js';
import { SamverkanError } from '../model/errors.js';
import { messageText } from '../model/i18n/problem.js';

export interface DecodedText {
  text: string;
  /** `utf-8`, `utf-16le`, `utf-16be` or `windows-1252`. */
  encoding: string;
  /** Set when the bytes were not valid UTF-8 and were read as Windows-1252. */
  warning?: string;
}

/**
 * Thrown for input that is not text at all (an image, a zip, an .xlsx
 * workbook): a `SamverkanError`, code `NOT_TEXT`. `problem`: the message as
 * data (its `reason` is the message; `describe(lang)` says it in a language).
 */
export class NotTextError extends SamverkanError {
  constructor(readonly problem: ProblemReason) {
    super('NOT_TEXT', (lang) => messageText(problem, lang));
    this.name = 'NotTextError';
  }
}

const XLSX_OR_ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE_XLS = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The warning for bytes that are not valid UTF-8 and were read as Windows-1252. */
export const WINDOWS_1252_WARNING = because('text.windows1252').reason;

/**
 * Windows-1252 bytes 0x80–0x9F, as the WHATWG Encoding Standard maps them
 * (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ; the five bytes
 * the code page leaves undefined, 0x81 0x8D 0x8F 0x90 0x9D, map to the C1
 * control of the same number). Bytes below 0x80 are ASCII and 0xA0–0xFF are
 * Latin-1, the code point of the same number.
 */
const HIGH_1252 = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Byte → UTF-16 code unit, for all 256 bytes of Windows-1252. */
const WINDOWS_1252 = Uint16Array.from({ length: 256 }, (_, b) => (b >= 0x80 && b < 0xa0 ? HIGH_1252[b - 0x80]! : b));

/**
 * Decode Windows-1252 with samverkan's own table rather than `TextDecoder`,
 * which in some Node 20 releases deletes the bytes 0x80–0x9F (€, ’, “, ”,
 * –, …, ™). Every byte maps to one character, so pieces of a file decode
 * alike whatever their boundaries.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const STEP = 8192;
  const units = new Uint16Array(Math.min(STEP, bytes.length));
  for (let at = 0; at < bytes.length; at += STEP) {
    const n = Math.min(STEP, bytes.length - at);
    for (let i = 0; i < n; i++) units[i] = WINDOWS_1252[bytes[at + i]!]!;
    parts.push(String.fromCharCode.apply(null, n === units.length ? (units as unknown as number[]) : (units.subarray(0, n) as unknown as number[])));
  }
  return parts.join('');
}

/**
 * What the first bytes of a file (at least 4 unless the file is shorter) say
 * about it: a byte-order mark (the encoding and how many bytes to skip), or
 * `undefined` when the content decides (UTF-8, else Windows-1252). Throws
 * {@link NotTextError} for a workbook or archive.
 */
function byteOrderMark(head: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; skip: number } | undefined {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', skip: 3 };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', skip: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', skip: 2 };
  if (startsWith(head, XLSX_OR_ZIP) || startsWith(head, OLE_XLS)) {
    throw new NotTextError(because('text.workbook', { save: hint('text.workbook.save') }));
  }
  return undefined;
}

/** How many of a file's first bytes tell UTF-16 without a byte-order mark from binary data. */
const HEAD = 4096;

/**
 * Which UTF-16 the bytes look like when they have no byte-order mark: ASCII
 * text in UTF-16 has a zero in every other byte (the odd ones in
 * little-endian, the even ones in big-endian) and almost never in the others.
 */
function utf16Without(head: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  const pairs = head.length >> 1;
  if (pairs < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  if (odd * 10 >= pairs * 4 && even * 20 < pairs) return 'little-endian';
  if (even * 10 >= pairs * 4 && odd * 20 < pairs) return 'big-endian';
  return undefined;
}

/**
 * The binary-data check, fed in pieces (bytes of a file without a
 * byte-order mark, or the text of any file): `add` and `addText` throw
 * {@link NotTextError} for a NUL once the first 4 096 bytes are known (so
 * that the message, which says when the bytes look like UTF-16 without a
 * byte-order mark, does not depend on how the file was cut into pieces);
 * `finish` throws for a NUL in a shorter file, and when more than 1 % of
 * all bytes (or characters) were other C0 control characters.
 */
class BinaryCheck {
  private control = 0;
  private total = 0;
  private nul = false;
  private head: Uint8Array = new Uint8Array(0);

  add(bytes: Uint8Array): void {
    if (this.head.length < HEAD) {
      const take = bytes.subarray(0, HEAD - this.head.length);
      const head = new Uint8Array(this.head.length + take.length);
      head.set(this.head);
      head.set(take, this.head.length);
      this.head = head;
    }
    this.count(bytes);
    if (this.nul && this.head.length >= HEAD) this.fail();
  }

  /** The same check on decoded text (a UTF-16 file, whose bytes are half zeros). */
  addText(text: string): void {
    let control = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x20) continue;
      if (c === 0) throw new NotTextError(because('text.nul_characters'));
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
    }
    this.control += control;
    this.total += text.length;
  }

  /** Bytes known to be printable ASCII (or UTF-8 sequences of more than one byte), tabs and line ends (lines read by the byte-level tokenizer): no control bytes to count. */
  addAscii(bytes: Uint8Array): void {
    // Only the head is kept (for the UTF-16 verdict); the rest has no byte to count (a first chunk of megabytes was scanned whole).
    const head = bytes.subarray(0, Math.max(0, HEAD - this.head.length));
    if (head.length > 0) this.add(head);
    this.total += bytes.length - head.length;
  }

  finish(): void {
    if (this.nul) this.fail();
    if (this.control > 0 && this.control * 100 > this.total) throw new NotTextError(because('text.control_bytes'));
  }

  private count(bytes: Uint8Array): void {
    // NUL and most C0 control bytes never occur in text files.
    let control = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b >= 0x20) continue;
      if (b === 0) {
        this.nul = true;
        if (this.head.length >= HEAD) break;
      } else if (b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
    }
    this.control += control;
    this.total += bytes.length;
  }

  private fail(): never {
    const utf16 = utf16Without(this.head);
    if (utf16) {
      throw new NotTextError(because('text.utf16_no_bom', { order: utf16, save: hint('text.utf16_no_bom.save') }));
    }
    throw new NotTextError(because('text.nul_bytes'));
  }
}

/**
 * Thrown by a {@link TextReader} reading as UTF-8 at the first byte that is
 * not valid UTF-8: the bytes are read again from their start as
 * Windows-1252 (see {@link READINGS}), since that needs the whole file to
 * decide.
 */
export class NotUtf8Error extends Error {}

/** A byte-to-text decoder: a `TextDecoder`, or samverkan's own Windows-1252 table (one character per byte: nothing to carry over). */
type Decoder = { decode(bytes?: Uint8Array, options?: { stream?: boolean }): string };

const WINDOWS_1252_DECODER: Decoder = { decode: (bytes?: Uint8Array) => (bytes ? decodeWindows1252(bytes) : '') };

/**
 * The one byte-to-text reader: bytes in, in pieces of any size, text out to
 * `sink` as it is decoded. A byte-order mark (UTF-8, UTF-16 LE/BE) in the
 * first 4 bytes decides the encoding; a workbook signature there rejects
 * the bytes. Otherwise they are UTF-8 (strictly: {@link NotUtf8Error} at the
 * first invalid byte), or Windows-1252 when `windows1252` (the second
 * reading). The binary check ({@link BinaryCheck}) runs whatever the
 * byte-order mark says, on the bytes, or on the text of UTF-16 (half its
 * bytes are zeros). {@link decodeText} reads bytes in memory with it and the
 * chunked loader a file, so both decide alike.
 */
export class TextReader {
  /** The encoding, once the first bytes are known: `utf-8`, `utf-16le`, `utf-16be` or `windows-1252`. */
  encoding: string | undefined;
  private head: Uint8Array[] = [];
  private headLength = 0;
  private decoder: Decoder | undefined;
  private readonly check = new BinaryCheck();
  private checkText = false;

  constructor(
    private readonly sink: (text: string) => void,
    private readonly windows1252 = false,
  ) {}

  /** The next bytes. Throws {@link NotTextError} or {@link NotUtf8Error}. */
  push(bytes: Uint8Array): void {
    if (this.decoder) {
      this.decode(bytes);
      return;
    }
    // The encoding is decided on the first 4 bytes (the longest signature); pieces may be smaller.
    if (this.headLength === 0 && bytes.length >= 4) {
      this.begin(bytes);
      return;
    }
    // Copied: a caller may reuse its buffer for the next piece.
    this.head.push(bytes.slice());
    this.headLength += bytes.length;
    if (this.headLength >= 4) this.begin(this.joinedHead());
  }

  /** The end of the bytes: the rest of the text, then the binary check's verdict on the whole. */
  end(): void {
    if (!this.decoder) this.begin(this.joinedHead());
    let rest: string;
    try {
      rest = this.decoder!.decode();
    } catch {
      throw new NotUtf8Error();
    }
    this.text(rest);
    this.check.finish();
  }

  /**
   * Whether ASCII bytes read as themselves from here on (UTF-8 or
   * Windows-1252, decided), so that the byte-level tokenizer may read
   * printable ASCII lines itself and hand them to {@link skipAscii}.
   */
  get readsAscii(): boolean {
    return this.decoder !== undefined && !this.checkText;
  }

  /** Whether the bytes are read as UTF-8 (decided, by the content or a byte-order mark), so that the byte-level tokenizer may read valid UTF-8 lines itself too. */
  get readsUtf8(): boolean {
    return this.readsAscii && this.encoding === 'utf-8';
  }

  /**
   * Bytes of whole lines of printable ASCII (or valid UTF-8, see {@link readsUtf8}) the byte-level tokenizer read
   * (see `TableStream.pushSimpleLines`), between whole lines given to
   * {@link push}: counted by the binary check, with nothing to decode.
   */
  skipAscii(bytes: Uint8Array): void {
    this.check.addAscii(bytes);
  }

  /** The warning a Windows-1252 reading gives, if this is one. */
  get warning(): string | undefined {
    return this.encoding === 'windows-1252' ? WINDOWS_1252_WARNING : undefined;
  }

  private joinedHead(): Uint8Array {
    const head = new Uint8Array(this.headLength);
    let at = 0;
    for (const part of this.head) {
      head.set(part, at);
      at += part.length;
    }
    this.head = [];
    return head;
  }

  private begin(head: Uint8Array): void {
    const bom = byteOrderMark(head);
    if (bom) {
      this.decoder = new TextDecoder(bom.encoding);
      this.encoding = bom.encoding;
      this.checkText = bom.encoding !== 'utf-8';
      this.decode(head.subarray(bom.skip));
      return;
    }
    this.encoding = this.windows1252 ? 'windows-1252' : 'utf-8';
    this.decoder = this.windows1252 ? WINDOWS_1252_DECODER : new TextDecoder('utf-8', { fatal: true });
    this.decode(head);
  }

  private decode(bytes: Uint8Array): void {
    if (!this.checkText) this.check.add(bytes);
    let text: string;
    try {
      text = this.decoder!.decode(bytes, { stream: true });
    } catch {
      throw new NotUtf8Error();
    }
    this.text(text);
  }

  private text(text: string): void {
    if (this.checkText) this.check.addText(text);
    if (text !== '') this.sink(text);
  }
}

/** The readings of bytes, in order: as UTF-8 (or by the byte-order mark), then, when that throws {@link NotUtf8Error}, as Windows-1252. */
export const READINGS = [false, true] as const;

/** Decode file bytes to text, detecting the encoding (see {@link TextReader}). Throws {@link NotTextError} for binary data. */
export function decodeText(bytes: Uint8Array): DecodedText {
  for (const windows1252 of READINGS) {
    const parts: string[] = [];
    const reader = new TextReader((text) => parts.push(text), windows1252);
    try {
      reader.push(bytes);
      reader.end();
    } catch (error) {
      if (error instanceof NotUtf8Error) continue;
      throw error;
    }
    const decoded: DecodedText = { text: parts.join(''), encoding: reader.encoding! };
    if (reader.warning) decoded.warning = reader.warning;
    return decoded;
  }
  throw new Error('unreachable: the Windows-1252 reading always settles');
}
