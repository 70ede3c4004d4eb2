/**
 * Write a synthetic network ({@link generateSynthetic}) to a folder: the
 * geography files `loadGeography` reads, `actors.csv` and `links.csv` for
 * `loadNetwork` and the CLI, and a plain integer edge list for igraph and
 * NetworkX benchmark scripts. Written in chunks straight from the typed
 * arrays, so a million links never become one string or a million objects.
 *
 * @module
 */
import type { Actor } from '../model/schema.js';
import { generateSynthetic, type SyntheticNetworkOptions } from './network.js';
import { dayStrings } from './edges.js';
import { actorFields, csvLine, LINK_HEADER, linkFields } from './rows.js';
import { nodeBuiltin } from '../model/runtime.js';
import { quoteCsvField } from '../io/write-csv.js';
import { ArgumentError } from '../model/errors.js';
import { said, saidIn } from '../model/options.js';

/** What {@link writeSyntheticNetwork} wrote. */
export interface WrittenSyntheticNetwork {
  /** The folder, as given. */
  dir: string;
  /** Paths of the files written, in the order written. */
  files: string[];
  municipalities: number;
  counties: number;
  /** Actors other than municipalities (rows of actors.csv). */
  actors: number;
  /** Links (rows of links.csv, lines of edges.txt). */
  links: number;
}

type Fs = typeof import('node:fs');

/** The columns of the scale sizes' actors.csv: an actor's fields (the demo's add its attributes). */
const SCALE_ACTOR_HEADER = ['id', 'name', 'kind', 'municipality', 'county'] as const;

function nodeFs(): Fs {
  const fs = nodeBuiltin('node:fs');
  // Outside Node.js (a browser) there is no file system: an argument error, so callers catch one class.
  if (!fs) throw new ArgumentError(saidIn('writeSyntheticNetwork', said('errors.synthetic.needsNode')), 'NEEDS_NODE');
  return fs;
}

/** A file written line by line in chunks of about 1 MB. */
class ChunkedFile {
  private text = '';
  private readonly fd: number;
  constructor(
    private readonly fs: Fs,
    path: string,
  ) {
    this.fd = fs.openSync(path, 'w');
  }
  line(text: string): void {
    this.text += text + '\n';
    if (this.text.length >= 1 << 20) this.flush();
  }
  private flush(): void {
    if (this.text !== '') this.fs.writeSync(this.fd, this.text);
    this.text = '';
  }
  close(): void {
    try {
      this.flush();
    } finally {
      this.fs.closeSync(this.fd);
    }
  }
}


/**
 * Generate a synthetic network (same options as `syntheticNetwork`, same
 * network) and write it to `dir` (created if missing): `municipalities.csv`,
 * `counties.csv`, `adjacency.csv` (a geography folder), `actors.csv`,
 * `links.csv`, and `nodes.txt` (one actor id per line: line i is node i, the
 * municipalities in code order then the actors, which is the node order of the
 * loaded network) with `edges.txt` (one `u v weight` line per link, 0-based
 * node indices). UTF-8, LF line ends.
 *
 * @example
 * writeSyntheticNetwork('/tmp/bench-1m', { links: 1_000_000 });
 * const net = loadNetwork({ geography: '/tmp/bench-1m', actors: '/tmp/bench-1m/actors.csv', links: '/tmp/bench-1m/links.csv' });
 */
export function writeSyntheticNetwork(dir: string, options: SyntheticNetworkOptions = {}): WrittenSyntheticNetwork {
  const fs = nodeFs();
  const { geography, ids, actors, edges } = generateSynthetic(options, 'writeSyntheticNetwork');
  fs.mkdirSync(dir, { recursive: true });
  const path = (name: string) => (dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}/${name}`);
  const files: string[] = [];
  const write = (name: string, header: string | undefined, body: (out: ChunkedFile) => void) => {
    const file = path(name);
    const out = new ChunkedFile(fs, file);
    try {
      if (header !== undefined) out.line(header);
      body(out);
    } finally {
      out.close();
    }
    files.push(file);
  };

  write('municipalities.csv', 'code,name,county_code,population,population_year,lat,lon,area_km2_approx,island', (out) => {
    for (const m of geography.municipalities) {
      out.line([quoteCsvField(m.code), quoteCsvField(m.name), quoteCsvField(m.county), m.population, m.populationYear, m.lat, m.lon, m.areaKm2 ?? '', m.island].join(','));
    }
  });
  write('counties.csv', 'county_code,county_name', (out) => {
    for (const c of geography.counties) out.line(`${quoteCsvField(c.code)},${quoteCsvField(c.name)}`);
  });
  write('adjacency.csv', 'a,b', (out) => {
    for (const b of geography.borders) out.line(`${quoteCsvField(b.a)},${quoteCsvField(b.b)}`);
  });
  write('actors.csv', csvLine(SCALE_ACTOR_HEADER), (out) => {
    for (const a of actors as readonly Actor[]) out.line(csvLine(actorFields(a, SCALE_ACTOR_HEADER)));
  });
  const date = dayStrings();
  write('links.csv', csvLine(LINK_HEADER), (out) => {
    for (let i = 0; i < edges.count; i++) out.line(csvLine(linkFields(edges, ids, i, date)));
  });
  write('nodes.txt', undefined, (out) => {
    for (const id of ids) out.line(id);
  });
  write('edges.txt', undefined, (out) => {
    for (let i = 0; i < edges.count; i++) out.line(`${edges.src[i]} ${edges.dst[i]} ${edges.weightOf(i)}`);
  });
  return {
    dir,
    files,
    municipalities: geography.municipalities.length,
    counties: geography.counties.length,
    actors: actors.length,
    links: edges.count,
  };
}
