import { checkHeap } from '../model/runtime.js';
import { said } from '../model/options.js';
import { SamverkanError } from '../model/errors.js';
import { message, type Lang } from '../model/i18n/index.js';
import { hint, messageText, type ProblemMessage, type ProblemParam } from '../model/i18n/problem.js';

/**
 * A small XML 1.0 toolkit for the graph file formats (GEXF, GraphML):
 * escaping for the writers and a strict, non-validating parser for the
 * readers. It lives in `io` because the writers and readers do; the report
 * layer has its own `escapeXml` for SVG with the same rules for markup
 * characters (it replaces forbidden characters with U+FFFD instead of
 * dropping them, which suits text on a map but not ids).
 *
 * The parser is written here rather than taken from `@xmldom/xmldom` (only a
 * transitive dependency of graphology-gexf/-graphml) because the readers
 * need plain data with line numbers, attribute names such as `__proto__`
 * kept as data, and a clear error on malformed input rather than xmldom's
 * best-effort recovery.
 */

// Characters XML 1.0 (§2.2 Char) does not allow at all: C0 controls other
// than tab, line feed and carriage return; lone surrogates; U+FFFE, U+FFFF.
/** The characters XML 1.0 forbids (global). */
export const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Remove the characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE, U+FFFF). */
export function stripNonXml(text: string): string {
  return text.replace(NOT_XML, '');
}

const ATTRIBUTE_ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Escape text for a quoted XML attribute value: markup characters become
 * entities, and tab, line feed and carriage return become character
 * references, because a parser normalises literal ones to spaces (XML 1.0
 * §3.3.3). Characters XML forbids are dropped.
 */
export function xmlAttribute(text: string): string {
  return stripNonXml(text).replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ENTITY[c]!);
}

/**
 * Escape text for XML element content: markup characters become entities
 * and a carriage return becomes `&#13;` (a parser turns a literal one into a
 * line feed, §2.11). Characters XML forbids are dropped.
 */
