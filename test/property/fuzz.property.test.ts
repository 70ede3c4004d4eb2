/**
 * Random bytes (fast-check, fixed seeds) into every reader: each input ends
 * within a bound with a network, or samverkan's own error (`LoadError` in
 * strict mode), never another exception; lenient loads and `readGraphFile`
 * never throw, and every row read is accounted for. The bound is a hang
 * detector, not a speed target (those live in bench/): a few kilobytes
 * must be done in {@link BOUND_MS}, about a thousand times what they take.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LoadError, loadNetwork, type CooperationNetwork } from '../../src/index.js';
import { readGraphFile } from '../../src/io.js';
import { loadNetworkStream } from '../../src/io/load-network-stream.js';
import { tmpFile } from '../helpers/files.js';

/** Bytes that start like the formats samverkan reads, then anything. */
const PREFIXES = ['', 'source,target\n', 'id,kind\n', '\uFEFF', 'sep=;\n', '<?xml version="1.0"?><gexf><graph><nodes>', '<graphml><graph>', '{"nodes":[', '"', '\uFFFE'];
const input = fc.tuple(fc.constantFrom(...PREFIXES), fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('', '2480,2460\n', '"', '\r')).map(
  ([head, body, tail]) => new Uint8Array([...Buffer.from(head, 'utf8'), ...body, ...Buffer.from(tail, 'utf8')]),
);
/** And text made of the characters that matter to the parsers. */
const text = fc.stringMatching(/^[a-z0-9,;\t|"\r\n <>/{}[\]:=&#\\\u0000\u00e5\u200b\ufeff-]{0,400}$/).map((t) => new Uint8Array(Buffer.from(t, 'utf8')));
const bytes = fc.oneof(input, text);

const OPTIONS = { seed: 1212, numRuns: 400 } as const;

/** The bound on one input of at most a few kilobytes. */
const BOUND_MS = 2000;

/** Run `f` and check it ended within the bound. */
function bounded<T>(f: () => T): T {
  const start = performance.now();
  try {
    return f();
  } finally {
    expect(performance.now() - start).toBeLessThan(BOUND_MS);
  }
}

function accounted(net: CooperationNetwork) {
  for (const f of net.loadReport!.files) expect(f.loaded + f.merged + f.rejected + f.blank).toBe(f.rows);
}

describe('random bytes', () => {
  it('strict loads give a network or a LoadError, never another error', () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom('links', 'actors'), (b, role) => {
        try {
          bounded(() => loadNetwork({ [role]: b }));
        } catch (error) {
          if (!(error instanceof LoadError)) throw error;
          expect(error.problems.length).toBeGreaterThan(0);
        }
      }),
      OPTIONS,
    );
  });

  it('lenient loads never throw, and account for every row; the streamed loader agrees', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, async (b) => {
        const net = bounded(() => loadNetwork({ links: { bytes: b, name: 'x.csv' } }, { mode: 'lenient' }));
        accounted(net);
        const streamed = await loadNetworkStream({ links: { path: tmpFile('x.csv', b), name: 'x.csv' } }, { mode: 'lenient', highWaterMark: 7 });
        expect(streamed.loadReport).toEqual(net.loadReport);
      }),
      { ...OPTIONS, numRuns: 150 },
    );
  });

  it('graph files never throw, in any format, and strict graph loads give a network or a LoadError', () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom('gexf', 'graphml', 'json', undefined), (b, format) => {
        const file = bounded(() => readGraphFile(b, format ? { format } : {}));
        expect(Array.isArray(file.problems)).toBe(true);
        try {
          bounded(() => loadNetwork({ graph: b, ...(format && { graphFormat: format }) }));
        } catch (error) {
          if (!(error instanceof LoadError)) throw error;
        }
      }),
      OPTIONS,
    );
  });
});
