import { resolve } from 'node:path';
import { message, type Lang } from '../../model/i18n/index.js';
import { renderExplorer } from '../../report/explore/index.js';
import { ExplorerOptionsSchema } from '../../report/explore/options.js';
import { cliFlag, flagsOf, libraryFlag, optionsOf, type FlagTable } from '../flags.js';
import { INPUT_GROUP, loadInput } from '../input.js';
import { inputFiles, writeOutput } from '../output.js';
import { FEATURES_FLAGS, mapFeatures } from './report.js';
import { defineCommand } from './shared.js';
import { geographyName } from '../../model/geography.js';

const EXPLORE_FLAGS = {
  out: cliFlag({ type: 'string', short: 'o', value: 'FILE', help: 'cli.flag.explore.out', default: 'samverkan-explorer.html' }),
  lang: libraryFlag(ExplorerOptionsSchema, 'lang', { value: 'LANG', help: 'cli.flag.explore.lang', helpParams: { country: (lang: Lang, country) => geographyName(country, lang) }, showChoices: true }),
  title: libraryFlag(ExplorerOptionsSchema, 'title', { value: 'TEXT', help: 'cli.flag.explore.title' }),
  suggestions: libraryFlag(ExplorerOptionsSchema, 'suggestions', { value: 'N', help: 'cli.flag.explore.suggestions' }),
  ...FEATURES_FLAGS,
  quiet: cliFlag({ type: 'boolean', short: 'q', help: 'cli.flag.explore.quiet' }),
} as const satisfies FlagTable;

export const exploreCommand = defineCommand({
  name: 'explore',
  groups: [{ title: 'cli.help.options', flags: EXPLORE_FLAGS }, INPUT_GROUP],
  examples: ['samverkan explore --county Västerbotten --lang en --out explorer.html'],
  run({ values, flags }, io) {
    const { net, description, lang } = loadInput({ values, flags }, io);
    const { quiet, out } = flagsOf(EXPLORE_FLAGS, flags);
    const polygons = mapFeatures(values, io);
    // --lang, when given, is the page's language too; else the explorer's own default.
    const html = renderExplorer(net, { dataDescription: description, ...optionsOf(EXPLORE_FLAGS, flags), ...(polygons && { features: polygons }) });
    const path = resolve(io.cwd ?? process.cwd(), out ?? 'samverkan-explorer.html');
    writeOutput(path, html, inputFiles(values, io.cwd ?? process.cwd()), lang);
    io.stdout.write(quiet ? `${path}\n` : `${message(lang, 'cli.note.explorer', { description, count: net.municipalities().length })}\n${message(lang, 'cli.note.wrote', { path })}\n`);
    return 0;
  },
});
