/**
 * The stage that makes each municipality's local actors, for every
 * configuration: its religious communities (`rel-<code>-<n>`), then its
 * civil-society organisations (`cs-<code>-<n>`), contiguous nodes per
 * municipality. How many a configuration says: the demo draws them from the
 * population, the scale sizes share out their link budget. The demo also
 * gives each a focus, a founding year and a topic name (`attributes`, its
 * stream); without them the names are the words' generic ones.
 *
 * @module
 */
import type { Rng } from '../metrics/random.js';
import type { DemoWords } from '../model/demo-words.js';
import type { Locals } from './links.js';
import type { NodeSink } from './rows.js';

const RELIGIOUS_FOCUS = ['faith-dialogue', 'youth', 'women', 'social-support'] as const;

/** A local actor's row: the demo's with their focus and founding year. */
export interface LocalRow {
  id: string;
  name: string;
  kind: string;
  municipality: string;
  focus?: string;
  founded?: string;
}

/** What a configuration asks of the local actors stage. */
export interface LocalPlan {
  /** How many religious and civil-society actors municipality `m` has (called once per municipality, in order). */
  readonly count: (m: number) => readonly [religious: number, civil: number];
  /** The stream of the focus, founding year and topic of each actor; none: generic names and no attributes. */
  readonly attributes?: Rng;
}

/** Make every municipality's local actors; their node ranges (links.ts's {@link Locals}). */
export function localActors(nodes: NodeSink<LocalRow>, places: readonly { readonly code: string; readonly name: string }[], words: DemoWords, plan: LocalPlan): Locals {
  const start = new Int32Array(places.length + 1);
  const religious = new Int32Array(places.length);
  const a = plan.attributes;
  for (const [m, place] of places.entries()) {
    start[m] = nodes.ids.length;
    const [nRel, nCiv] = plan.count(m);
    religious[m] = nRel;
    const municipality = place.code;
    for (let i = 1; i <= nRel; i++) {
      const row = { id: `rel-${municipality}-${i}`, name: words.religiousName(i, place.name), kind: 'religious', municipality };
      nodes.add(a ? { ...row, focus: RELIGIOUS_FOCUS[Math.floor(a() * RELIGIOUS_FOCUS.length)]!, founded: String(1880 + Math.floor(a() * 141)) } : row);
    }
    const perTopic = new Map<string, number>();
    for (let i = 1; i <= nCiv; i++) {
      const id = `cs-${municipality}-${i}`;
      if (!a) {
        nodes.add({ id, name: words.associationName(i, place.name), kind: 'civil_society', municipality });
        continue;
      }
      const topic = words.civilTopics[Math.floor(a() * words.civilTopics.length)]!;
      const n = (perTopic.get(topic.focus) ?? 0) + 1;
      perTopic.set(topic.focus, n);
      const founded = String(1920 + Math.floor(a() * 104));
      nodes.add({ id, name: `${topic.noun} ${n} (${place.name})`, kind: 'civil_society', municipality, focus: topic.focus, founded });
    }
  }
  start[places.length] = nodes.ids.length;
  return { start, religious };
}
