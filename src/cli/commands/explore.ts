import { resolve } from 'node:path';
import { DEFAULT_COUNTRY } from '../../countries/default.js';
import { renderExplorer } from '../../report/explore/index.js';
import { EXPLORER_LANGUAGES } from '../../report/explore/strings.js';
import { INPUT_HELP, INPUT_OPTIONS, loadInput } from '../input.js';
import { inputFiles, writeOutput } from '../output.js';
import { FEATURES_HELP, mapFeatures } from './report.js';
import { announce, choiceOption, integerOption, type Command } from './shared.js';

export const exploreCommand: Command = {
  name: 'explore',
  summary: 'the interactive explorer: the network on the map, as one offline HTML file',
  options: {
    ...INPUT_OPTIONS,
    out: { type: 'string', short: 'o' },
    lang: { type: 'string' },
    title: { type: 'string' },
    suggestions: { type: 'string' },
    features: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  },
  help: `samverkan explore [options]

Writes the interactive explorer: one self-contained HTML file that opens
offline and loads nothing from any server. It draws the municipalities of
the area the data covers and the cooperation ties between them (direct
links solid, shared bodies dashed, width by strength). Search for a
municipality or actor; click a municipality (or Tab to it and press Enter)
for its ties, its actors, its gaps and its suggested partners with the
reasons. Filters by tie type, county, actor kind and link kind, and a date
slider for the network as of a date.

Options:
  --out, -o FILE      where to write (default samverkan-explorer.html)
  --lang LANG         sv (default for ${DEFAULT_COUNTRY.name}'s data) or en
  --title TEXT        page title
  --suggestions N     suggested partners per municipality (default 3; 0: none)
${FEATURES_HELP}
  --quiet, -q         print only the path of the file

${INPUT_HELP}

Example:
  samverkan explore --county Västerbotten --lang en --out explorer.html`,
  run({ values }, io) {
    const { net, description, country } = loadInput(values, io);
    announce(description, values, io);
    const lang = choiceOption(values, 'lang', EXPLORER_LANGUAGES);
    const suggestions = integerOption(values, 'suggestions', 0);
    const polygons = mapFeatures(values, io, country);
    const html = renderExplorer(net, {
      dataDescription: description,
      ...(lang && { lang }),
      ...(values.title !== undefined && { title: String(values.title) }),
      ...(suggestions !== undefined && { suggestions }),
      ...(polygons && { features: polygons }),
    });
    const path = resolve(io.cwd ?? process.cwd(), (values.out as string | undefined) ?? 'samverkan-explorer.html');
    writeOutput(path, html, inputFiles(values, io.cwd ?? process.cwd()));
    io.stdout.write(values.quiet ? `${path}\n` : `Explorer for ${description}: ${net.municipalities().length} municipalities\nWrote ${path}\n`);
    return 0;
  },
};
