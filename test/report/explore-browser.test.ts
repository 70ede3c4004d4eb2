import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect } from 'vitest';
import { demoDataset, loadNetwork, renderExplorer } from '../../src/index.js';
import { itInChromium, useChromium, type OpenedPage } from '../helpers/chromium.js';
import { DATES, exploreNetwork, openDashGaps, XSS } from './explore-fixture.js';

// One browser for the whole file (see test/helpers/chromium.ts).
const chromium = useChromium();
const html = renderExplorer(exploreNetwork(), { lang: 'en' });
const htmlSv = renderExplorer(exploreNetwork());
const demo = loadNetwork(demoDataset());
const national = renderExplorer(demo, { lang: 'en' });
const dir = mkdtempSync(join(tmpdir(), 'samverkan-explore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Expressions evaluated in the page (as strings: the tests are typechecked without the DOM's types).
const xss = (opened: OpenedPage) => opened.page.evaluate('window.__xss');
const ties = (opened: OpenedPage) => opened.count('#map .tie');
const panelOpen = (opened: OpenedPage) => opened.page.isVisible('#panel');
const panelTitle = (opened: OpenedPage) => opened.page.textContent('#panel-title');
const panelText = async (opened: OpenedPage) => (await opened.page.textContent('#panel')) ?? '';

describe('the explorer in Chromium', () => {
  itInChromium('draws one shape per municipality in scope, the ties and the labels, with no error or request', async () => {
    const opened = await chromium().open({ html });
    expect(opened.problems()).toEqual([]);
    expect(await opened.page.evaluate('window.samverkanExplorer && window.samverkanExplorer.ready')).toBe(true);
    expect(await opened.count('#map path.municipality')).toBe(15);
    expect(await opened.count('#map path.outside')).toBeGreaterThan(0);
    expect(await opened.count('#map path.outside[data-code="2281"]')).toBe(1);
    expect(await ties(opened)).toBe(6);
    expect(await opened.count('#map .tie.direct')).toBe(3);
    expect(await opened.count('#map .tie.shared')).toBe(3);
    expect(await opened.count('#map .tie[data-tie]')).toBe(6);
    // Shared ties are dashed with gaps that stay open at every width; direct ties are solid.
    for (const gap of await openDashGaps(opened, '#map line.tie.shared')) expect(gap).toBeGreaterThanOrEqual(2);
    expect(new Set(await openDashGaps(opened, '#map line.tie.direct'))).toEqual(new Set([null]));
    const labels = await opened.texts('#map .labels text');
    expect(labels).toHaveLength(15);
    expect(labels).toContain('Umeå');
    expect(labels).toContain(XSS.place);
    const aria = await opened.attributes('#map path.municipality', 'aria-label');
    expect(aria.every((a) => a !== null && /: (\d+ ties|1 tie)$/.test(a))).toBe(true);
    expect(aria).toContain(`Storuman, ${XSS.county}: 1 tie`);
    expect(aria).toContain(`Umeå, ${XSS.county}: 4 ties`);
    expect(aria).toContain(`Vännäs, ${XSS.county}: 2 ties`);
    expect(aria).toContain(`Vindeln, ${XSS.county}: 0 ties`);
    // One tab stop for the map: the first municipality (then the last one focused); arrow keys move.
    expect(await opened.attributes('#map path.municipality', 'tabindex')).toEqual(['0', ...Array(14).fill('-1')]);
    expect(await opened.page.getAttribute('#panel', 'aria-live')).toBe('polite');
    expect(await opened.page.textContent('#status')).toBe('6 of 6 ties shown');
    expect(await xss(opened)).toBeUndefined();
    await opened.close();
  });

  itInChromium('search finds a municipality and an actor; a result opens its panel', async () => {
    const opened = await chromium().open({ html });
    await opened.page.fill('#search', 'umea');
    expect(await opened.texts('#results button')).toEqual(['Umeå municipality']);
    await opened.page.click('#results button');
    expect(await panelOpen(opened)).toBe(true);
    expect(await panelTitle(opened)).toBe('Umeå');
    const text = await panelText(opened);
    for (const name of ['Skellefteå', 'Nordmaling', 'Vännäs', 'Sundsvall', XSS.imgName, XSS.body]) expect(text).toContain(name);
    // An actor, by its name, opens its own panel: its kind, municipality and partners.
    await opened.page.fill('#search', 'onerror=window.__xss=1');
    const found = await opened.texts('#results button');
    expect(found).toEqual([`${XSS.imgName} civil society, Umeå`]);
    await opened.page.click('#results button');
    expect(await panelTitle(opened)).toBe(XSS.imgName);
    expect(await panelText(opened)).toContain(XSS.scriptName);
    // By id.
    await opened.page.fill('#search', XSS.svgId);
    expect(await opened.texts('#results button')).toEqual([`${XSS.scriptName} religious community, Skellefteå`]);
    await opened.page.fill('#search', 'no such place');
    expect(await opened.page.textContent('#search-status')).toBe('Nothing found');
    expect(await xss(opened)).toBeUndefined();
    expect(opened.problems()).toEqual([]);
    await opened.close();
  });

  itInChromium('a click on a municipality opens its panel: ties, actors, gaps and suggested partners with reasons', async () => {
    const opened = await chromium().open({ html });
    await opened.page.dispatchEvent('#map path.municipality[data-code="2403"]', 'click');
    expect(await panelTitle(opened)).toBe(XSS.place);
    const sections = await opened.texts('#panel h3');
    expect(sections).toEqual(['Ties', 'Actors', 'Gaps', 'Suggested partners']);
    expect(await opened.texts('#panel .empty')).toEqual(expect.arrayContaining(['No ties with the current filters and date.', 'No other actors in the data.']));
    expect(await opened.count('#panel .level')).toBeGreaterThan(0);
    // Gap reasons name the municipality, and suggestion reasons its neighbours' partners: probes, shown as text.
    expect((await opened.texts('#panel li')).some((li) => li.includes(XSS.place))).toBe(true);
    expect((await opened.texts('#panel .reasons li')).some((li) => li.includes(XSS.partner))).toBe(true);
    expect(await opened.page.textContent('#panel dl')).toContain(XSS.county);
    expect(await opened.count('#panel .reasons li')).toBeGreaterThan(0);
    expect(await opened.count('#map path.selected[data-code="2403"]')).toBe(1);
    // A suggested partner opens its own panel.
    const partner = (await opened.texts('#panel section:last-child button.link'))[0]!;
    await opened.page.click('#panel section:last-child button.link');
    expect(await panelTitle(opened)).toBe(partner);
    await opened.page.click('#panel-close');
    expect(await panelOpen(opened)).toBe(false);
    expect(await xss(opened)).toBeUndefined();
    expect(opened.problems()).toEqual([]);
    await opened.close();
  });

  itInChromium('the date slider shows the network as of a date', async () => {
    const opened = await chromium().open({ html });
    expect(await opened.page.getAttribute('#date', 'max')).toBe(String(DATES.length));
    expect(await opened.page.textContent('#date-value')).toBe('all dates');
    // The slider says its date as the page's language writes dates.
    const at = async (date: string, written: string) => {
      await opened.page.fill('#date', String(DATES.indexOf(date)));
      expect(await opened.page.textContent('#date-value')).toBe(written);
      expect(await opened.page.getAttribute('#date', 'aria-valuetext')).toBe(written);
      return ties(opened);
    };
    // 2010: 2421–2462, and the body's first two members.
    expect(await at('2010-01-01', '1 January 2010')).toBe(2);
    expect(await opened.page.textContent('#status')).toBe('2 of 6 ties shown');
    // 2018: the third member joins, 2421–2462 has ended, 2480–2482 has begun.
    expect(await at('2018-01-01', '1 January 2018')).toBe(4);
    // 2021-12-31: and 2480–2281.
    expect(await at('2021-12-31', '31 December 2021')).toBe(5);
    await opened.page.fill('#date', String(DATES.length));
    expect(await ties(opened)).toBe(6);
    expect(opened.problems()).toEqual([]);
    await opened.close();
  });

  itInChromium('filters by tie type, actor kind and link kind', async () => {
    const opened = await chromium().open({ html });
    const box = (fieldset: string, label: string) => opened.page.locator(`#${fieldset} label`, { hasText: label }).locator('input');
    await box('f-types', 'Shared bodies').uncheck();
    expect(await ties(opened)).toBe(3);
    await box('f-types', 'Shared bodies').check();
    await box('f-link-kinds', 'member').uncheck();
    expect(await ties(opened)).toBe(3);
    await box('f-link-kinds', 'member').check();
    await box('f-link-kinds', 'agreement').uncheck();
    // Only the evil actors' link is left of the direct ties (its kind is a probe, shown as text).
    expect(await opened.count('#map .tie.direct')).toBe(1);
    expect(await opened.texts('#f-link-kinds label')).toContain(` ${XSS.linkKind}`);
    await box('f-actor-kinds', 'civil society').uncheck();
    expect(await opened.count('#map .tie.direct')).toBe(0);
    expect(await xss(opened)).toBeUndefined();
    expect(opened.problems()).toEqual([]);
    await opened.close();
  });

  itInChromium('keyboard: Tab reaches the municipalities, Enter opens the panel, arrows move, Escape closes it', async () => {
    const opened = await chromium().open({ html });
    const active = () => opened.page.evaluate<string | null>("document.activeElement ? document.activeElement.getAttribute('data-code') || document.activeElement.tagName : null");
    let code: string | null = null;
    for (let i = 0; i < 40 && !/^\d{4}$/.test(code ?? ''); i++) {
      await opened.page.keyboard.press('Tab');
      code = await active();
    }
    expect(code).toBe('2401');
    await opened.page.keyboard.press('Enter');
    expect(await panelOpen(opened)).toBe(true);
    expect(await panelTitle(opened)).toBe(XSS.partner);
    await opened.page.keyboard.press('Escape');
    expect(await panelOpen(opened)).toBe(false);
    expect(await active()).toBe('2401');
    await opened.page.keyboard.press('ArrowRight');
    expect(await active()).toBe('2403');
    expect(await opened.attributes('#map path.municipality[tabindex="0"]', 'data-code')).toEqual(['2403']);
    await opened.page.keyboard.press('End');
    expect(await active()).toBe('2482');
    await opened.page.keyboard.press('ArrowRight');
    expect(await active()).toBe('2401');
    await opened.page.keyboard.press('ArrowLeft');
    expect(await active()).toBe('2482');
    await opened.page.keyboard.press('Home');
    await opened.page.keyboard.press('ArrowDown');
    expect(await active()).toBe('2403');
    // Tab leaves the map: one stop, not fifteen.
    await opened.page.keyboard.press('Tab');
    expect(await active()).not.toMatch(/^\d{4}$/);
    await opened.page.keyboard.press('Shift+Tab');
    expect(await active()).toBe('2403');
    await opened.page.keyboard.press('Enter');
    expect(await panelTitle(opened)).toBe(XSS.place);
    await opened.page.keyboard.press('Escape');
    expect(await panelOpen(opened)).toBe(false);
    // The search: type, ArrowDown to the first result, Enter opens it.
    await opened.page.focus('#search');
    await opened.page.keyboard.type('Skellef');
    await opened.page.keyboard.press('ArrowDown');
    await opened.page.keyboard.press('Enter');
    expect(await panelTitle(opened)).toBe('Skellefteå');
    expect(await xss(opened)).toBeUndefined();
    expect(opened.problems()).toEqual([]);
    await opened.close();
  });

  itInChromium('requests nothing but the page itself', async () => {
    const file = join(dir, 'explorer.html');
    writeFileSync(file, html, 'utf8');
    const context = await chromium().browser.newContext({ serviceWorkers: 'block' });
    const requested: string[] = [];
    await context.route('**/*', (route) => {
      requested.push(route.request().url());
      return route.request().url().startsWith('file:') ? route.continue() : route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.fill('#search', 'a');
    await page.click('#results button');
    await page.fill('#date', '3');
    await page.waitForTimeout(100);
    expect(requested).toEqual([pathToFileURL(file).href]);
    expect(errors).toEqual([]);
    await context.close();
  });

  itInChromium('speaks Swedish by default', async () => {
    const opened = await chromium().open({ html: htmlSv });
    expect(await opened.page.getAttribute('html', 'lang')).toBe('sv');
    expect(await opened.page.textContent('#status')).toBe('6 av 6 band visas');
    expect(await opened.page.textContent('#date-value')).toBe('alla datum');
    await opened.page.fill('#date', String(DATES.indexOf('2012-06-30')));
    expect(await opened.page.textContent('#date-value')).toBe('30 juni 2012');
    await opened.page.fill('#date', String(DATES.length));
    // One match is one "träff"; more are "träffar".
    await opened.page.fill('#search', 'Umeå');
    expect(await opened.page.textContent('#search-status')).toBe('1 träff');
    await opened.page.fill('#search', 'å');
    expect(await opened.page.textContent('#search-status')).toMatch(/^\d+ träffar$/);
    await opened.page.fill('#search', '');
    await opened.page.dispatchEvent('#map path.municipality[data-code="2480"]', 'click');
    expect(await opened.texts('#panel h3')).toEqual(['Band', 'Aktörer', 'Luckor', 'Föreslagna partner']);
    // The data's common English link kinds in Swedish; a word of the data's own (the probe) as written.
    const linkKinds = (await opened.texts('#f-link-kinds label')).map((l) => l.trim());
    expect(linkKinds).toEqual(expect.arrayContaining(['överenskommelse', 'medlem', XSS.linkKind]));
    expect(linkKinds).not.toContain('agreement');
    expect(opened.problems()).toEqual([]);
    await opened.close();
  });

  itInChromium('the national map: one shape per municipality; the county filter zooms to a county and keeps its ties', async () => {
    const opened = await chromium().open({ html: national });
    expect(opened.problems()).toEqual([]);
    expect(await opened.count('#map path.municipality')).toBe(290);
    expect(await opened.count('#map path.outside')).toBe(0);
    const all = demo.municipalityProjection().ties;
    const drawn = all.filter((t) => t.direct > 0).length + all.filter((t) => t.bodies.length > 0).length;
    expect(await ties(opened)).toBe(drawn);
    const view = await opened.page.getAttribute('#map', 'viewBox');
    // Names: 290 are too many at once; zoomed to a county, its names show, at the size they have on a county's map.
    const shownLabels = () => opened.page.$$eval('#map .labels text', (texts) => texts.filter((t) => (t as unknown as { checkVisibility(): boolean }).checkVisibility()).map((t) => ({ name: t.textContent, height: (t as unknown as { getBoundingClientRect(): { height: number } }).getBoundingClientRect().height })));
    expect(await shownLabels()).toEqual([]);
    await opened.page.selectOption('#f-county', '24');
    expect(await opened.page.getAttribute('#map', 'viewBox')).not.toBe(view);
    const named = await shownLabels();
    expect(named.map((l) => l.name).sort()).toEqual(demo.municipalitiesOfCounty('24').map((m) => m.name).sort());
    for (const { height } of named) expect(height).toBeGreaterThan(8), expect(height).toBeLessThan(20);
    expect(await opened.count('#map path.municipality.dim')).toBe(290 - 15);
    const inCounty = (c: string) => c.startsWith('24');
    const touching = all.filter((t) => inCounty(t.a) || inCounty(t.b));
    expect(await ties(opened)).toBe(touching.filter((t) => t.direct > 0).length + touching.filter((t) => t.bodies.length > 0).length);
    await opened.page.selectOption('#f-county', '');
    expect(await opened.page.getAttribute('#map', 'viewBox')).toBe(view);
    expect(await shownLabels()).toEqual([]);
    expect(await ties(opened)).toBe(drawn);
    expect(opened.problems()).toEqual([]);
    await opened.close();
  });
});
