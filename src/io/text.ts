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
  'the file is not valid UTF-8; it was read as Windows-1252 (Excel\'s default in Sweden). Save as "CSV UTF-8" to be sure å, ä and ö come through';

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

/**
 * The binary-data check for files without a byte-order mark, fed in pieces:
 * `add` throws {@link NotTextError} at the first NUL byte; `finish` throws
 * when more than 1 % of all bytes were other C0 control bytes.
 */
export class BinaryCheck {
  private control = 0;
  private total = 0;
  add(bytes: Uint8Array): void {
    // NUL and most C0 control bytes never occur in text files.
    let control = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b >= 0x20) continue;
      if (b === 0) throw new NotTextError('this is not a text file (it contains NUL bytes)');
      if (b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
    }
    this.control += control;
    this.total += bytes.length;
  }
  finish(): void {
    if (this.control > 0 && this.control * 100 > this.total) throw new NotTextError('this is not a text file (it contains binary control bytes)');
  }
}

/** Decode file bytes to text, detecting the encoding. Throws {@link NotTextError} for binary data. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.skip)), encoding: bom.encoding };
  const check = new BinaryCheck();
  check.add(bytes);
  check.finish();
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', warning: WINDOWS_1252_WARNING };
  }
}
