import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../src/model/options.js';
import { formatNamed, GRAPH_FORMATS, GRAPH_READ_FORMAT_NAMES, GRAPH_WRITE_FORMAT_NAMES, readGraphFile, writeGraph } from '../../src/io/graph/index.js';
import { loadNetwork } from '../../src/index.js';

const GEXF = '<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b"/></edges></graph></gexf>';

describe('the one list of graph formats', () => {
  it('gives the formats read, the formats written and the extensions', () => {
    expect(GRAPH_READ_FORMAT_NAMES).toEqual(['gexf', 'graphml', 'json']);
    expect(GRAPH_WRITE_FORMAT_NAMES).toEqual(['gexf', 'graphml', 'json', 'csv']);
    expect(formatNamed('network.GraphML')).toBe('graphml');
    expect(formatNamed('network.csv')).toBeUndefined();
    for (const f of GRAPH_FORMATS) expect(f.description).not.toBe('');
  });

  it('writes every format through writeGraph, as its own writer does', () => {
    const net = loadNetwork({ graph: { text: GEXF } });
    for (const f of GRAPH_FORMATS) expect(writeGraph(net, f.name as 'gexf', { edges: 'links' })).toEqual(f.write(net, { edges: 'links' }));
    expect(readGraphFile({ text: writeGraph(net, 'graphml') }).format).toBe('graphml');
  });
});

describe('readGraphFile options', () => {
  it('are strict: an unknown key or a wrong value is an OptionsError naming it', () => {
    expect(() => readGraphFile({ text: GEXF }, { formt: 'gexf' } as never)).toThrow(OptionsError);
    expect(() => readGraphFile({ text: GEXF }, { formt: 'gexf' } as never)).toThrow(/^readGraphFile: option formt: unknown option; did you mean "format"\?/);
    expect(() => readGraphFile({ text: GEXF }, { format: 'gml' } as never)).toThrow(/^readGraphFile: option format: /);
    expect(() => readGraphFile({ text: GEXF }, { geography: 'sweden' } as never)).toThrow(/^readGraphFile: option geography: /);
  });

  it('still read as before with valid options', () => {
    expect(readGraphFile({ text: GEXF }, { format: 'gexf', geography: 'auto' }).nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(readGraphFile({ text: GEXF }, { format: 'graphml' }).problems[0]!.reason).toMatch(/^expected a GRAPHML file, but the root element is <gexf>/);
  });
});
