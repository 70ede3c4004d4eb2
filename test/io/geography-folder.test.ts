import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../../src/index.js';
import { loadNetworkInChunks } from '../../src/io/load-network-stream.js';
import { writeSyntheticNetwork } from '../../src/io.js';

/**
 * A load's geography folder (issue 16) is read once while its files stay
 * the same: loads of the same unchanged folder share one frozen geography,
 * and any change to a file it reads (its content, or a file added or
 * removed) is read again.
 */
describe('a geography folder given to the loaders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-geo-folder-'));
  writeSyntheticNetwork(dir, { links: 1000, seed: 3 });
  const input = { geography: dir, actors: join(dir, 'actors.csv'), links: join(dir, 'links.csv') };

  it('is shared, frozen, by the loads of the same unchanged folder', () => {
    const a = loadNetwork(input);
    const b = loadNetworkInChunks(input);
    expect(b.geography).toBe(a.geography);
    expect(Object.isFrozen(a.geography)).toBe(true);
    expect(Object.isFrozen(a.geography.municipalities[0])).toBe(true);
    expect(() => {
      (a.geography.municipalities as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('is read again when a file it reads changes, appears or goes', () => {
    const before = loadNetwork(input).geography;
    const file = join(dir, 'municipalities.csv');
    const text = readFileSync(file, 'utf8');
    const [header, first] = text.split('\n');
    const code = first!.split(',')[0]!;
    const name = first!.split(',')[1]!;
    // Same size: only the name's first letter changes.
    writeFileSync(file, text.replace(`${code},${name},`, `${code},X${name.slice(1)},`));
    const renamed = loadNetwork(input).geography;
    expect(renamed).not.toBe(before);
    expect(renamed.municipalities.find((m) => m.code === code)!.name).toBe(`X${name.slice(1)}`);
    expect(loadNetwork(input).geography).toBe(renamed);
    // A file of attributes added, then removed.
    writeFileSync(join(dir, 'attributes.csv'), `code,note\n${code},tested\n`);
    const withAttributes = loadNetwork(input).geography;
    expect(withAttributes.municipalities.find((m) => m.code === code)!.attributes).toEqual({ note: 'tested' });
    rmSync(join(dir, 'attributes.csv'));
    expect(loadNetwork(input).geography.municipalities.find((m) => m.code === code)!.attributes).toBeUndefined();
    // A broken file throws, each time, and the folder reads again once mended.
    appendFileSync(file, `${code},Twice,${first!.split(',')[2]},1,2025,60,15,1,false\n`);
    expect(() => loadNetwork(input)).toThrow(/duplicate|twice|again/i);
    expect(() => loadNetwork(input)).toThrow(/duplicate|twice|again/i);
    writeFileSync(file, `${header}\n${text.split('\n').slice(1).join('\n')}`);
    expect(loadNetwork(input).geography.municipalities.find((m) => m.code === code)!.name).toBe(name);
  });
});
