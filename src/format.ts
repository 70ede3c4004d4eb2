// samverkan/format: rows and numbers for people and spreadsheets: text and
// Markdown tables, CSV safe to open in a spreadsheet, HTML/XML escaping, and
// counts, percentages and lists in words.
export { formatTextTable, formatMarkdownTable, escapeMarkdownCell, displayValue, type TableFormatOptions } from './report/table.js';
export { toCsv, safeCell, type CsvOptions } from './io/write-csv.js';
export { escapeXml, escapeHtml } from './report/escape.js';
export { percent, number as formatNumber } from './report/html.js';
export { formatCount, joinNames, someNames, plural, kindWords, kindCount, type KindForm } from './model/words.js';
