/**
 * Mapping a graph file's attributes to actor and link fields: which
 * attribute is the name, the kind, the municipality, the weight…, by the
 * CSV loader's aliases (see `readGraphFile`).
 */
import { because, hint, type ProblemMessage, type ProblemReason } from '../../model/load-report.js';
import { findMunicipality, geographyWords, indexGeography, isPlainGeography } from '../../model/geography.js';
import type { Geography } from '../../model/schema.js';
import { ownRecord } from '../../model/own.js';
import { ACTOR_COLUMNS, LINK_COLUMNS, normaliseHeader } from '../columns.js';
import { geographyKindVocabulary, normaliseKind } from '../../model/kinds.js';
import type { RawElement, RawGraph } from './raw.js';

/** A node of a graph file as an actor row. Empty strings are absent values, as in a CSV cell. */
export interface GraphNodeRow {
  /** Position of the node in the file, 1-based. */
  row: number;
  /** Line of the node's start tag (XML formats). */
  line?: number;
  id: string;
  name: string;
  kind: string;
  municipality: string;
  county: string;
  /** Every other attribute, as text; own properties, so a name such as `__proto__` is kept. */
  attributes: Record<string, string>;
}

/** An edge of a graph file as a link row. `source` and `target` are actor ids (see {@link readGraphFile}). */
export interface GraphEdgeRow {
  row: number;
  line?: number;
  source: string;
  target: string;
  kind: string;
  weight: string;
  since: string;
  until: string;
  attributes: Record<string, string>;
}

export type GraphNodeField = 'id' | 'name' | 'kind' | 'municipality' | 'county';
export type GraphEdgeField = 'source' | 'target' | 'kind' | 'weight' | 'since' | 'until';

/** A graph file's elements as actor and link rows, with the attribute each field was read from. */
export interface MappedGraph {
  /** The file declares directed edges (read as undirected links, with a warning). */
  directed: boolean;
  /** Which attribute of the file each actor field was read from, as written in the file (`label`, `type`, `kommun`…). */
  nodeFields: Record<GraphNodeField, string>;
  /** Which attribute each link field was read from. */
  edgeFields: Record<GraphEdgeField, string>;
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
  /** Whole-file warnings: directed edges, kinds assumed. */
  warnings: ProblemReason[];
}

/** Attribute names that may hold the name, in order of preference (after `normaliseHeader`). */
const NODE_NAME_ALIASES = ['label', ...ACTOR_COLUMNS.name.filter((a) => a !== 'label')];

/**
 * The attributes of the file that may hold a field, most preferred first:
 * those whose normalised name is an alias, in the order of the alias list.
 */
function candidates(names: readonly string[], aliases: readonly string[], skip: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const alias of aliases) for (const n of names) if (!skip.has(n) && !found.includes(n) && normaliseHeader(n) === alias) found.push(n);
  return found;
}

function attributeNames(elements: readonly RawElement[]): string[] {
  const names = new Set<string>();
  for (const e of elements) for (const k of e.attributes.keys()) names.add(k);
  return [...names];
}

const clean = (s: string | undefined) => (s ?? '').normalize('NFC').trim();


/**
 * Field values of one element: for each field, the first candidate attribute
 * with a non-empty value on this element. Returns the values and the
 * attributes left over (used ones and `drop` removed, empty ones skipped).
 */
function takeFields<F extends string>(
  element: RawElement,
  fields: Readonly<Record<F, readonly string[]>>,
  drop: ReadonlySet<string>,
): { values: Record<F, string>; rest: [string, string][] } {
  const used = new Set<string>();
  const values = {} as Record<F, string>;
  for (const field of Object.keys(fields) as F[]) {
    values[field] = '';
    for (const name of fields[field]) {
      const v = clean(element.attributes.get(name));
      if (v !== '' && !used.has(name)) {
        values[field] = v;
        used.add(name);
        break;
      }
    }
  }
  const rest: [string, string][] = [];
  for (const [k, v] of element.attributes) {
    if (used.has(k) || drop.has(k)) continue;
    const text = clean(v);
    if (text !== '') rest.push([k, text]);
  }
  return { values, rest };
}

/** An ISO date at the start of a GEXF time (`2015-02-28` or `2015-02-28T10:00:00`), else undefined. */
function gexfDate(value: string | undefined): string | undefined {
  const m = value === undefined ? null : /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(value.trim());
  return m ? m[1] : undefined;
}

