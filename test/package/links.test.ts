import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every relative link of the README, CONTRIBUTING, bench/README and the pages
 * under docs/ leads to a file that exists, and a `#fragment` to a heading of
 * that file (as GitHub slugs it). Links inside code blocks and spans are text,
 * not links.
 */

const root = resolve('.');
const docsDir = join(root, 'docs');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? walk(path) : f.endsWith('.md') ? [path] : [];
  });
const FILES = [join(root, 'README.md'), join(root, 'CONTRIBUTING.md'), join(root, 'bench', 'README.md'), ...walk(docsDir)];

/** The lines outside fenced code blocks, with inline code spans blanked. */
function prose(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let fence = false;
  text.split('\n').forEach((l, i) => {
    if (/^\s*```/.test(l)) fence = !fence;
    else if (!fence) out.push({ line: i + 1, text: l.replace(/`[^`]*`/g, (s) => ' '.repeat(s.length)) });
  });
  return out;
}

/** GitHub's anchor of a heading: its text in lower case, punctuation dropped, spaces as hyphens. */
export function slug(heading: string): string {
  const text = heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]{1,2}([^`*]+?)[`*_]{1,2}/g, '$1')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** The anchors of a Markdown file: one per heading, a repeated one numbered as GitHub does (`-1`, `-2`). */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fence = false;
  for (const l of readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*```/.test(l)) fence = !fence;
    const m = fence ? null : /^#{1,6} (.+?)\s*#*\s*$/.exec(l);
    if (!m) continue;
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

describe('links of the docs', () => {
  it('slugs headings as GitHub does', () => {
    expect(slug('Exit codes, messages, progress and `--debug`')).toBe('exit-codes-messages-progress-and---debug');
    expect(slug('`samverkan capability-gaps`')).toBe('samverkan-capability-gaps');
    expect(slug('Scope: the area the data covers')).toBe('scope-the-area-the-data-covers');
    expect(slug('Graph files (GEXF, GraphML, JSON)')).toBe('graph-files-gexf-graphml-json');
    expect(slug('`class OptionsError`')).toBe('class-optionserror');
    expect(slug('Data sources and licences')).toBe('data-sources-and-licences');
  });

  it('finds links to check', () => {
    const all = FILES.flatMap((f) => prose(readFileSync(f, 'utf8')).flatMap((l) => [...l.text.matchAll(/\]\(([^)\s]+)\)/g)]));
    expect(all.length).toBeGreaterThan(50);
  });

  it('every relative link resolves to a file, and its fragment to a heading there', () => {
    const broken: string[] = [];
    for (const file of FILES) {
      for (const { line, text } of prose(readFileSync(file, 'utf8'))) {
        for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
          const target = m[1]!;
          if (/^[a-z][a-z+.-]*:/i.test(target)) continue; // https:, mailto:
          const [path, fragment] = target.split('#') as [string, string | undefined];
          const to = path === '' ? file : resolve(dirname(file), decodeURI(path));
          const where = `${relative(root, file)}:${line}: ${target}`;
          if (!existsSync(to)) broken.push(`${where} (no such file)`);
          else if (fragment !== undefined && to.endsWith('.md') && !anchors(to).has(decodeURIComponent(fragment))) broken.push(`${where} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
