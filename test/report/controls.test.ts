/**
 * Issue 12: ESC/OSC/BEL sequences in names reached the terminal through text
 * tables, Markdown kept raw control characters, and bidi overrides passed
 * into every output. Text and Markdown output now show them by code point;
 * HTML and SVG replace them.
 */
import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../../src/index.js';
import { escapeMarkdownCell, formatMarkdownTable, formatTextTable } from '../../src/format.js';
import { escapeXml } from '../../src/report/escape.js';
import { renderReportMarkdown } from '../../src/report/markdown.js';
import { cli } from '../cli/helpers.js';
import { tmpFile } from '../helpers/files.js';

/** A name that would set the terminal title, ring its bell, clear the screen and reverse the text after it. */
const EVIL = 'Kyrkan\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202etxt.exe\u2066x\u2069';
/** Characters that act on a terminal or reorder text. */
const ACTING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('control characters in output', () => {
  it('text tables show them by code point (they reached the terminal)', () => {
    const table = formatTextTable([{ name: EVIL, n: 1 }], {});
    expect(table).not.toMatch(ACTING);
    expect(table).toContain('Kyrkan<U+001B>]0;pwned<U+0007><U+001B>[2J<U+009B>31m<U+202E>txt.exe<U+2066>x<U+2069>');
    expect(formatTextTable([{ [EVIL]: 1 }])).not.toMatch(ACTING);
  });

  it('Markdown tables and text show them by code point (raw control characters were kept)', () => {
    expect(escapeMarkdownCell(EVIL)).not.toMatch(ACTING);
    expect(formatMarkdownTable([{ name: EVIL }])).not.toMatch(ACTING);
  });

  it('emoji keep their zero-width joiners', () => {
    expect(formatTextTable([{ name: '👩\u200d👩\u200d👧' }])).toContain('👩\u200d👩\u200d👧');
  });

  it('HTML and SVG text replace C1 controls and bidi overrides', () => {
    expect(escapeXml(EVIL)).not.toMatch(ACTING);
  });

  it('a report in Markdown of a network with such names has none of them', () => {
    const net = loadNetwork({ actors: `id,name,kind,municipality\nk,"${EVIL}",religious,2480\n`, links: 'source,target\nk,2480\nk,2460\n' });
    expect(renderReportMarkdown(net)).not.toMatch(ACTING);
  });

  it('the CLI prints none of them, in tables, Markdown or messages', async () => {
    // Long enough that the few control bytes are not taken for binary data (over 1 % of the bytes).
    const padding = Array.from({ length: 40 }, (_, i) => `a${i},Föreningen nummer ${i} i Umeå,civil_society,2480`).join('\n');
    const actors = tmpFile('actors.csv', `id,name,kind,municipality\nk,"${EVIL}",religious,2480\n${padding}\n`);
    const links = tmpFile('links.csv', `source,target\nk,2480\nk,2460\n2480,"${EVIL}"\n${Array.from({ length: 40 }, (_, i) => `a${i},2480`).join('\n')}\n`);
    for (const format of ['text', 'md']) {
      const r = await cli(['centrality', '--actors', actors, '--links', links, '--lenient', '--format', format, '--measures', 'degree']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(format === 'md' ? /Kyrkan&lt;U\+001B&gt;/ : /Kyrkan<U\+001B>/);
      expect(r.stdout).not.toMatch(ACTING);
      expect(r.stderr).not.toMatch(ACTING);
    }
    const strict = await cli(['summary', '--actors', actors, '--links', links]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('Kyrkan\\u001b]0;pwned\\u0007');
    expect(strict.stderr).not.toMatch(ACTING);
  });
});
