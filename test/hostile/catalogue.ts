/**
 * A catalogue of hostile and broken inputs, as a hostile and as a clumsy
 * user would give them (issue 12 tried 314 such inputs; these are the kinds
 * that went wrong and their neighbours). Each case is files written to a
 * fresh folder, a command line run in it, and the outcome:
 *
 * - `code`: the exit code (0 success, 1 bad input, 2 bad usage);
 * - `message`: a pattern the output (stdout and stderr) must match;
 * - `report`: what the load report says of one input file (rows, and how
 *   many were loaded, merged, rejected, blank): checked through the
 *   library, with `loadNetwork` in lenient mode on the same files;
 * - always: no stack trace, no internal error name (TypeError, RangeError),
 *   no raw terminal control character, and the report's counts add up.
 *
 * test/hostile/catalogue.test.ts runs them.
 */

export interface FileReportExpectation {
  /** Which input: the file name as given to the option. */
  file: string;
  rows: number;
  loaded?: number;
  merged?: number;
  rejected?: number;
  blank?: number;
}

export interface HostileCase {
  name: string;
  /** Files of the folder the command runs in. A string is written as UTF-8. */
  files?: Record<string, string | Uint8Array>;
  /** Special files to make there: FIFOs, symbolic links. */
  fifos?: string[];
  args: string[];
  code: number;
  message: RegExp;
  /** Set when the output must not match this (a leak, a garbled line). */
  not?: RegExp;
  report?: FileReportExpectation;
}

