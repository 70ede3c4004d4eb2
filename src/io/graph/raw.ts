/** A graph file as its format gives it, before attributes are mapped to actor and link fields: what each format's reader returns. */
import type { ProblemReason } from '../../model/load-report.js';

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

export class GraphFormatError extends Error {
  readonly line: number | undefined;
  /** The message as data (its `reason` is the message). */
  readonly problem: ProblemReason;
  constructor(problem: ProblemReason, line?: number) {
    super(problem.reason);
    this.problem = problem;
    this.line = line;
  }
}
