import { summaryByCounty } from '../../analysis/summary.js';
import { formatProblem } from '../../model/load-report.js';
import { formatTextTable } from '../../report/table.js';
import { INPUT_HELP, INPUT_OPTIONS, loadInput, noteCapabilities, QUIET_LOAD } from '../input.js';
import { withCapabilityCounts } from './capabilities.js';
import { csvOptions, emit, formatOf, OUTPUT_HELP, OUTPUT_OPTIONS, renderRows } from '../output.js';
import { announce, printRows, ROWS_HELP, ROWS_OPTIONS, type Command } from './shared.js';

export const summary: Command = {
  name: 'summary',
  summary: 'actors, links and cooperating municipalities per county',
  options: { ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...ROWS_OPTIONS },
  help: `samverkan summary [options]

Per county: municipalities, population, actors, links, links across
municipal and county borders, municipalities that cooperate with another
municipality, and municipalities with no link at all. A last row totals
the country. With capability records (--capabilities, or the demo's
synthetic ones), also their states counted over the county's
municipality–capability pairs: capabilityYesCount, capabilityPlannedCount,
capabilityNoCount, capabilityUnknownCount (unknown is not no), and
capabilityGapMunicipalityCount, the municipalities lacking at least one.

${INPUT_HELP}

${OUTPUT_HELP}

${ROWS_HELP}

Example:
  samverkan summary --actors actors.csv --links links.csv --format md`,
  run({ values }, io) {
    const input = loadInput(values, io, 'use');
    const { net, description, capabilities } = input;
    announce(description, values, io);
    noteCapabilities(input, io);
    printRows(capabilities ? withCapabilityCounts(summaryByCounty(net), net, capabilities, 'county') : summaryByCounty(net), values, io);
    return 0;
  },
};

// validate always loads leniently: --lenient has no meaning there.
const { lenient: _lenient, ...VALIDATE_INPUT_OPTIONS } = INPUT_OPTIONS;
const VALIDATE_INPUT_HELP = INPUT_HELP.replace(/\n {2}--lenient[^\n]*\n[^\n]*/, '');

export const validate: Command = {
  name: 'validate',
  summary: 'load the input and print what happened to every row',
  options: { ...VALIDATE_INPUT_OPTIONS, ...OUTPUT_OPTIONS },
  help: `samverkan validate [options]

Loads the input leniently and prints the load report: per file, rows
loaded, merged (repeats), rejected and blank, then every problem with
file, row, column, value and reason. Exits 1 when any row is rejected.
With --format csv or md it prints the problems as a table; json prints
the whole report. With --capabilities FILE, the capability rows too.

${VALIDATE_INPUT_HELP}

${OUTPUT_HELP}

Example:
  samverkan validate --actors actors.csv --links links.csv`,
  run({ values }, io) {
    // Only an explicit --capabilities file is validated (the dataset's own are checked by its tests).
    const { net, description, capabilities } = loadInput({ ...values, lenient: true, [QUIET_LOAD]: true }, io, 'flag');
    const loaded = net.loadReport ?? { files: [], problems: [] };
    const caps = capabilities?.loadReport;
    const report = caps ? { files: [...loaded.files, ...caps.files], problems: [...loaded.problems, ...caps.problems] } : loaded;
    const format = formatOf(values);
    const errors = report.problems.filter((p) => p.severity === 'error').length;
    if (format === 'json') emit(JSON.stringify(report, null, 2) + '\n', values, io);
    else if (format === 'text') {
      const lines = [
        `Loaded ${description}.`,
        '',
        formatTextTable(report.files.map((f) => (f.delimiter === '\t' ? { ...f, delimiter: 'tab' } : f))),
        report.problems.length === 0 ? 'No problems.' : `${report.problems.length} problem(s):`,
        ...report.problems.map((p) => `  ${p.severity}: ${formatProblem(p)}`),
      ];
      emit(lines.join('\n') + '\n', values, io);
    } else {
      emit(renderRows(report.problems, format, csvOptions(values)), values, io);
    }
    return errors > 0 ? 1 : 0;
  },
};