export function xmlText(text: string): string {
  return stripNonXml(text).replace(/[&<>"'\r]/g, (c) => ATTRIBUTE_ENTITY[c]!);
}

/** An element of a parsed XML document. */
export interface XmlElement {
  /** The qualified name as written (`viz:color`). */
  name: string;
  /** The name without its namespace prefix (`color`). */
  local: string;
  /** Attributes in document order, names as written. A Map, so names such as `__proto__` are plain data. */
  attributes: Map<string, string>;
  children: XmlElement[];
  /** Character data directly inside the element (text and CDATA, entities resolved), concatenated. */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}

/** Malformed XML: `line` and `column` (1-based) say where the parser stopped. */
export class XmlError extends SamverkanError {
  readonly line: number;
  declare readonly column: number;
  /** What is wrong, as data (a catalogue code and its values): the message's text in any language (`messageText`). */
  readonly said: ProblemMessage;
  constructor(said: ProblemMessage, line: number, column: number) {
    super('XML', placed(said, line, column, 'en'), { row: line, column });
    this.name = 'XmlError';
    this.line = line;
    this.column = column;
    this.said = said;
  }

  /** The message in `lang`: what is wrong and where (its `message` is the English). */
  override describe(lang: Lang): string {
    return placed(this.said, this.line, this.column, lang);
  }
}

/** What is wrong in the XML and where, in `lang`. */
function placed(said: ProblemMessage, line: number, column: number, lang: Lang): string {
  return message(lang, 'load.xml.at', { detail: messageText(said, lang), line: String(line), column: String(column) });
}

/** An XML Name (§2.3): a start character, then name characters. Sticky, to match at a position. */
const NAME_RE = /[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDBFF][-.0-9:A-Z_a-z\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDFFF]*/y;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * How deep elements may nest (512). Graph files nest a few levels (GEXF
 * hierarchies a few more); a document nested deeper is refused with an
 * {@link XmlError} instead of running the parser out of stack.
 */
export const MAX_XML_DEPTH = 512;

/**
 * Parse an XML 1.0 document into elements. Strict about well-formedness
 * (matching tags, quoted attributes, no duplicate attribute, one root,
 * known entities, no forbidden characters) and throws {@link XmlError} with
 * the line and column of the first fault. Not validating: a DOCTYPE is
 * skipped (its internal subset is not read, so only the five predefined
 * entities and character references are known), comments and processing
 * instructions are dropped, namespaces are not resolved (readers match
 * local names). Line ends are normalised to `\n` (§2.11) and attribute
 * values are normalised as for CDATA attributes (§3.3.3). Elements nested
 * deeper than {@link MAX_XML_DEPTH} are an error. Time is linear in the
 * length of the text, however long its lines.
 */
export function parseXml(input: string): XmlElement {
  return new XmlParser(input).document();
}

/** The parser of {@link parseXml}: a position in the text and its line, moved forward by the readers of each part. */
class XmlParser {
  private readonly src: string;
  private pos = 0;
  private line = 1;
  // The first line feed at or after `pos` (src.length when there is none): each is found once, so
  // counting lines costs O(n) in all, even when the whole document is one line.
  private nextNewline: number;
  private elements = 0;

  constructor(input: string) {
    this.src = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const first = this.src.indexOf('\n');
    this.nextNewline = first < 0 ? this.src.length : first;
  }

  /** The document: an optional declaration, misc, one root element, misc. */
  document(): XmlElement {
    const { src } = this;
    if (src.trim() === '') this.fail(hint('xml.empty'));
    if (src.startsWith('<?xml', this.pos) && /\s/.test(src[this.pos + 5] ?? '')) this.skipUntil('?>', 'the XML declaration');
    this.skipMisc(true);
    if (this.pos >= src.length) this.fail(hint('xml.no_root'));
    if (src[this.pos] !== '<') this.fail(hint('xml.expected_root', { found: describe(src[this.pos]) }));
    const root = this.element(1);
    this.skipMisc(false);
    if (this.pos < src.length) this.fail(hint('xml.after_root', { name: root.name }));
    return root;
  }

  private fail(said: ProblemMessage, at = this.pos): never {
    // Recount the line for `at` (errors are rare, so this is cheap overall).
    const { src } = this;
    let l = 1;
    let start = 0;
    for (let i = 0; i < at && i < src.length; i++) {
      if (src.charCodeAt(i) === 10) {
        l++;
        start = i + 1;
      }
    }
    throw new XmlError(said, l, at - start + 1);
  }

  private advanceTo(next: number): void {
    while (this.nextNewline < next) {
      this.line++;
      const i = this.src.indexOf('\n', this.nextNewline + 1);
      this.nextNewline = i < 0 ? this.src.length : i;
    }
    this.pos = next;
  }

  private checkChars(text: string, at: number): void {
    const forbidden = NOT_XML;
    forbidden.lastIndex = 0;
    const m = forbidden.exec(text);
    forbidden.lastIndex = 0;
    if (m) this.fail(hint('xml.forbidden_char', { code: m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') }), at + m.index);
  }

  /** Text or an attribute value with its references replaced (`at`: where it starts, for messages). */
  private decode(raw: string, at: number): string {
    this.checkChars(raw, at);
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&\s<]*);?/g, (whole, body: string, offset: number) => {
      if (!whole.endsWith(';')) this.fail(hint('xml.bare_amp'), at + offset);
      if (body.startsWith('#')) {
        const hex = body[1] === 'x';
        const digits = body.slice(hex ? 2 : 1);
        if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) this.fail(hint('xml.bad_char_ref', { ref: `&${body};` }), at + offset);
        const code = parseInt(digits, hex ? 16 : 10);
        const ok = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
        if (!ok) this.fail(hint('xml.forbidden_char_ref', { ref: `&${body};` }), at + offset);
        return String.fromCodePoint(code);
      }
      const value = PREDEFINED[body];
      if (value === undefined) this.fail(hint('xml.unknown_entity', { ref: `&${body};` }), at + offset);
      return value!;
    });
  }

  private readName(): string {
    NAME_RE.lastIndex = this.pos;
    const m = NAME_RE.exec(this.src);
    if (!m) return this.fail(hint('xml.expected_name', { found: describe(this.src[this.pos]) }));
    this.pos += m[0].length;
    return m[0];
  }

  private skipSpace(): void {
    let next = this.pos;
    for (;;) {
      const c = this.src.charCodeAt(next);
      if (c === 32 || c === 9 || c === 10) next++;
      else break;
    }
    this.advanceTo(next);
  }

  private expect(text: string, what: ProblemParam): void {
    if (!this.src.startsWith(text, this.pos)) this.fail(hint('xml.expected', { what, found: describe(this.src[this.pos]) }));
    this.advanceTo(this.pos + text.length);
  }

  private skipUntil(end: string, what: ProblemParam): void {
    const i = this.src.indexOf(end, this.pos);
    if (i < 0) this.fail(hint('xml.not_closed', { what }));
    this.advanceTo(i + end.length);
  }

  /** Misc* outside the root: comments, processing instructions, a doctype, space. */
  private skipMisc(allowDoctype: boolean): void {
    const { src } = this;
    for (;;) {
      this.skipSpace();
      if (src.startsWith('<!--', this.pos)) this.skipUntil('-->', hint('xml.what.comment'));
      else if (src.startsWith('<?', this.pos)) this.skipUntil('?>', hint('xml.what.pi'));
      else if (allowDoctype && src.startsWith('<!DOCTYPE', this.pos)) this.skipDoctype();
      else return;
    }
  }

  private skipDoctype(): void {
    const { src } = this;
    let depth = 0;
    let quote = '';
    for (let i = this.pos + 2; i < src.length; i++) {
      const c = src[i]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) {
        this.advanceTo(i + 1);
        return;
      }
    }
    this.fail(hint('xml.doctype_not_closed'));
  }

  /** An element at nesting `depth`: its start tag, then (unless empty) its content and end tag. */
  private element(depth: number): XmlElement {
    if (depth > MAX_XML_DEPTH) this.fail(hint('xml.too_deep', { max: MAX_XML_DEPTH }));
    // The heap is checked now and then: a huge document fails with a message, not a crash.
    if (++this.elements % 16384 === 0) checkHeap(said('errors.capacity.atXmlLine', { line: this.line }));
    const element = this.startTag();
    return element.closed ? element.element : this.content(element.element, depth);
  }

  /** A start tag and its attributes (each once, quoted, decoded); `closed` for an empty-element tag. */
  private startTag(): { element: XmlElement; closed: boolean } {
    const { src } = this;
    const tagStart = this.pos;
    this.expect('<', '"<"');
    const name = this.readName();
    const element: XmlElement = { name, local: name.slice(name.indexOf(':') + 1), attributes: new Map(), children: [], text: '', line: this.line };
    for (;;) {
      const before = this.pos;
      this.skipSpace();
      if (src.startsWith('/>', this.pos)) {
        this.advanceTo(this.pos + 2);
        return { element, closed: true };
      }
      if (src[this.pos] === '>') {
        this.advanceTo(this.pos + 1);
        return { element, closed: false };
      }
      if (this.pos >= src.length) this.fail(hint('xml.start_tag_not_closed', { name }), tagStart);
      if (this.pos === before) this.fail(hint('xml.expected_in_tag', { name, found: describe(src[this.pos]) }));
      const attrAt = this.pos;
      const attr = this.readName();
      this.skipSpace();
      this.expect('=', hint('xml.what.equals', { attr }));
      this.skipSpace();
      const q = src[this.pos];
      if (q !== '"' && q !== "'") this.fail(hint('xml.attr_not_quoted', { attr }));
      const end = src.indexOf(q!, this.pos + 1);
      if (end < 0) this.fail(hint('xml.attr_not_closed', { attr }));
      const raw = src.slice(this.pos + 1, end);
      if (raw.includes('<')) this.fail(hint('xml.attr_lt', { attr }), this.pos + 1 + raw.indexOf('<'));
      const value = this.decode(raw.replace(/[\t\n]/g, ' '), this.pos + 1);
      if (element.attributes.has(attr)) this.fail(hint('xml.attr_twice', { attr, name }), attrAt);
      element.attributes.set(attr, value);
      this.advanceTo(end + 1);
    }
  }

  /** An element's content (text, CDATA, child elements; comments and processing instructions dropped) up to its end tag. */
  private content(element: XmlElement, depth: number): XmlElement {
    const { src } = this;
    const { name } = element;
    const text: string[] = [];
    for (;;) {
      const lt = src.indexOf('<', this.pos);
      if (lt < 0) this.fail(hint('xml.element_not_closed', { name, line: element.line }), src.length);
      if (lt > this.pos) {
        const raw = src.slice(this.pos, lt);
        const gt = raw.indexOf(']]>');
        if (gt >= 0) this.fail(hint('xml.cdata_end_in_text'), this.pos + gt);
        text.push(this.decode(raw, this.pos));
        this.advanceTo(lt);
      }
      if (src.startsWith('</', this.pos)) {
        this.advanceTo(this.pos + 2);
        const closeAt = this.pos;
        const close = this.readName();
        if (close !== name) this.fail(hint('xml.end_tag_mismatch', { close, name, line: element.line }), closeAt);
        this.skipSpace();
        this.expect('>', hint('xml.what.close', { close }));
        element.text = text.join('');
        return element;
      }
      if (src.startsWith('<!--', this.pos)) this.skipUntil('-->', hint('xml.what.comment'));
      else if (src.startsWith('<![CDATA[', this.pos)) {
        const start = this.pos + 9;
        const end = src.indexOf(']]>', start);
        if (end < 0) this.fail(hint('xml.cdata_not_closed'));
        const raw = src.slice(start, end);
        this.checkChars(raw, start);
        text.push(raw);
        this.advanceTo(end + 3);
      } else if (src.startsWith('<?', this.pos)) this.skipUntil('?>', hint('xml.what.pi'));
      else if (src.startsWith('<!', this.pos)) this.fail(hint('xml.declaration_inside'));
      else element.children.push(this.element(depth + 1));
    }
  }
}

function describe(c: string | undefined): ProblemParam {
  return c === undefined ? hint('xml.what.end') : JSON.stringify(c);
}

/** The child elements of `element` with this local name. */
export function childrenNamed(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((c) => c.local === local);
}

/** The first child element with this local name. */
export function childNamed(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((c) => c.local === local);
}
