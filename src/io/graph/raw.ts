/** A graph file as its format gives it, before attributes are mapped to actor and link fields: what each format's reader returns. */
import type { ProblemReason } from '../../model/load-report.js';
import { SamverkanError } from '../../model/errors.js';
import { messageText } from '../../model/i18n/problem.js';

/** A node or edge as the format gives it, before its attributes are mapped to fields. */
export interface RawElement {
  row: number;
  line?: number;
  /** Node: the element id. */
  id?: string;
  /** GEXF `label`. */
  label?: string;
  source?: string;
  target?: string;
  /** Format-level edge fields: GEXF `weight`, `kind`, `start`, `end`. */
  weight?: string;
  kind?: string;
  start?: string;
  end?: string;
  directed?: boolean;
  /** Data attributes by name, in file order. */
  attributes: Map<string, string>;
}

export interface RawGraph {
  /** The name of the node id as the format calls it (`id`, `key`). */
  idName: string;
  nodes: RawElement[];
  edges: RawElement[];
  /** GEXF `timeformat`. */
  timeformat?: string;
  warnings: ProblemReason[];
}

/** A graph file that is well-formed but not the format (no `<graph>`, an undeclared key): code `GRAPH_FORMAT`, `row` its line. The readers turn it into a load problem. */
export class GraphFormatError extends SamverkanError {
  readonly line: number | undefined;
  /** The message as data (its `reason` is the message). */
  readonly problem: ProblemReason;
  constructor(problem: ProblemReason, line?: number) {
    super('GRAPH_FORMAT', (lang) => messageText(problem, lang), line === undefined ? {} : { row: line });
    this.name = 'GraphFormatError';
    this.problem = problem;
    this.line = line;
  }
}
