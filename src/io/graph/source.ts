/** Where a graph file comes from, and its text: decoded by the one byte-to-text reader (`decodeText`). */
import { ArgumentError, describeValue } from '../../model/errors.js';
import { said, saidIn } from '../../model/options.js';
import { because, type Problem } from '../../model/load-report.js';
import { fileProblem, filePathOf, MAX_IN_MEMORY_BYTES, readFileBytes, type TableSource } from '../source.js';
import { decodeText, decodeWindows1252, NotTextError } from '../text.js';

/**
 * Where a graph file comes from: `{ path, name? }` (a file, whatever its
 * path looks like), a bare string by one rule (a string that starts with
 * `<` or `{` after spaces, or has a line break, is the file's text;
 * any other string is a path), a `file:` URL, the file's text as
 * `{ text, name }`, or its bytes (or `{ bytes, name }`): a `TableSource`
 * that is not an array of rows.
 */
export type GraphSource = Exclude<TableSource, ReadonlyArray<unknown>>;

/** The text of a graph source, or a problem saying why there is none. */
export function sourceText(source: GraphSource, label: string): { file: string; text?: string; encoding?: string; problems: Problem[] } {
  const fromBytes = (file: string, bytes: Uint8Array) => {
    if (bytes.length === 0) return { file, problems: [fileProblem(file, because('file.empty'))] };
    try {
      const decoded = decodeText(bytes);
      let { text } = decoded;
      const problems: Problem[] = [];
      if (decoded.warning) {
        // decodeText's advice is about CSV; an XML file names its encoding.
        const declared = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1]?.toLowerCase();
        if (declared && /^(iso-8859-1|latin-?1|windows-1252|cp1252)$/.test(declared)) text = decodeWindows1252(bytes);
        else problems.push(fileProblem(file, because('text.windows1252_graph'), 'warning'));
      }
      return { file, text, encoding: decoded.encoding, problems };
    } catch (error) {
      // The advice to save as "CSV UTF-8" is for tables: left out.
      if (error instanceof NotTextError) return { file, problems: [fileProblem(file, error.problem.params?.save !== undefined ? because(error.problem.code, { ...error.problem.params, save: '' }) : error.problem)] };
      throw error;
    }
  };
  const fromPath = (path: string | URL, file: string) => {
    const read = readFileBytes(path, "the file's text or bytes", MAX_IN_MEMORY_BYTES);
    return 'reason' in read ? { file, problems: [fileProblem(file, read)] } : fromBytes(file, read.bytes);
  };
  if (typeof source === 'string') {
    const looksLikeContent = /[\r\n]/.test(source) || /^\uFEFF?\s*[<{]/.test(source);
    return looksLikeContent ? { file: label, text: source, problems: [] } : fromPath(source, source);
  }
  const named = filePathOf(source);
  if (named) return fromPath(named.path, named.file);
  if (source instanceof Uint8Array) return fromBytes(label, source);
  const s = (typeof source === 'object' && source !== null ? source : {}) as { text?: unknown; bytes?: unknown; name?: unknown };
  const name = typeof s.name === 'string' ? s.name : label;
  if (typeof s.text === 'string') return { file: name, text: s.text, problems: [] };
  if (s.bytes instanceof Uint8Array) return fromBytes(name, s.bytes);
  throw new ArgumentError(saidIn('readGraphFile', said('errors.source.expectedFile', { value: (lang) => describeValue(source, lang) })));
}

/**
 * How deep a JSON graph file may nest (the same limit as XML): a node-link
 * file nests four or five levels, and a deeper one is refused before it is
 * parsed, so no stack runs out on it (`JSON.stringify` of a deep attribute
 * value would, for one).

/** Check that a value is a {@link GraphSource} (else an `ArgumentError` naming `label`). */
export function checkGraphSource(source: unknown, label: string): void {
  const g = source as { path?: unknown; text?: unknown; bytes?: unknown } | null;
  const ok = typeof g === 'string' || g instanceof URL || g instanceof Uint8Array || (typeof g === 'object' && g !== null && (typeof g.path === 'string' || g.path instanceof URL || typeof g.text === 'string' || g.bytes instanceof Uint8Array));
  if (!ok) throw new ArgumentError(saidIn(label, said('errors.source.expectedFile', { value: (lang) => describeValue(source, lang) })));
}