const u8 = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const utf16le = (t: string) => new Uint8Array(Buffer.from(t, 'utf16le'));
const utf16be = (t: string) => {
  const le = utf16le(t);
  return le.map((_, i) => le[i ^ 1]!);
};
const ACTORS = 'id,name,kind,municipality\nkyrka,Kyrkan,religious,2480\nforening,Föreningen,civil_society,2460\n';
const validate = (links: string, extra: string[] = []) => ['validate', '--links', links, ...extra];
const links = (text: string) => ({ 'links.csv': text });
const GEXF = (nodes: string, edges = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph defaultedgetype="undirected">\n<nodes>\n${nodes}\n</nodes>\n<edges>\n${edges}\n</edges>\n</graph>\n</gexf>\n`;

export const CATALOGUE: HostileCase[] = [
  // --- What the data is -----------------------------------------------------
  { name: 'an edge list of integer ids is a plain graph, and says which ids are also municipality codes', files: links('source,target\n1,2\n2,2480\n2480,3\n'), args: ['validate', '--links', 'links.csv', '--ids', 'auto'], code: 0, message: /warning: .*1 of the 4 ids are also municipality codes of the Sweden geography \(2480 Umeå\) but are read as actor ids of a plain graph/, report: { file: 'links.csv', rows: 3, loaded: 3 } },
  { name: 'a coverage table of a plain graph says it needs a geography', files: links('source,target\n1,2\n2,3\n'), args: ['coverage', '--links', 'links.csv', '--ids', 'auto'], code: 1, message: /coverageByCounty needs a geography, and this network is a plain graph/ },
  { name: 'a misspelt municipality name gets a suggestion', files: links('source,target\nUmeå,Vännas\n'), args: ['validate', '--links', 'links.csv', '--ids', 'auto'], code: 1, message: /did you mean Vännäs \(2460\)\?/, report: { file: 'links.csv', rows: 1, rejected: 1 } },
  { name: 'an unknown kind is kept and reported once with its rows', files: { 'actors.csv': 'id,name,kind,municipality\na,A,samverkanspartner,Umeå\nb,B,samverkanspartner,Umeå\n', 'links.csv': 'source,target\na,b\n' }, args: ['validate', '--actors', 'actors.csv', '--links', 'links.csv', '--ids', 'auto'], code: 0, message: /the kind "samverkanspartner" is not in samverkan's vocabulary \(rows 2, 3\)/ },

  // --- CSV structure -------------------------------------------------------
  { name: 'unterminated quote swallowing 1 000 rows', files: links('source,target,note\n2480,2460,"oops\n' + '2481,2482,ok\n'.repeat(1000)), args: validate('links.csv'), code: 1, message: /row 2, column note: a quote opened on line 2 is never closed: everything after it to the end of the file \(1\s?001 lines\)/, report: { file: 'links.csv', rows: 1, rejected: 1 } },
  { name: 'unterminated quote in the last row', files: links('source,target\n2480,2460\n2480,"2482\n'), args: validate('links.csv'), code: 1, message: /row 3, column target: a quote opened on line 3 is never closed/, report: { file: 'links.csv', rows: 2, loaded: 1, rejected: 1 } },
  { name: 'unterminated quote in the header', files: links('source,"target\n2480,2460\n'), args: validate('links.csv'), code: 1, message: /row 1, column target.*: a quote opened on line 1 is never closed/, report: { file: 'links.csv', rows: 0 } },
  { name: 'a lone quote at the end of the file', files: links('source,target\n2480,2460\n"'), args: validate('links.csv'), code: 1, message: /row 3, column source: a quote opened on line 3 is never closed/, report: { file: 'links.csv', rows: 2, loaded: 1, rejected: 1 } },
  { name: 'text after a closing quote', files: links('source,target\n2480,"2460"1\n'), args: validate('links.csv'), code: 1, message: /row 2, column target: text after the closing quote of a quoted field \("1"\)/, report: { file: 'links.csv', rows: 1, rejected: 1 } },
  { name: 'a quote closed rows later', files: links('source,target,note\n2480,2460,"a\n2481,2482,b\n2483,2484,c"\n2480,2482,d\n'), args: validate('links.csv'), code: 0, message: /warning: .*row 2, column note: the quoted field opened on line 2 runs over 3 lines, and its later lines look like rows/, report: { file: 'links.csv', rows: 2, loaded: 2 } },
  { name: 'doubled quotes and a quoted line break are fine', files: links('source,target,note\n2480,2460,"say ""hej""\nand bye"\n'), args: validate('links.csv'), code: 0, message: /No problems\./, report: { file: 'links.csv', rows: 1, loaded: 1 } },
  { name: 'spaces around quoted fields', files: links('source, target\n"2480" , "2460"\n'), args: validate('links.csv'), code: 0, message: /No problems\./, report: { file: 'links.csv', rows: 1, loaded: 1 } },
  { name: 'CR-only line ends with more commas in the free text than semicolons in the file', files: links('source;target;note\r2480;2460;a, b, c, d, e\r2481;2482;f, g, h, i, j, k\r'), args: validate('links.csv'), code: 0, message: /No problems\./, report: { file: 'links.csv', rows: 2, loaded: 2 } },
  { name: 'mixed CRLF, LF and CR line ends', files: links('source,target\r\n2480,2460\n2481,2482\r2460,2482\r\n'), args: validate('links.csv'), code: 0, message: /No problems\./, report: { file: 'links.csv', rows: 3, loaded: 3 } },
  { name: 'blank lines before the header and between rows', files: links('\n\n \nsource,target\n\n2480,2460\n\n'), args: validate('links.csv'), code: 0, message: /No problems\./, report: { file: 'links.csv', rows: 3, loaded: 1, blank: 2 } },
  { name: 'a header and no rows', files: links('source,target\n'), args: validate('links.csv'), code: 0, message: /warning: .*the file has a header but no data rows/, report: { file: 'links.csv', rows: 0 } },
  { name: 'an empty file', files: links(''), args: validate('links.csv'), code: 1, message: /links\.csv: the file is empty/, report: { file: 'links.csv', rows: 0 } },
  { name: 'only whitespace', files: links('  \n\t\n  '), args: validate('links.csv'), code: 1, message: /links\.csv: the file is empty/ },
  { name: 'only a byte-order mark', files: links('\uFEFF'), args: validate('links.csv'), code: 1, message: /the file is empty/ },
  { name: 'a row wider than the header', files: links('source,target\n2480,2460,extra\n'), args: validate('links.csv'), code: 1, message: /row 2: the row has more fields than the header/, report: { file: 'links.csv', rows: 1, rejected: 1 } },
  { name: 'trailing empty fields are fine', files: links('source,target,,\n2480,2460,,\n'), args: validate('links.csv'), code: 0, message: /No problems\./, report: { file: 'links.csv', rows: 1, loaded: 1 } },
  { name: 'a row shorter than the header', files: links('source,target,kind\n2480\n'), args: validate('links.csv'), code: 1, message: /row 2, column target: the target is empty/, report: { file: 'links.csv', rows: 1, rejected: 1 } },
  { name: 'a value in a column without a header', files: links('source,target,\n2480,2460,kept\n'), args: validate('links.csv'), code: 0, message: /warning: .*column 3 has no name in the header; its values are kept as the attribute "column_3"/, report: { file: 'links.csv', rows: 1, loaded: 1 } },
  { name: 'two extra columns of one name', files: links('source,target,note,note\n2480,2460,a,b\n'), args: validate('links.csv'), code: 0, message: /columns 3 and 4 are both named "note": the values of column 4 are kept as the attribute "note_2"/ },
  { name: 'two columns meaning one field', files: links('source,från,target\n2480,2481,2460\n'), args: validate('links.csv'), code: 1, message: /columns "source" and "från" all mean "source"; keep one/ },
  { name: 'no target column', files: links('source,other\n2480,2460\n'), args: validate('links.csv'), code: 1, message: /missing required column "target" \(accepted names: .*\); the header has: source, other/, report: { file: 'links.csv', rows: 1, rejected: 1 } },
  { name: 'a zero-width space in a header cell', files: links('source,target\u200b\n2480,2460\n'), args: validate('links.csv'), code: 1, message: /the header has: source, target<U\+200B>; the header cell "target<U\+200B>" holds invisible characters: without them it would be "target"/ },
  { name: 'a byte-order mark in the middle of the header (trimmed like a space)', files: links('source,\uFEFFtarget\n2480,2460\n'), args: validate('links.csv'), code: 0, message: /No problems\./, report: { file: 'links.csv', rows: 1, loaded: 1 } },
  { name: 'a word joiner in the middle of a header cell', files: links('source,tar\u2060get\n2480,2460\n'), args: validate('links.csv'), code: 1, message: /the header has: source, tar<U\+2060>get; the header cell "tar<U\+2060>get" holds invisible characters: without them it would be "target"/ },
  { name: 'an Excel sep=; line', files: links('sep=;\nsource;target\n2480;2460\n'), args: validate('links.csv'), code: 0, message: /No problems\./, report: { file: 'links.csv', rows: 1, loaded: 1 } },
  { name: 'an Excel sep=| line', files: links('sep=|\r\nsource|target\r\n2480|2460\r\n'), args: validate('links.csv'), code: 0, message: /No problems\./, report: { file: 'links.csv', rows: 1, loaded: 1 } },
  { name: 'a sep= line naming an unknown delimiter', files: links('sep=#\nsource,target\n2480,2460\n'), args: validate('links.csv'), code: 0, message: /warning: .*the first line "sep=#" names a delimiter samverkan does not read/, report: { file: 'links.csv', rows: 1, loaded: 1 } },
  { name: 'tab-separated', files: links('source\ttarget\n2480\t2460\n'), args: validate('links.csv'), code: 0, message: /No problems\./, report: { file: 'links.csv', rows: 1, loaded: 1 } },
  { name: 'bar-separated without a sep= line', files: links('source|target|kind\n2480|2460|a\n'), args: validate('links.csv'), code: 0, message: /No problems\./, report: { file: 'links.csv', rows: 1, loaded: 1 } },
  { name: 'a decimal comma in a semicolon file', files: links('source;target;weight\n2480;2460;1,5\n'), args: validate('links.csv'), code: 0, message: /No problems\./, report: { file: 'links.csv', rows: 1, loaded: 1 } },
  { name: 'a decimal comma in a comma file', files: links('source,target,weight\n2480,2460,"1,5"\n'), args: validate('links.csv'), code: 1, message: /the weight is not a number \(a decimal comma is ambiguous in a comma-separated file; write 1\.5\)/ },
  { name: 'the header has one cell and no delimiter (not a CSV file)', files: links('root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n'), args: validate('links.csv'), code: 1, message: /does not look like a CSV file with a header \(its content is not shown\)/, not: /root:x|daemon/ },
  { name: 'a header of 5 000 columns is listed in part', files: links(Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',') + '\n1,2\n'), args: validate('links.csv'), code: 1, message: /the header has: c0, c1, .*c19 … \(5000 columns\)/ },

  // --- Encodings and binary data -------------------------------------------
  { name: 'Windows-1252 with € ’ “ ” – in a note', files: { 'links.csv': u8('source,target,note\n2480,2460,', [0x80, 0x92, 0x93, 0x94, 0x96], ' V', [0xe4], 'nn', [0xe4], 's\n') }, args: ['centrality', '--links', 'links.csv', '--format', 'json', '--measures', 'degree'], code: 0, message: /warning: .*not valid UTF-8; it was read as Windows-1252/ },
  { name: 'UTF-16 little-endian with a BOM', files: { 'links.csv': new Uint8Array([0xff, 0xfe, ...utf16le('source,target\nUmeå,Vännäs\n')]) }, args: validate('links.csv'), code: 0, message: /utf-16le/, report: { file: 'links.csv', rows: 1, loaded: 1 } },
  { name: 'UTF-16 big-endian with a BOM', files: { 'links.csv': new Uint8Array([0xfe, 0xff, ...utf16be('source,target\nUmeå,Vännäs\n')]) }, args: validate('links.csv'), code: 0, message: /utf-16be/, report: { file: 'links.csv', rows: 1, loaded: 1 } },
  { name: 'UTF-16 little-endian without a BOM', files: { 'links.csv': utf16le('source,target\nUmeå,Vännäs\n') }, args: validate('links.csv'), code: 1, message: /this looks like UTF-16 text \(little-endian\) without a byte-order mark/ },
  { name: 'UTF-16 big-endian without a BOM', files: { 'links.csv': utf16be('source,target\nUmeå,Vännäs\n') }, args: validate('links.csv'), code: 1, message: /this looks like UTF-16 text \(big-endian\) without a byte-order mark/ },
  { name: 'NUL bytes after a UTF-8 BOM', files: { 'links.csv': u8([0xef, 0xbb, 0xbf], 'source,target\n2480,2460\n', [0, 0, 0, 0]) }, args: validate('links.csv'), code: 1, message: /this is not a text file \(it contains NUL bytes\)/ },
  { name: 'NUL bytes without a BOM', files: { 'links.csv': u8('source,target\n2480,', [0], '2460\n') }, args: validate('links.csv'), code: 1, message: /this is not a text file \(it contains NUL bytes\)/ },
  { name: 'an .xlsx workbook', files: { 'links.csv': u8([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]) }, args: validate('links.csv'), code: 1, message: /spreadsheet workbook or archive, not a text file; save it from Excel as "CSV UTF-8"/ },
  { name: 'an .xls workbook', files: { 'links.csv': u8([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) }, args: validate('links.csv'), code: 1, message: /spreadsheet workbook or archive/ },
  { name: 'a PNG image', files: { 'links.csv': u8([0x89], 'PNG\r\n', [0x1a], '\n', [0, 0, 0, 0x0d], 'IHDR') }, args: validate('links.csv'), code: 1, message: /this is not a text file/ },
  { name: 'control bytes everywhere', files: { 'links.csv': u8('source,target\n', [1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) }, args: validate('links.csv'), code: 1, message: /this is not a text file \(it contains binary control bytes\)/ },
  { name: 'a 1 MB cell is clipped in the message', files: links(`source,target\n2480,${'x'.repeat(1_048_576)}\n`), args: validate('links.csv'), code: 1, message: /x{200}… \(1\s048\s576 characters\)/, not: /x{300}/, report: { file: 'links.csv', rows: 1, rejected: 1 } },
  { name: 'a 1 MB line of 500 000 columns of one name, with no line break', files: links(`source,target${',x'.repeat(500_000)}`), args: validate('links.csv'), code: 0, message: /the file has a header but no data rows.*\n.*500\s?000 columns are named "x" \(columns 3, 4, 5, 6, 7, 8 …\)/ },
  { name: 'decomposed å from a Mac', files: links('source,target\nUme\u0061\u030a,V\u0061\u0308nn\u0061\u0308s\n'), args: validate('links.csv'), code: 0, message: /No problems\./, report: { file: 'links.csv', rows: 1, loaded: 1 } },

  // --- Values in links -----------------------------------------------------
  { name: 'a link to an unknown actor', files: links('source,target\n2480,Atlantis\n'), args: validate('links.csv'), code: 1, message: /row 2, column target: link to an undeclared actor.*\(value "Atlantis"\)/, report: { file: 'links.csv', rows: 1, rejected: 1 } },
  { name: 'a self-loop', files: links('source,target\n2480,Umeå\n'), args: validate('links.csv'), code: 1, message: /self-loop: the link joins an actor to itself/ },
  { name: 'an empty source', files: links('source,target\n,2480\n'), args: validate('links.csv'), code: 1, message: /column source: the source is empty/ },
  { name: 'weight 0', files: links('source,target,weight\n2480,2460,0\n'), args: validate('links.csv'), code: 1, message: /the weight must be a positive number/ },
  { name: 'a negative weight', files: links('source,target,weight\n2480,2460,-2\n'), args: validate('links.csv'), code: 1, message: /the weight must be a positive number/ },
  { name: 'weight NaN', files: links('source,target,weight\n2480,2460,NaN\n'), args: validate('links.csv'), code: 1, message: /the weight is not a number/ },
  { name: 'weight Infinity', files: links('source,target,weight\n2480,2460,Infinity\n'), args: validate('links.csv'), code: 1, message: /the weight is not a number/ },
  { name: 'weight 1e309 (overflows)', files: links('source,target,weight\n2480,2460,1e309\n'), args: validate('links.csv'), code: 1, message: /the weight is not a finite number/ },
  { name: 'two weights of 1e308 that would sum to Infinity', files: links('source,target,weight\n2480,2460,1e308\n2480,2460,1e308\n'), args: validate('links.csv'), code: 1, message: /the weight is too large: at most 1e15/, report: { file: 'links.csv', rows: 2, rejected: 2 } },
  { name: 'the largest weight, twice', files: links('source,target,weight\n2480,2460,1e15\n2480,2460,1e15\n'), args: ['export', '--to', 'gexf', '--links', 'links.csv', '--metrics', 'none'], code: 0, message: /weight="2000000000000000"/, not: /Infinity/ },
  { name: 'a hexadecimal weight', files: links('source,target,weight\n2480,2460,0x10\n'), args: validate('links.csv'), code: 1, message: /the weight is not a number/ },
  { name: 'a date that does not exist', files: links('source,target,since\n2480,2460,2023-02-30\n'), args: validate('links.csv'), code: 1, message: /the since date is not a valid date/ },
  { name: 'a date with a time of day', files: links('source,target,since\n2480,2460,2023-02-03 12:30\n'), args: validate('links.csv'), code: 1, message: /the since date has a time of day/ },
  { name: 'a spreadsheet midnight is a date', files: links('source,target,since\n2480,2460,2023-02-03 00:00:00\n'), args: validate('links.csv'), code: 0, message: /No problems\./ },
  { name: 'until before since', files: links('source,target,since,until\n2480,2460,2024-01-01,2023-01-01\n'), args: validate('links.csv'), code: 1, message: /until is before since \(2024-01-01\)/ },
  { name: 'a date in Swedish order', files: links('source,target,since\n2480,2460,01/02/2023\n'), args: validate('links.csv'), code: 1, message: /the since date is not a valid date \(expected YYYY-MM-DD\)/ },
  { name: 'a code Excel wrote as 1.18E+03', files: links('source,target\n1.18E+03,2480\n'), args: validate('links.csv'), code: 1, message: /scientific notation \(1\.18E\+03 is 1180\): format the column as text/ },
  { name: 'a code Excel wrote as 2480.0', files: links('source,target\n2480.0,2460\n'), args: validate('links.csv'), code: 1, message: /turned into a decimal number: format the column as text/ },
  { name: 'a code without its leading zero is fine', files: links('source,target\n180,114\n'), args: validate('links.csv'), code: 0, message: /No problems\./ },
  { name: 'names in capitals, with kommun and stad', files: links('source,target\nUMEÅ KOMMUN,Göteborgs stad\n'), args: validate('links.csv'), code: 0, message: /No problems\./ },
  { name: 'a municipality name with a Cyrillic е', files: links('source,target\nUm\u0435å,2460\n'), args: validate('links.csv'), code: 1, message: /it looks like the municipality Umeå \(2480\) but is spelt with other characters: it has U\+0435 \(Cyrillic\)/ },
  { name: 'an ESC sequence in a value', files: links(`source,target\n2480,x\u001b]0;owned\u0007\n${'2480,2460\n'.repeat(30)}`), args: validate('links.csv'), code: 1, message: /x\\u001b\]0;owned\\u0007/ },
  { name: 'ESC sequences in a small file are binary control bytes', files: links('source,target\n2480,x\u001b]0;owned\u0007\n'), args: validate('links.csv'), code: 1, message: /this is not a text file \(it contains binary control bytes\)/ },
  { name: 'a bidi override in a value', files: links('source,target\n2480,abc\u202Eexe.txt\n'), args: validate('links.csv'), code: 1, message: /abc<U\+202E>exe\.txt/ },
  { name: 'a formula in a link kind', files: links('source,target,kind\n2480,2460,=HYPERLINK("http://evil")\n'), args: ['export', '--to', 'csv', '--edges', 'links', '--links', 'links.csv', '--out', 'net', '--metrics', 'none'], code: 0, message: /Wrote .*net-nodes\.csv and .*net-edges\.csv/ },
  { name: 'a repeated pair is merged and counted', files: links('source,target\n2480,2460\n2460,2480\n'), args: validate('links.csv'), code: 0, message: /No problems\./, report: { file: 'links.csv', rows: 2, loaded: 1, merged: 1 } },

  // --- Actors --------------------------------------------------------------
  { name: 'an actor without a kind', files: { 'actors.csv': 'id,kind\nx,\n' }, args: ['validate', '--actors', 'actors.csv'], code: 1, message: /the kind is empty/, report: { file: 'actors.csv', rows: 1, rejected: 1 } },
  { name: 'an actor id that is a municipality code', files: { 'actors.csv': 'id,kind\n2480,other\n' }, args: ['validate', '--actors', 'actors.csv'], code: 1, message: /the id is the code of the municipality Umeå/ },
  { name: 'a duplicate actor id with other attributes', files: { 'actors.csv': 'id,name,kind\nx,One,other\nx,Two,other\n' }, args: ['validate', '--actors', 'actors.csv'], code: 1, message: /duplicate actor id with conflicting attributes \(first seen on row 2\): name "One" vs "Two"/, report: { file: 'actors.csv', rows: 2, loaded: 1, rejected: 1 } },
  { name: 'a duplicate actor row, identical', files: { 'actors.csv': 'id,name,kind\nx,One,other\nx,One,other\n' }, args: ['validate', '--actors', 'actors.csv'], code: 0, message: /No problems\./, report: { file: 'actors.csv', rows: 2, loaded: 1, merged: 1 } },
  { name: 'look-alike actor ids (Latin o, Cyrillic о)', files: { 'actors.csv': 'id,kind\nKommunförbund,joint_body\nK\u043emmunförbund,joint_body\n' }, args: ['validate', '--actors', 'actors.csv'], code: 0, message: /row 3, column id: the id looks the same as the id "Kommunförbund" of row 2 but is a different id: it has U\+043E \(Cyrillic\)/, report: { file: 'actors.csv', rows: 2, loaded: 2 } },
  { name: 'an id with a zero-width space beside the same id', files: { 'actors.csv': 'id,kind\nbrand,joint_body\nbrand\u200b,joint_body\n' }, args: ['validate', '--actors', 'actors.csv'], code: 0, message: /the id looks the same as the id "brand" of row 2 but is a different id: it has U\+200B \(takes no space\)/ },
  { name: 'an unknown municipality of an actor', files: { 'actors.csv': 'id,kind,municipality\nx,other,Atlantis\n' }, args: ['validate', '--actors', 'actors.csv'], code: 1, message: /unknown municipality: not a code or name in the Sweden geography/ },
  { name: 'a county that does not match the municipality', files: { 'actors.csv': 'id,kind,municipality,county\nx,other,2480,01\n' }, args: ['validate', '--actors', 'actors.csv'], code: 1, message: /the county does not match the municipality: Umeå is in Västerbottens län/ },
  { name: 'a municipality row naming no municipality', files: { 'actors.csv': 'id,kind\nAtlantis,municipality\n' }, args: ['validate', '--actors', 'actors.csv'], code: 1, message: /a row of kind municipality must name a municipality/ },
  { name: 'prototype names as ids', files: { 'actors.csv': 'id,kind\n__proto__,other\nconstructor,other\ntoString,other\n', 'links.csv': 'source,target\n__proto__,constructor\ntoString,2480\n' }, args: ['validate', '--actors', 'actors.csv', '--links', 'links.csv'], code: 0, message: /No problems\./, report: { file: 'links.csv', rows: 2, loaded: 2 } },
  { name: 'an actor kind that is only punctuation', files: { 'actors.csv': 'id,kind\nx,---\n' }, args: ['validate', '--actors', 'actors.csv'], code: 1, message: /the kind is empty/ },

  // --- Graph files ---------------------------------------------------------
  { name: 'a JSON graph nested 5 000 deep', files: { 'g.json': '{"nodes":[{"id":"a","x":' + '['.repeat(5000) + ']'.repeat(5000) + '}]}' }, args: ['validate', '--graph', 'g.json'], code: 1, message: /g\.json, line 1: the JSON is nested more than 512 levels deep/ },
  { name: 'an XML graph nested 20 000 deep', files: { 'g.graphml': '<graphml>' + '<a>'.repeat(20_000) + '</a>'.repeat(20_000) + '</graphml>' }, args: ['validate', '--graph', 'g.graphml'], code: 1, message: /elements nested more than 512 deep/ },
  { name: 'malformed XML', files: { 'g.gexf': '<gexf><graph><nodes><node id="a"></nodes></graph></gexf>' }, args: ['validate', '--graph', 'g.gexf'], code: 1, message: /not well-formed XML: the end tag <\/nodes> does not match the start tag <node>/ },
  { name: 'billion laughs', files: { 'g.gexf': '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><gexf><graph><nodes><node id="&lol2;"/></nodes></graph></gexf>' }, args: ['validate', '--graph', 'g.gexf'], code: 1, message: /an unknown entity &lol2;/ },
  { name: 'an external entity (XXE)', files: { 'g.gexf': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><gexf><graph><nodes><node id="&xxe;"/></nodes></graph></gexf>' }, args: ['validate', '--graph', 'g.gexf'], code: 1, message: /an unknown entity &xxe;/, not: /root:/ },
  { name: 'an XML file that is neither GEXF nor GraphML', files: { 'g.xml': '<svg xmlns="http://www.w3.org/2000/svg"/>' }, args: ['validate', '--graph', 'g.xml'], code: 1, message: /not a GEXF or GraphML file: the root element is <svg>/ },
  { name: 'JSON without nodes', files: { 'g.json': '{"edges":[]}' }, args: ['validate', '--graph', 'g.json'], code: 1, message: /the JSON has no "nodes" array/ },
  { name: 'JSON that does not parse', files: { 'g.json': '{"nodes":[' }, args: ['validate', '--graph', 'g.json'], code: 1, message: /the file is not valid JSON/ },
  { name: 'directed edges', files: { 'g.gexf': GEXF('<node id="2480"/><node id="2460"/>', '<edge source="2480" target="2460" type="directed"/>') }, args: ['validate', '--graph', 'g.gexf'], code: 0, message: /1 edge is directed; samverkan's networks are undirected/ },
  { name: 'an edge to a missing node', files: { 'g.gexf': GEXF('<node id="2480"/>', '<edge source="2480" target="ghost"/>') }, args: ['validate', '--graph', 'g.gexf'], code: 1, message: /edge 1, line \d+, attribute target: edge to a node that is not in the file/ },
  { name: 'GraphML data for an undeclared key', files: { 'g.graphml': '<graphml><graph><node id="a"><data key="k">x</data></node></graph></graphml>' }, args: ['validate', '--graph', 'g.graphml'], code: 1, message: /a <data> element for an undeclared key "k"/ },
  { name: 'an empty graph file', files: { 'g.gexf': '' }, args: ['validate', '--graph', 'g.gexf'], code: 1, message: /g\.gexf: the file is empty/ },
  { name: 'a graph file that is a workbook', files: { 'g.gexf': u8([0x50, 0x4b, 0x03, 0x04, 0, 0]) }, args: ['validate', '--graph', 'g.gexf'], code: 1, message: /spreadsheet workbook or archive, not a text file/ },
  { name: 'a graph file whose ids differ only in a control character', files: { 'g.json': '{"nodes":[{"id":"a"},{"id":"a\\u0001"}],"edges":[]}' }, args: ['export', '--to', 'gexf', '--graph', 'g.json', '--metrics', 'none'], code: 1, message: /actor ids "a" and "a\\u0001" differ only in characters XML cannot hold/ },
  { name: 'a graph with no nodes', files: { 'g.gexf': GEXF('') }, args: ['validate', '--graph', 'g.gexf'], code: 0, message: /the graph has no nodes/ },

  // --- Files, paths and the command line ------------------------------------
  { name: 'a missing links file', args: ['summary', '--links', 'missing.csv'], code: 1, message: /missing\.csv: no such file/ },
  { name: 'a missing links file with --lenient', args: ['summary', '--links', 'missing.csv', '--lenient'], code: 1, message: /samverkan could not load the input: 1 problem\n {2}- .*missing\.csv: no such file/, not: /while loading/ },
  { name: 'a missing actors file with --lenient', files: links('source,target\n2480,2460\n'), args: ['summary', '--actors', 'gone.csv', '--links', 'links.csv', '--lenient'], code: 1, message: /gone\.csv: no such file/ },
  { name: 'a folder as the links file', files: { 'sub/x.csv': 'a' }, args: ['summary', '--links', 'sub'], code: 1, message: /sub: this is a folder, not a file/ },
  { name: 'a FIFO as the links file', fifos: ['pipe.csv'], args: ['summary', '--links', 'pipe.csv'], code: 1, message: /pipe\.csv: this is a named pipe \(FIFO\), not a regular file/ },
  { name: 'a FIFO as the graph file', fifos: ['pipe.gexf'], args: ['summary', '--graph', 'pipe.gexf'], code: 1, message: /pipe\.gexf: this is a named pipe \(FIFO\)/ },
  { name: '/dev/zero as the links file', args: ['summary', '--links', '/dev/zero'], code: 1, message: /\/dev\/zero: this is a character device, not a regular file/ },
  { name: '/dev/null as the actors file', args: ['summary', '--actors', '/dev/null'], code: 1, message: /\/dev\/null: this is a character device/ },
  { name: 'a file name with a line break is a file, not CSV text', files: { 'a\nb.csv': 'source,target\n2480,2460\n' }, args: validate('a\nb.csv'), code: 0, message: /No problems\./ },
  { name: 'a file name that looks like CSV text', files: { 'source,target': 'source,target\n2480,2460\n' }, args: validate('source,target'), code: 0, message: /No problems\./ },
  { name: '--out the links file itself', files: links('source,target\n2480,2460\n'), args: ['summary', '--links', 'links.csv', '--out', 'links.csv'], code: 2, message: /refusing to write .*links\.csv: it is also an input of this command/ },
  { name: '--out into a folder that does not exist', files: links('source,target\n2480,2460\n'), args: ['summary', '--links', 'links.csv', '--out', 'no/such/dir/out.txt'], code: 1, message: /cannot write .*out\.txt: its folder does not exist/ },
  { name: '--out a folder', files: { ...links('source,target\n2480,2460\n'), 'dir/keep': '' }, args: ['summary', '--links', 'links.csv', '--out', 'dir'], code: 1, message: /cannot write .*dir: it is a folder/ },
  { name: '--workers 256', files: links('source,target\n2480,2460\n'), args: ['centrality', '--links', 'links.csv', '--workers', '256', '--measures', 'betweenness'], code: 0, message: /--workers 256 is more than the \d+ cores? this machine has; using \d+/ },
  { name: '--workers 0', args: ['centrality', '--workers', '0'], code: 2, message: /--workers needs a whole number ≥ 1, got "0"/ },
  { name: '--as-of a date that does not exist', args: ['summary', '--as-of', '2023-02-30'], code: 2, message: /--as-of needs a date YYYY-MM-DD, got "2023-02-30"/ },
  { name: 'an unknown option', args: ['summary', '--bogus'], code: 2, message: /unknown option --bogus/ },
  { name: 'an unknown command', args: ['sumary'], code: 2, message: /unknown command "sumary"; did you mean "summary"\?\nhint: commands: / },
  { name: 'an unknown delimiter', args: ['summary', '--format', 'csv', '--delimiter', 'pipe'], code: 2, message: /unknown delimiter "pipe"/ },
  { name: 'an unknown format', args: ['summary', '--format', 'xlsx'], code: 2, message: /unknown format "xlsx"/ },
  { name: '--graph with --links', args: ['summary', '--graph', 'g.gexf', '--links', 'l.csv'], code: 2, message: /--graph cannot be combined with --actors or --links/ },
  { name: 'an option value with an ESC sequence', args: ['summary', '--format', 'x\u001b[2J'], code: 2, message: /unknown format "x\\u001b\[2J"/ },
  { name: 'a geography folder that does not exist', files: links('source,target\n2480,2460\n'), args: ['summary', '--links', 'links.csv', '--geography', 'nowhere'], code: 1, message: /municipalities\.csv: no such file/ },
  { name: 'a geography file with an unterminated quote', files: { ...links('source,target\nA1,A2\n'), 'geo/municipalities.csv': 'code,name,county_code,population,population_year,lat,lon\nA1,"Alfa,A,10,2024,60,15\nA2,Beta,A,20,2024,61,16\n', 'geo/counties.csv': 'county_code,county_name\nA,Län A\n', 'geo/adjacency.csv': 'a,b\n' }, args: ['summary', '--links', 'links.csv', '--geography', 'geo'], code: 1, message: /municipalities\.csv, row 2, column name: a quote opened on line 2 is never closed/ },
  { name: 'a --features file that is not JSON', files: { 'f.json': 'not json' }, args: ['map', '--features', 'f.json'], code: 2, message: /--features "f\.json" is not JSON/ },
];
