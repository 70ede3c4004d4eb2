import { describe, expect, it } from 'vitest';
import { parseXml, stripNonXml, xmlAttribute, xmlText, XmlError } from '../../src/io/xml.js';

describe('XML escaping', () => {
  it('escapes markup in attributes and text, and keeps whitespace through attribute normalisation', () => {
    expect(xmlAttribute(`a<&"'>b`)).toBe('a&lt;&amp;&quot;&apos;&gt;b');
    expect(xmlAttribute('tab\tline\nreturn\r')).toBe('tab&#9;line&#10;return&#13;');
    expect(xmlText('x\r\ny\t<z>')).toBe('x&#13;\ny\t&lt;z&gt;');
  });

  it('drops characters XML 1.0 forbids, and keeps astral characters', () => {
    expect(stripNonXml('a\u0000b\u0007c\u001Fd\uFFFEe\uFFFFf')).toBe('abcdef');
    expect(stripNonXml('lone \uD800 and \uDC00 surrogates')).toBe('lone  and  surrogates');
    expect(stripNonXml('emoji 😀 ok')).toBe('emoji 😀 ok');
  });

  it('round-trips every escaped string through the parser', () => {
    const values = [`<&"'>`, 'Åäö Øæ ß', 'line\nbreak', 'cr\rhere', 'tab\there', '  spaces  ', '😀', ']]>'];
    for (const v of values) {
      const doc = parseXml(`<r a="${xmlAttribute(v)}">${xmlText(v)}</r>`);
      expect(doc.attributes.get('a')).toBe(v);
      expect(doc.text).toBe(v);
    }
  });
});

describe('parseXml', () => {
  it('parses elements, attributes, text, CDATA, entities and character references', () => {
    const doc = parseXml(
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [ <!ENTITY e "v"> ]>\n<!-- c -->\n<a:root xmlns:a="urn:x" k=\'1\'>\n  <child id="&#x41;&#66;&lt;">t&amp;<![CDATA[<raw>]]></child><?pi x?>\n  <empty/>\n</a:root>\n',
    );
    expect(doc.name).toBe('a:root');
    expect(doc.local).toBe('root');
    expect(doc.attributes.get('k')).toBe('1');
    expect(doc.children.map((c) => c.local)).toEqual(['child', 'empty']);
    expect(doc.children[0]!.attributes.get('id')).toBe('AB<');
    expect(doc.children[0]!.text).toBe('t&<raw>');
    expect(doc.children[0]!.line).toBe(5);
    expect(doc.children[1]!.line).toBe(6);
  });

  it('keeps attribute names such as __proto__ as data', () => {
    const doc = parseXml('<r __proto__="x" constructor="y"/>');
    expect([...doc.attributes]).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
  });

  const bad: [string, string, RegExp, number][] = [
    ['mismatched end tag', '<a>\n<b></a>', /end tag <\/a> does not match the start tag <b>/, 2],
    ['unclosed element', '<a><b/>', /<a> \(line 1\) is not closed/, 1],
    ['unquoted attribute', '<a x=1/>', /not quoted/, 1],
    ['duplicate attribute', '<a x="1" x="2"/>', /appears twice/, 1],
    ['unknown entity', '<a>&nbsp;</a>', /unknown entity &nbsp;/, 1],
    ['bare ampersand', '<a>fish & chips</a>', /does not start an entity/, 1],
    ['two roots', '<a/><b/>', /content after the root element/, 1],
    ['empty document', '   ', /empty/, 1],
    ['text only', 'hello', /expected the root element/, 1],
    ['forbidden character', '<a>\u0001</a>', /does not allow/, 1],
    ['reference to a forbidden character', '<a>&#0;</a>', /does not allow/, 1],
    ['< in an attribute', '<a x="<"/>', /"<" in the value/, 1],
    ['truncated', '<graphml>\n<graph>\n<node id="a"', /not closed/, 3],
  ];
  for (const [what, text, message, line] of bad) {
    it(`rejects ${what} with a line number`, () => {
      let error: unknown;
      try {
        parseXml(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(XmlError);
      expect((error as XmlError).message).toMatch(message);
      expect((error as XmlError).line).toBe(line);
    });
  }

  it('says what is wrong and where in English and in Swedish', () => {
    let error: unknown;
    try {
      parseXml('<a>\n  <b></a>');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XmlError);
    const e = error as XmlError;
    expect(e.message).toBe('the end tag </a> does not match the start tag <b> on line 2 (line 2, column 8)');
    expect(e.describe('en')).toBe(e.message);
    expect(e.describe('sv')).toBe('sluttaggen </a> passar inte starttaggen <b> på rad 2 (rad 2, kolumn 8)');
  });
});
