/**
 * Sweden, the country samverkan ships: 290 municipalities in 21 counties,
 * their map polygons, the Swedish name rules and words for organisation types, the real cooperation bodies
 * and the synthetic demo dataset, and the recommender fitted on the bodies.
 * Everything Swedish in the code is in this folder; the files are embedded
 * from `data/sweden/` by `scripts/embed-data.ts`.
 */
import type { Country, CountryDataset } from '../../model/country.js';
import { swedenCooperationBodies } from './bodies.js';
import * as data from './data.js';
import { demoActors, demoCapabilities, demoLinks } from './demo-data.js';
import { SWEDEN_DEMO_WORDS } from './demo-words.js';
import { municipalitiesGeoJson } from './map-features.js';
import { SWEDISH_NAME_RULES } from './names.js';
import { recommenderSweden } from './recommender.js';

export { swedenCooperationBodies, swedenPoliceRegions, CooperationBodiesOptionsSchema, type CooperationBodiesOptions } from './bodies.js';
export { SWEDISH_NAME_RULES } from './names.js';

/** Where the embedded Swedish data comes from (see `data/sweden/SOURCES.md`). */
export const SWEDEN_SOURCE: { readonly en: string; readonly sv: string } = Object.freeze({
  en:
    'Municipalities and counties: SCB code list. Population: SCB, 30 September 2025. Borders: kpalmvik/grannkommuner (from SCB Digitala gränser). ' +
    'Centroids and approximate areas: computed from okfse/sweden-geojson (Valmyndigheten boundaries). ' +
    'Regions: SCB Kommunkopplingar 2025 (LA 2023, FA 2015, SKR kommungrupp 2023, degree of urbanisation). Political rule: SKR, after the 2022 election. See data/sweden/SOURCES.md.',
  sv:
    'Kommuner och län: SCB:s kodlista. Folkmängd: SCB, 30 september 2025. Gränser: kpalmvik/grannkommuner (från SCB:s Digitala gränser). ' +
    'Mittpunkter och ungefärliga ytor: beräknade från okfse/sweden-geojson (Valmyndighetens gränser). ' +
    'Regioner: SCB Kommunkopplingar 2025 (LA 2023, FA 2015, SKR:s kommungruppsindelning 2023, urbaniseringsgrad). Politiskt styre: SKR, efter valet 2022. Se data/sweden/SOURCES.md.',
});

/** The demo dataset's files (`data/examples/sweden-demo/`). */
const DEMO: CountryDataset = {
  description: { en: 'the embedded demo dataset (synthetic)', sv: 'det inbäddade demodatasetet (syntetiskt)' },
  input: () => ({
    actors: { text: demoActors, name: 'data/examples/sweden-demo/actors.csv' },
    links: { text: demoLinks, name: 'data/examples/sweden-demo/links.csv' },
  }),
  capabilities: { text: demoCapabilities, name: 'data/examples/sweden-demo/capabilities.csv' },
  capabilitiesDescription: { en: 'the demo dataset’s synthetic capabilities (not real data)', sv: 'demodatasetets syntetiska förmågor (inte verkliga uppgifter)' },
};

/** The real cooperation bodies (see {@link swedenCooperationBodies}). */
const BODIES: CountryDataset = {
  description: { en: 'the real cooperation bodies in data/sweden (partial)', sv: 'de verkliga samverkansorganen i data/sweden (ofullständigt)' },
  input: () => swedenCooperationBodies(),
};

/**
 * Sweden as a {@link Country}: the embedded geography (290 municipalities
 * with their regions and political rule as attributes), map polygons,
 * name rules, the datasets `demo` and `bodies`, and the shipped recommender.
 */
export const SWEDEN: Country = Object.freeze({
  name: 'Sweden',
  displayName: { en: 'Sweden', sv: 'Sverige' },
  source: SWEDEN_SOURCE,
  geography: {
    municipalities: { text: data.municipalities, name: 'data/sweden/municipalities.csv' },
    counties: { text: data.counties, name: 'data/sweden/counties.csv' },
    adjacency: { text: data.adjacency, name: 'data/sweden/adjacency.csv' },
    attributes: [
      { text: data.municipalityRegions, name: 'data/sweden/municipality_regions.csv' },
      { table: { text: data.politicalRule2022, name: 'data/sweden/political_rule_2022.csv' }, rename: { note: 'political_rule_note' } },
    ],
  },
  mapFeatures: { text: municipalitiesGeoJson, name: 'data/sweden/municipalities.geojson' },
  // SWEREF 99 TM's meridian.
  mapMeridian: 15,
  names: SWEDISH_NAME_RULES,
  language: 'sv',
  // The Swedish words for organisation types (`trossamfund`, `myndighet`, `kommunalförbund` …).
  kinds: { text: data.kinds, name: 'data/sweden/kinds.csv' },
  datasets: { demo: DEMO, bodies: BODIES },
  demoWords: SWEDEN_DEMO_WORDS,
  recommender: { text: recommenderSweden, name: 'data/models/recommender-sweden.json' },
});