/** Whether some node has a kind, municipality or county attribute: the file says where (and what) its nodes are. */
export function placedNodes(raw: RawGraph): boolean {
  const names = attributeNames(raw.nodes);
  const fields = [...ACTOR_COLUMNS.kind, ...ACTOR_COLUMNS.municipality, ...ACTOR_COLUMNS.county];
  return candidates(names, fields, new Set()).some((name) => raw.nodes.some((n) => clean(n.attributes.get(name)) !== ''));
}

/** The nodes as actor rows, and each node's actor id (a municipality's node gets its code), for the edges' ends. */
function mapNodes(raw: RawGraph, geography: Geography, warnings: ProblemReason[]): { nodes: GraphNodeRow[]; nodeFields: Record<GraphNodeField, string>; actorIdOfNode: Map<string, string> } {
  const ix = indexGeography(geography);
  const municipalityOf = (text: string) => {
    if (text === '') return undefined;
    // Bare numbers must be a code exactly: node "180" of a numbered graph is not Stockholm (0180).
    return /^\d+$/.test(text) ? ix.municipality.get(text) : findMunicipality(geography, text);
  };

  const names = attributeNames(raw.nodes);
  const igraph = raw.nodes.length > 0 && raw.nodes.every((n, i) => n.id === `n${i}` && clean(n.attributes.get('name')) !== '');
  const drop = new Set<string>(igraph ? ['name'] : []);
  const nodeCandidates = {
    name: candidates(names, NODE_NAME_ALIASES, drop),
    kind: candidates(names, ACTOR_COLUMNS.kind, drop),
    municipality: candidates(names, ACTOR_COLUMNS.municipality, drop),
    county: candidates(names, ACTOR_COLUMNS.county, drop),
  };
  const gexfLabels = raw.nodes.some((n) => n.label !== undefined);
  const nodeFields: Record<GraphNodeField, string> = {
    id: igraph ? 'name' : raw.idName,
    name: gexfLabels ? 'label' : (nodeCandidates.name[0] ?? (igraph ? 'name' : raw.idName)),
    kind: nodeCandidates.kind[0] ?? 'kind',
    municipality: nodeCandidates.municipality[0] ?? 'municipality',
    county: nodeCandidates.county[0] ?? 'county',
  };

  const actorIdOfNode = new Map<string, string>();
  let assumedOther = 0;
  let assumedMunicipality = 0;
  const nodes: GraphNodeRow[] = raw.nodes.map((n) => {
    const id = clean(igraph ? n.attributes.get('name') : n.id);
    const { values, rest } = takeFields(n, nodeCandidates, drop);
    const label = clean(n.label);
    // A GEXF label that only repeats the id (NetworkX writes one for every node) yields to a name attribute.
    const name = label !== '' && label !== id ? label : values.name || label;
    if (label !== '' && label !== id && values.name !== '') {
      const nameAttr = nodeCandidates.name.find((c) => clean(n.attributes.get(c)) === values.name)!;
      rest.push([nameAttr, values.name]);
    }
    let { kind, municipality } = values;
    let actorId = id;
    if (kind === '' || normaliseKind(kind, geographyKindVocabulary(geography)) === 'municipality') {
      const m = municipalityOf(id) ?? municipalityOf(name);
      if (m) {
        if (kind === '') assumedMunicipality++;
        kind ||= 'municipality';
        actorId = m.code;
        municipality ||= m.code;
      } else if (kind === '') {
        kind = 'other';
        assumedOther++;
      }
    }
    if (!actorIdOfNode.has(n.id ?? '')) actorIdOfNode.set(n.id ?? '', actorId);
    const row: GraphNodeRow = { row: n.row, id: actorId, name, kind, municipality, county: values.county, attributes: ownRecord(rest) };
    if (n.line !== undefined) row.line = n.line;
    return row;
  });
  const without = assumedOther + assumedMunicipality;
  // In a plain graph every node is an actor of kind other: nothing was assumed that a user should check.
  if (without > 0 && !isPlainGeography(geography)) {
    const parts: ProblemMessage[] = [];
    if (assumedMunicipality > 0) parts.push(hint('graph.no_kind.municipality', { n: assumedMunicipality, geography: geographyWords(geography) }));
    if (assumedOther > 0) parts.push(hint('graph.no_kind.as_other', { n: assumedOther }));
    const [first, second] = parts;
    warnings.push(
      because('graph.no_kind', { n: without, attribute: nodeFields.kind, parts: second === undefined ? first! : hint('graph.no_kind.both', { a: first!, b: second }), advice: assumedOther > 0 ? hint('graph.no_kind.advice') : '' }),
    );
  }

  return { nodes, nodeFields, actorIdOfNode };
}

