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

/** Decode file bytes to text, detecting the encoding. Throws {@link NotTextError} for binary data. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (startsWith(bytes, XLSX_OR_ZIP) || startsWith(bytes, OLE_XLS)) {
    throw new NotTextError('this is a spreadsheet workbook or archive, not a text file; save it from Excel as "CSV UTF-8"');
  }
  // NUL and most C0 control bytes never occur in text files.
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0) throw new NotTextError('this is not a text file (it contains NUL bytes)');
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > 0 && control * 100 > bytes.length) throw new NotTextError('this is not a text file (it contains binary control bytes)');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'windows-1252',
      warning: 'the file is not valid UTF-8; it was read as Windows-1252 (Excel\'s default in Sweden). Save as "CSV UTF-8" to be sure å, ä and ö come through',
    };
  }
}
