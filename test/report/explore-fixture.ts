import { CooperationNetwork, swedenGeography } from '../../src/index.js';
import type { OpenedPage } from '../helpers/chromium.js';

/** Probes that would run a script if a string reached the page as markup. */
export const XSS = {
  imgName: '<img src=x onerror=window.__xss=1>',
  scriptId: '</script><script>window.__xss=1</script>',
  scriptName: '</script><script>window.__xss=3</script>',
  svgId: 'x"><svg onload=window.__xss=2>',
  linkKind: '<img src=x onerror=window.__xss=4>',
  place: '<img src=x onerror=window.__xss=5>Bjurholm',
  body: 'Räddningstjänst <b onmouseover=window.__xss=6>Nord</b>',
  county: '<svg/onload=window.__xss=7>Västerbottens län',
  partner: '<img src=x onerror=window.__xss=8>Nordmaling',
} as const;

/**
 * Västerbotten (15 municipalities) with six ties over time:
 * - direct 2480–2482 (an agreement from 2015, and a link between the evil actors 2020–2021);
 * - direct 2421–2462, until 2012-06-30;
 * - direct 2480–2281 (Sundsvall, outside the county) from 2019-05-01;
 * - shared body (2401, 2480 from 2010; 2460 from 2018): 2401–2480, 2401–2460, 2460–2480.
 * Bjurholm (2403), Nordmaling (2401) and the county are renamed to probes, so gap reasons and
 * the reasons of suggestions carry them.
 */
export function exploreNetwork(): CooperationNetwork {
  const geography = structuredClone(swedenGeography()) as ReturnType<typeof swedenGeography>;
  geography.municipalities.find((m) => m.code === '2403')!.name = XSS.place;
  geography.counties.find((c) => c.code === '24')!.name = XSS.county;
  geography.municipalities.find((m) => m.code === '2401')!.name = XSS.partner;
  return CooperationNetwork.create({
    geography,
    scope: { counties: ['24'] },
    actors: [
      { id: XSS.scriptId, name: XSS.imgName, kind: 'civil_society', municipality: '2480' },
      { id: XSS.svgId, name: XSS.scriptName, kind: 'religious', municipality: '2482' },
      { id: 'rtj', name: XSS.body, kind: 'joint_body', county: '24' },
    ],
    links: [
      { source: '2480', target: '2482', kind: 'agreement', since: '2015-01-01' },
      { source: XSS.scriptId, target: XSS.svgId, kind: XSS.linkKind, since: '2020-01-01', until: '2021-12-31', weight: 3 },
      { source: '2421', target: '2462', kind: 'agreement', until: '2012-06-30' },
      { source: '2480', target: '2281', kind: 'agreement', since: '2019-05-01' },
      { source: '2401', target: 'rtj', kind: 'member', since: '2010-01-01' },
      { source: '2480', target: 'rtj', kind: 'member', since: '2010-01-01' },
      { source: '2460', target: 'rtj', kind: 'member', since: '2018-01-01' },
    ],
  });
}

export const DATES = ['2010-01-01', '2012-06-30', '2015-01-01', '2018-01-01', '2019-05-01', '2020-01-01', '2021-12-31'];

/**
 * For each element matching `selector`, the narrowest gap of its dash pattern
 * left open after its line ends (a round or square end reaches half the width
 * into the gap on each side), from the computed style; null when it has no dashes.
 */
export async function openDashGaps(opened: OpenedPage, selector: string): Promise<(number | null)[]> {
  return (await opened.page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => {
    const s = getComputedStyle(e);
    if (s.strokeDasharray === 'none') return null;
    const gaps = s.strokeDasharray.split(/[\\s,]+/).filter((_, k) => k % 2 === 1).map(parseFloat);
    return Math.min(...gaps) - (s.strokeLinecap === 'butt' ? 0 : parseFloat(s.strokeWidth));
  })`)) as (number | null)[];
}
