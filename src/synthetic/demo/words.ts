/**
 * What a country gives the demonstration generator besides its geography:
 * the names and ids of its authorities, the generic names of the invented
 * local actors and joint bodies, and the counties kept out of a designed gap.
 * The generator itself names no country; Sweden's are
 * `SWEDEN_DEMO_WORDS` (`src/countries/sweden/demo-words.ts`).
 *
 * @module
 */

/** A country's words for the demonstration dataset ({@link generateDemoNetwork}). */
export interface DemoWords {
  /** The regional authority (police) region of each county: one actor per region, covering its counties. */
  readonly policeRegions: readonly { readonly region: string; readonly county: string }[];
  /** The id of a police region's actor. */
  policeId(region: string): string;
  /** The id and name of a county's administrative board. */
  boardId(county: string): string;
  boardName(countyName: string): string;
  /** The id and name of a county's region (kind `county`). */
  regionId(county: string): string;
  regionName(countyName: string): string;
  /** The generic name of the `i`-th religious community of a municipality. */
  religiousName(i: number, municipalityName: string): string;
  /** Civil-society topics: the `focus` value and the generic noun of its associations. */
  readonly civilTopics: readonly { readonly focus: string; readonly noun: string }[];
  /** The names of a joint body within a county, after its centre municipality. */
  readonly bodyNames: readonly ((centre: string) => string)[];
  /** A body name made unique with its number (`n`). */
  numberedBody(name: string, n: number): string;
  /** The name of the joint body across a county border, after two of its members. */
  crossBorderBodyName(a: string, b: string): string;
  /** Counties never made weak (few ties), e.g. the capital's. */
  readonly neverWeak: readonly string[];
  /** Counties never made the one without cross-county links. */
  readonly neverWithoutCrossCounty: readonly string[];
}
