/**
 * Turning input bytes into text. Analysts' CSV files come from Excel,
 * LibreOffice, R and Python: UTF-8 with or without a byte-order mark,
 * UTF-16 ("Unicode text" from Excel) and, from Swedish Excel, Windows-1252.
 */

export interface DecodedText {
  text: string;
  /** `utf-8`, `utf-16le`, `utf-16be` or `windows-1252`. */
  encoding: string;
  /** Set when the bytes were not valid UTF-8 and were read as Windows-1252. */
  warning?: string;
}

/** Thrown for input that is not text at all (an image, a zip, an .xlsx workbook). */
export class NotTextError extends Error {}

const XLSX_OR_ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE_XLS = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The warning for bytes that are not valid UTF-8 and were read as Windows-1252. */
export const WINDOWS_1252_WARNING =
  'the file is not valid UTF-8; it was read as Windows-1252 (Excel\'s default for Western European languages). Save as "CSV UTF-8" to be sure å, ä and ö come through';

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
 * {@link NotTextError} for a workbook or archive. Shared by
 * {@link decodeText} and the streaming loader.
 */
export function byteOrderMark(head: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; skip: number } | undefined {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', skip: 3 };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', skip: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', skip: 2 };
  if (startsWith(head, XLSX_OR_ZIP) || startsWith(head, OLE_XLS)) {
    throw new NotTextError('this is a spreadsheet workbook or archive, not a text file; save it from Excel as "CSV UTF-8"');
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
export class BinaryCheck {
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
      if (c === 0) throw new NotTextError('this is not a text file (it contains NUL characters)');
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
    }
    this.control += control;
    this.total += text.length;
  }

  finish(): void {
    if (this.nul) this.fail();
    if (this.control > 0 && this.control * 100 > this.total) throw new NotTextError('this is not a text file (it contains binary control bytes)');
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
      throw new NotTextError(
        `this looks like UTF-16 text (${utf16}) without a byte-order mark, which samverkan cannot tell from binary data for sure; save it as "CSV UTF-8" (or as UTF-16 with its byte-order mark)`,
      );
    }
    throw new NotTextError('this is not a text file (it contains NUL bytes)');
  }
}

/** Decode file bytes to text, detecting the encoding. Throws {@link NotTextError} for binary data. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = byteOrderMark(bytes);
  const check = new BinaryCheck();
  if (bom) {
    const body = bytes.subarray(bom.skip);
    if (bom.encoding === 'utf-8') {
      check.add(body);
      check.finish();
    }
    const text = new TextDecoder(bom.encoding).decode(body);
    if (bom.encoding !== 'utf-8') {
      check.addText(text);
      check.finish();
    }
    return { text, encoding: bom.encoding };
  }
  check.add(bytes);
  check.finish();
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', warning: WINDOWS_1252_WARNING };
  }
}
