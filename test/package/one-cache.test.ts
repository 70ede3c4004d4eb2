import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cached } from '../../src/model/cache.js';
import { geographyKindVocabulary } from '../../src/model/kinds.js';
import { swedenGeography } from '../../src/io/sweden.js';
import { swedenMapFeatures } from '../../src/geo.js';
import { prepare, subsetOf } from '../../src/report/map/prepare.js';
import { featureLabelPosition } from '../../src/report/map/labels.js';

/**
 * One cache (issue 13): what is derived once from an object (a network, a
 * geography, its words, a feature collection, a feature) is kept by
 * `cached(owner, key, compute)` in src/model/cache.ts, so its lifetime and
 * keys are one rule. A weak collection elsewhere in src/ is one of these,
 * each with why it is not a cache.
 */
const NOT_CACHES: Readonly<Record<string, string>> = {
  'src/cli/lang.ts': "the language of a command's data, set once it is read: state of one command run",
  'src/cli/commands/shared.ts': "whether a command's --workers note was written: state of one command run",
};

/**
 * Module-level memos of their own (a `let x` filled with `x ??=`, a
 * `const x = new Map` of results) outside the cache, each with why; a global
 * memo is `cached(PROCESS, key, …)`.
 */
const OWN_MEMOS: Readonly<Record<string, string>> = {
  'src/io/load/geography.ts': 'the last four geography folders read, by path and file stamps: a bounded memo that drops entries, which the cache never does',
  'src/io/load/cells.ts': 'the valid link dates seen, at most 100 000: a bounded memo on the loader’s hot path',
  'src/model/errors.ts': 'the classes counted as samverkan errors: a registry, not a memo',
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('one cache', () => {
  it('no weak map or set in src/ outside model/cache.ts but the listed state', () => {
    const root = join(import.meta.dirname, '..', '..');
    const found = files(join(root, 'src'))
      .filter((file) => /new Weak(Map|Set|Ref)\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file).split('\\').join('/'))
      .filter((file) => file !== 'src/model/cache.ts');
    expect(found.filter((file) => !Object.hasOwn(NOT_CACHES, file))).toEqual([]);
    expect(Object.keys(NOT_CACHES).filter((file) => !found.includes(file))).toEqual([]);
  });

  it('no module-level memo of its own in src/ but the listed ones', () => {
    const root = join(import.meta.dirname, '..', '..');
    const found = files(join(root, 'src'))
      .filter((file) => {
        const text = readFileSync(file, 'utf8');
        const lazies = [...text.matchAll(/^let (\w+)/gm)].some((m) => text.includes(`${m[1]!} ??=`));
        return lazies || /^const \w+ = new Map\b/m.test(text);
      })
      .map((file) => relative(root, file).split('\\').join('/'));
    expect(found.filter((file) => !Object.hasOwn(OWN_MEMOS, file))).toEqual([]);
    expect(Object.keys(OWN_MEMOS).filter((file) => !found.includes(file))).toEqual([]);
  });

  it('the kind vocabulary, the prepared map, its subsets and the label positions are the cache\'s', () => {
    const geography = swedenGeography();
    const vocabulary = geographyKindVocabulary(geography);
    expect(geographyKindVocabulary({ kinds: geography.kinds })).toBe(vocabulary);
    expect(cached(geography.kinds!, 'kinds:vocabulary', () => null)).toBe(vocabulary);
    const features = swedenMapFeatures();
    const map = prepare(features);
    expect(prepare(features)).toBe(map);
    // The prepared collection is prepared too: passing it on prepares nothing again.
    expect(prepare(map.collection)).toBe(map);
    expect(cached(features, 'map:prepared', () => null)).toBe(map);
    const codes = map.collection.features.slice(0, 3).map((f) => f.properties.code);
    expect(subsetOf(map, codes)).toBe(subsetOf(map, [...codes].reverse()));
    const feature = map.collection.features[0]!;
    const at = featureLabelPosition(feature);
    expect(at).not.toBeNull();
    expect(featureLabelPosition(feature)).toBe(at);
    expect(cached(feature, 'map:labelPosition', () => null)).toBe(at);
  });
});
