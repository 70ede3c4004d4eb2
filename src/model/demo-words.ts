/**
 * What a country gives the synthetic generator besides a geography: the
 * names and ids of its authorities, the generic names of the invented local
 * actors and joint bodies, the names of an invented country's places, and
 * the counties kept out of a designed gap. The generator itself names no
 * country: every word of a generated network comes from here. A `Country`
 * carries its words as `demoWords`; Sweden's are `SWEDEN_DEMO_WORDS`
 * (`src/countries/sweden/demo-words.ts`).
 *
 * @module
 */

/** A country's words for the synthetic generator (the demonstration dataset and the scale sizes). */
export interface DemoWords {
  /** The regional authority (police) region of each county: one actor per region, covering its counties. */
  readonly policeRegions: readonly { readonly region: string; readonly county: string }[];
  /** The name of the `n`-th police region of an invented country (which has no `policeRegions` of its own). */
  policeRegionName(n: number): string;
  /** The id of a police region's actor, from its name. */
  policeId(region: string): string;
  /** The id and name of a county's administrative board. */
  boardId(county: string): string;
  boardName(countyName: string): string;
  /** The id and name of a county's region (kind `county`). */
  regionId(county: string): string;
  regionName(countyName: string): string;
  /** The id and name of the `n`-th national authority of an invented country. */
  nationalAuthorityId(n: number): string;
  nationalAuthorityName(n: number): string;
  /** The name of a municipality and of a county of an invented country, after its code. */
  municipalityName(code: string): string;
  countyName(code: string): string;
  /** The generic name of the `i`-th religious community of a municipality. */
  religiousName(i: number, municipalityName: string): string;
  /** The generic name of the `i`-th civil-society association of a municipality, when it has no topic. */
  associationName(i: number, municipalityName: string): string;
  /** Civil-society topics: the `focus` value and the generic noun of its associations. */
  readonly civilTopics: readonly { readonly focus: string; readonly noun: string }[];
  /** The names of a joint body within a county, after its centre municipality. */
  readonly bodyNames: readonly ((centre: string) => string)[];
  /** A body name made unique with its number (`n`). */
  numberedBody(name: string, n: number): string;
  /** The name of the `n`-th joint body of a county, when bodies are numbered rather than named after a centre. */
  countyBodyName(n: number, countyName: string): string;
  /** The name of the joint body across a county border, after two of its members. */
  crossBorderBodyName(a: string, b: string): string;
  /** Counties never made weak (few ties), e.g. the capital's. */
  readonly neverWeak: readonly string[];
  /** Counties never made the one without cross-county links. */
  readonly neverWithoutCrossCounty: readonly string[];
}

/** What a member of {@link DemoWords} is: a function the generator calls, or a list it reads. */
type WordMember<T> = T extends (...args: never[]) => unknown ? 'function' : 'list';

/**
 * Every member of {@link DemoWords} and what it is. The type holds this list
 * to the interface (a member missing or one too many does not compile), so
 * {@link isDemoWords} reads it rather than naming the members again.
 */
const DEMO_WORDS_MEMBERS: { readonly [K in keyof DemoWords]-?: WordMember<DemoWords[K]> } = {
  policeRegions: 'list',
  policeRegionName: 'function',
  policeId: 'function',
  boardId: 'function',
  boardName: 'function',
  regionId: 'function',
  regionName: 'function',
  nationalAuthorityId: 'function',
  nationalAuthorityName: 'function',
  municipalityName: 'function',
  countyName: 'function',
  religiousName: 'function',
  associationName: 'function',
  civilTopics: 'list',
  bodyNames: 'list',
  numberedBody: 'function',
  countyBodyName: 'function',
  crossBorderBodyName: 'function',
  neverWeak: 'list',
  neverWithoutCrossCounty: 'list',
};

/** Is `v` a {@link DemoWords}: every function a function and every list an array? Enough to tell it from a mistake. */
export function isDemoWords(v: unknown): v is DemoWords {
  if (typeof v !== 'object' || v === null) return false;
  const w = v as Record<string, unknown>;
  return Object.entries(DEMO_WORDS_MEMBERS).every(([name, what]) => (what === 'function' ? typeof w[name] === 'function' : Array.isArray(w[name])));
}
