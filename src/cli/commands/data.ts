import { summaryByCounty } from '../../analysis/summary.js';
import { message } from '../../model/i18n/index.js';
import { formatTextTable } from '../../report/table.js';
import { INPUT_FLAGS, INPUT_GROUP, loadInput, noteCapabilities, problemLine } from '../input.js';
import { CAPABILITY_GROUP, withCapabilityCounts } from './capabilities.js';
import { csvOptions, emit, formatOf, OUTPUT_GROUP, renderRows } from '../output.js';
import { defineCommand, printRows, ROWS_GROUP } from './shared.js';

export const summary = defineCommand({
  name: 'summary',
  groups: [INPUT_GROUP, OUTPUT_GROUP, ROWS_GROUP],
  examples: ['samverkan summary --actors actors.csv --links links.csv --format md'],
  run({ values, flags }, io) {
    const input = loadInput({ values, flags }, io, 'use');
    const { net, capabilities, lang } = input;
    noteCapabilities(input, io);
    const rows = summaryByCounty(net, { lang });
    printRows(capabilities ? withCapabilityCounts(rows, net, capabilities, 'county') : rows, { values, flags }, io);
    return 0;
  },
});

// validate always loads leniently: --lenient has no meaning there.
const { lenient: _lenient, ...VALIDATE_INPUT_FLAGS } = INPUT_FLAGS;

export const validate = defineCommand({
  name: 'validate',
  groups: [{ ...INPUT_GROUP, flags: VALIDATE_INPUT_FLAGS }, OUTPUT_GROUP, CAPABILITY_GROUP],
  examples: ['samverkan validate --actors actors.csv --links links.csv'],
  run({ values, flags }, io) {
    // Only an explicit --capabilities file is validated (the dataset's own are checked by its tests).
    const { net, description, lang, capabilities } = loadInput({ values, flags }, io, 'flag', { lenient: true, quiet: true });
    const loaded = net.loadReport ?? { files: [], problems: [] };
    const caps = capabilities?.loadReport;
    const report = caps ? { files: [...loaded.files, ...caps.files], problems: [...loaded.problems, ...caps.problems] } : loaded;
    const format = formatOf(flags);
    const errors = report.problems.filter((p) => p.severity === 'error').length;
    if (format === 'json') emit(JSON.stringify(report, null, 2) + '\n', values, io);
    else if (format === 'text') {
      const lines = [
        message(lang, 'cli.validate.loaded', { description }),
        '',
        formatTextTable(report.files.map((f) => (f.delimiter === '\t' ? { ...f, delimiter: 'tab' } : f))),
        report.problems.length === 0 ? message(lang, 'cli.validate.noProblems') : message(lang, 'cli.validate.problems', { n: String(report.problems.length) }),
        ...report.problems.map((p) => `  ${problemLine(p, lang)}`),
      ];
      emit(lines.join('\n') + '\n', values, io);
    } else {
      emit(renderRows(report.problems, format, csvOptions(flags)), values, io);
    }
    return errors > 0 ? 1 : 0;
  },
});
