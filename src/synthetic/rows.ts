/**
 * The generator's last stage, for every configuration: the actors and links
 * it made, as rows and as CSV lines. The demo's files (`demo/files.ts`) and
 * the scale sizes' (`files.ts`, streamed in chunks) write the same lines,
 * the demo with more actor columns.
 *
 * @module
 */
import { quoteCsvField } from '../io/write-csv.js';
import type { Link } from '../model/schema.js';
import { dayStrings, type EdgeList, SYNTHETIC_LINK_KINDS, type SyntheticLinkKind } from './edges.js';

/** A link as the generator makes it: always a kind and a weight. */
export type GeneratedLink = Link & { kind: SyntheticLinkKind; weight: number };

/** The columns of links.csv. */
export const LINK_HEADER = ['source', 'target', 'kind', 'weight', 'since', 'until'] as const;

/** A CSV line of fields, each quoted only when it needs it (the library's writer's rule, `quoteCsvField`). */
export const csvLine = (fields: readonly string[]): string => fields.map((f) => quoteCsvField(f)).join(',');

/** An actor's fields in the order of `header`, empty where it has none. */
export const actorFields = <A extends object>(actor: A, header: readonly string[]): string[] =>
  header.map((column) => String((actor as Record<string, unknown>)[column] ?? ''));

/** The fields of link `i` of the edge list, as links.csv holds them (`date`: one `dayStrings()` per file). */
export function linkFields(edges: EdgeList, ids: readonly string[], i: number, date: (day: number) => string | undefined): string[] {
  return [ids[edges.src[i]!]!, ids[edges.dst[i]!]!, SYNTHETIC_LINK_KINDS[edges.kind[i]!]!, String(edges.weightOf(i)), date(edges.since[i]!) ?? '', date(edges.until[i]!) ?? ''];
}

/** The link rows of the edge list, in the order made; ends are the nodes' ids. */
export function linkRows(edges: EdgeList, ids: readonly string[]): GeneratedLink[] {
  const date = dayStrings();
  const links: GeneratedLink[] = new Array(edges.count);
  for (let i = 0; i < edges.count; i++) {
    const link: GeneratedLink = { source: ids[edges.src[i]!]!, target: ids[edges.dst[i]!]!, kind: SYNTHETIC_LINK_KINDS[edges.kind[i]!]!, weight: edges.weightOf(i) };
    const since = date(edges.since[i]!);
    if (since !== undefined) link.since = since;
    const until = date(edges.until[i]!);
    if (until !== undefined) link.until = until;
    links[i] = link;
  }
  return links;
}

/** Where a stage adds the actors it makes (a {@link Nodes} of any row type that takes `R`). */
export interface NodeSink<R> {
  add(actor: R): number;
  readonly ids: readonly string[];
}

/**
 * The nodes of a generated network: the municipalities (in geography order)
 * as nodes 0 … M − 1, then each actor as a stage makes it.
 */
export class Nodes<A extends { id: string }> {
  readonly ids: string[];
  readonly actors: A[] = [];
  private index: Map<string, number> | undefined;
  constructor(municipalityCodes: readonly string[]) {
    this.ids = [...municipalityCodes];
  }
  /** Add an actor; its node. */
  add(actor: A): number {
    this.actors.push(actor);
    this.ids.push(actor.id);
    this.index?.set(actor.id, this.ids.length - 1);
    return this.ids.length - 1;
  }
  /** The node of an id, indexed on first use (the scale sizes never ask, so their half a million ids cost no map). */
  node(id: string): number {
    this.index ??= new Map(this.ids.map((x, i) => [x, i]));
    const node = this.index.get(id);
    if (node === undefined) throw new Error(`unreachable: no node ${id} (a stage links only actors made before it)`);
    return node;
  }
}
