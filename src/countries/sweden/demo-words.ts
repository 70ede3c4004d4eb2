/**
 * Sweden's words for the demonstration dataset (`data/examples/sweden-demo/`,
 * made by `scripts/generate-demo.ts` with `generateDemoNetwork`): the names of
 * the police regions, county administrative boards and regions, the generic
 * Swedish names of the invented actors and joint bodies, and the counties
 * (Stockholm, and Västmanland for the cross-county gap) kept out of a gap.
 * The invented country of `syntheticNetwork` is named with the same words
 * (`Kommun 0001`, `Län 01`, `Polisregion 1`, `Myndighet 1`).
 * A plain object of the shape of `DemoWords` (`src/model/demo-words.ts`).
 */
import type { DemoWords } from '../../model/demo-words.js';
import { asciiSlug } from '../../model/text.js';
import { swedenPoliceRegions } from './bodies.js';

/** `Västerbottens län` → `Västerbotten`; `Uppsala län` → `Uppsala`. */
export function countyStem(countyName: string): string {
  const base = countyName.replace(/ län$/u, '');
  return base.endsWith('s') ? base.slice(0, -1) : base;
}

// Civil-society topics: focus value and the generic name used for it.
const CIVIL_TOPICS: readonly { focus: string; noun: string }[] = [
  { focus: 'sport', noun: 'Idrottsförening' },
  { focus: 'youth', noun: 'Ungdomsförening' },
  { focus: 'women', noun: 'Kvinnoförening' },
  { focus: 'culture', noun: 'Kulturförening' },
  { focus: 'parents', noun: 'Föräldranätverk' },
  { focus: 'integration', noun: 'Integrationsförening' },
  { focus: 'education', noun: 'Studiecirkelförening' },
  { focus: 'social-support', noun: 'Stödförening' },
];

const BODY_NAMES: readonly ((a: string) => string)[] = [
  (a) => `Samverkansförbund ${a}-området (demo)`,
  (a) => `Trygghetsråd ${a} med grannkommuner (demo)`,
  (a) => `Brottsförebyggande nätverk ${a}-regionen (demo)`,
];

/** Sweden's words for the demonstration generator. */
export const SWEDEN_DEMO_WORDS: DemoWords = Object.freeze({
  policeRegions: swedenPoliceRegions(),
  policeRegionName: (n: number) => `Polisregion ${n}`,
  policeId: (region: string) => `polis-${asciiSlug(region.replace(/^Polisregion /u, ''))}`,
  boardId: (county: string) => `lst-${county}`,
  boardName: (countyName: string) => `Länsstyrelsen i ${countyName}`,
  regionId: (county: string) => `region-${county}`,
  regionName: (countyName: string) => `Region ${countyStem(countyName)}`,
  nationalAuthorityId: (n: number) => `myndighet-${n}`,
  nationalAuthorityName: (n: number) => `Myndighet ${n}`,
  municipalityName: (code: string) => `Kommun ${code}`,
  countyName: (code: string) => `Län ${code}`,
  religiousName: (i: number, municipalityName: string) => `Trossamfund ${i} i ${municipalityName}`,
  associationName: (i: number, municipalityName: string) => `Förening ${i} i ${municipalityName}`,
  civilTopics: CIVIL_TOPICS,
  bodyNames: BODY_NAMES,
  numberedBody: (name: string, n: number) => name.replace(/ \(demo\)$/u, ` ${n} (demo)`),
  countyBodyName: (n: number, countyName: string) => `Samordningsförbund ${n} i ${countyName}`,
  crossBorderBodyName: (a: string, b: string) => `Gränssamverkan ${a}–${b} (demo)`,
  neverWeak: ['01'],
  neverWithoutCrossCounty: ['01', '09'],
});