/** The edges as link rows, their ends the actor ids of their nodes. */
function mapEdges(raw: RawGraph, actorIdOfNode: ReadonlyMap<string, string>, warnings: ProblemReason[]): { edges: GraphEdgeRow[]; edgeFields: Record<GraphEdgeField, string>; directed: boolean } {
  const edgeNames = attributeNames(raw.edges);
  // samverkan's own exports carry columns it derives again from the actors
  // (crossMunicipal, crossCounty) and, for aggregated pairs, the number of
  // links and their distinct kinds: these are not kept as link attributes.
  const ours = edgeNames.includes('crossMunicipal') && edgeNames.includes('crossCounty');
  const pairs = ours && edgeNames.includes('count');
  const edgeDrop = new Set<string>(ours ? ['crossMunicipal', 'crossCounty', ...(pairs ? ['count'] : [])] : []);
  const dateFormat = raw.timeformat === undefined || raw.timeformat === 'date' || raw.timeformat === 'dateTime';
  const xmlDates = dateFormat && raw.edges.some((e) => gexfDate(e.start) !== undefined || gexfDate(e.end) !== undefined);
  const edgeCandidates = {
    weight: candidates(edgeNames, LINK_COLUMNS.weight, edgeDrop),
    kind: candidates(edgeNames, [...LINK_COLUMNS.kind, 'label'], edgeDrop),
    since: candidates(edgeNames, LINK_COLUMNS.since, edgeDrop),
    until: candidates(edgeNames, LINK_COLUMNS.until, edgeDrop),
  };
  const edgeFields: Record<GraphEdgeField, string> = {
    source: 'source',
    target: 'target',
    kind: raw.edges.some((e) => e.kind !== undefined) ? 'kind' : (edgeCandidates.kind[0] ?? (raw.edges.some((e) => e.label !== undefined) ? 'label' : pairs ? 'kinds' : 'kind')),
    weight: raw.edges.some((e) => e.weight !== undefined) ? 'weight' : (edgeCandidates.weight[0] ?? 'weight'),
    since: edgeCandidates.since[0] ?? (xmlDates ? 'start' : 'since'),
    until: edgeCandidates.until[0] ?? (xmlDates ? 'end' : 'until'),
  };

  let directedEdges = 0;
  const endOf = (xmlId: string | undefined) => (xmlId === undefined ? '' : (actorIdOfNode.get(xmlId) ?? clean(xmlId)));
  const edges: GraphEdgeRow[] = raw.edges.map((e) => {
    if (e.directed) directedEdges++;
    const { values, rest } = takeFields(e, edgeCandidates, edgeDrop);
    let kind = clean(e.kind) || values.kind || clean(e.label);
    if (e.label !== undefined && kind !== clean(e.label)) rest.push(['label', clean(e.label)]);
    // A pair of a samverkan export with one kind has that kind; several stay as the attribute `kinds`.
    if (pairs && kind === '') {
      const i = rest.findIndex(([k]) => k === 'kinds');
      if (i >= 0 && !rest[i]![1].includes(';')) kind = rest.splice(i, 1)[0]![1];
    }
    // GEXF times that are not dates (timeformat double or integer) stay attributes.
    if (!xmlDates) {
      if (e.start !== undefined) rest.push(['start', clean(e.start)]);
      if (e.end !== undefined) rest.push(['end', clean(e.end)]);
    }
    const row: GraphEdgeRow = {
      row: e.row,
      source: endOf(e.source),
      target: endOf(e.target),
      kind,
      weight: clean(e.weight) || values.weight,
      since: values.since || (xmlDates ? (gexfDate(e.start) ?? clean(e.start)) : ''),
      until: values.until || (xmlDates ? (gexfDate(e.end) ?? clean(e.end)) : ''),
      attributes: ownRecord(rest.filter(([, v]) => v !== '')),
    };
    if (e.line !== undefined) row.line = e.line;
    return row;
  });
  const directed = directedEdges > 0;
  if (directed) {
    warnings.push(because('graph.directed', { n: directedEdges }));
  }
  return { edges, edgeFields, directed };
}


/** A raw graph's elements as actor and link rows, with the whole-file warnings (see `readGraphFile` for the mapping). */
export function mapGraph(raw: RawGraph, geography: Geography): MappedGraph {
  const warnings = [...raw.warnings];
  const { nodes, nodeFields, actorIdOfNode } = mapNodes(raw, geography, warnings);
  const { edges, edgeFields, directed } = mapEdges(raw, actorIdOfNode, warnings);
  return { directed, nodeFields, edgeFields, nodes, edges, warnings };
}
