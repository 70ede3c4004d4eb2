import { resolve } from 'node:path';
import { writeSyntheticNetwork } from '../../synthetic/files.js';
import { SyntheticNetworkOptionsSchema } from '../../synthetic/network.js';
import { UsageError } from '../context.js';
import { integerOption, type Command } from './shared.js';

export const generateCommand: Command = {
  name: 'generate',
  summary: 'write a seeded synthetic network of any size (for benchmarks)',
  options: {
    links: { type: 'string' },
    seed: { type: 'string' },
    municipalities: { type: 'string' },
    counties: { type: 'string' },
    out: { type: 'string', short: 'o' },
  },
  help: `samverkan generate --links N --out DIR [options]

Writes a synthetic cooperation network shaped like the demo dataset, in an
invented country, to the folder DIR (created if missing; files in it are
overwritten): municipalities.csv, counties.csv and adjacency.csv (a
geography for --geography), actors.csv and links.csv, and nodes.txt with
edges.txt (an integer edge list "u v weight" for igraph and NetworkX).
The same options give byte-identical files. Not real data.

Options:
  --links N           number of links, 1000 to 10000000 (required)
  --out, -o DIR       the folder to write (required)
  --seed S            seed of every random choice (default 1)
  --municipalities M  number of municipalities (default links / 16,
                      between 20 and 5000)
  --counties C        number of counties (default municipalities / 14)

Example:
  samverkan generate --links 100000 --seed 7 --out bench-100k
  samverkan summary --geography bench-100k --actors bench-100k/actors.csv --links bench-100k/links.csv`,
  run({ values }, io) {
    const links = integerOption(values, 'links', 1);
    if (links === undefined) throw new UsageError('--links is required', 'e.g. --links 100000');
    if (values.out === undefined) throw new UsageError('--out is required', 'the folder to write, e.g. --out bench');
    const seed = integerOption(values, 'seed', -2147483648);
    const municipalities = integerOption(values, 'municipalities', 1);
    const counties = integerOption(values, 'counties', 1);
    const parsed = SyntheticNetworkOptionsSchema.safeParse({
      links,
      ...(seed !== undefined && { seed }),
      ...(municipalities !== undefined && { municipalities }),
      ...(counties !== undefined && { counties }),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UsageError(`--${String(issue.path[0] ?? 'links')}: ${issue.message}`, 'see: samverkan generate --help');
    }
    const dir = resolve(io.cwd ?? process.cwd(), values.out as string);
    const written = writeSyntheticNetwork(dir, parsed.data);
    io.stderr.write(
      `Wrote ${dir}: ${written.municipalities} municipalities, ${written.counties} counties, ${written.actors} actors, ${written.links} links (seed ${parsed.data.seed})\n`,
    );
    return 0;
  },
};
