import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Data flows one way: a layer imports only the layers before it.
const LAYERS = ['model', 'countries', 'io', 'geo', 'metrics', 'synthetic', 'analysis', 'recommend', 'report', 'cli'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const layerOf = (path: string) => LAYERS.indexOf(relative('src', path).split(/[\\/]/)[0]!);

describe('layering', () => {
  it('no module imports a layer above its own', () => {
    const violations: string[] = [];
    for (const file of files('src')) {
      const own = layerOf(file);
      if (own < 0) continue; // src/index.ts re-exports everything
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:import|export)[^'"]*?from\s+'(\.[^']+)'/g)) {
        const target = resolve(dirname(file), match[1]!);
        const layer = layerOf(relative(process.cwd(), target));
        if (layer > own) violations.push(`${file} imports ${match[1]}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('every folder under src is a known layer', () => {
    const dirs = readdirSync('src').filter((d) => statSync(join('src', d)).isDirectory());
    expect(dirs.filter((d) => !LAYERS.includes(d))).toEqual([]);
  });
});
