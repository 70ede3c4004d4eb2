/**
 * Sweden's public helpers, by their names of 0.1: the data and its rules
 * live in `src/countries/sweden/`; building a geography is io's job, so
 * `swedenGeography` is here, one line over `countryGeography`.
 */
import { SWEDEN } from '../countries/sweden/index.js';
import type { Geography } from '../model/schema.js';
import { countryDataset, countryDatasetCapabilities, countryGeography, type DatasetInput } from './country.js';
import type { TableSource } from './source.js';

export { SWEDEN, SWEDEN_SOURCE, SWEDISH_NAME_RULES, swedenCooperationBodies, swedenPoliceRegions, CooperationBodiesOptionsSchema, type CooperationBodiesOptions } from '../countries/sweden/index.js';
export type { Row } from '../model/country.js';
export type { DatasetInput } from './country.js';

/**
 * The embedded geography of Sweden: 290 municipalities (population on
 * 30 September 2025, centroid, approximate area, island flag), 21 counties and
 * 728 border pairs, with the Swedish name rules. Each municipality carries these `attributes`:
 * `la_region_2023` (SCB local labour-market region), `fa_region_2015`
 * (functional analysis region), `skr_kommungrupp_2023` and its `…_label`
 * (SKR's municipality groups A1–C9), `degurba` (1 city, 2 town, 3 rural),
 * and the rule after the 2022 election: `ruling_parties`,
 * `local_parties_in_rule`, `kso_party`, `skr_category_derived` (SKR's bloc
 * category) and `political_rule_note`. The same object is returned on every
 * call; treat it as read-only.
 *
 * @example
 * const geo = swedenGeography();
 * geo.municipalities.length; // 290
 */
export function swedenGeography(): Geography {
  return countryGeography(SWEDEN);
}

/**
 * The synthetic demonstration dataset in `data/examples/sweden-demo/` (made
 * by `scripts/generate-demo.ts`; see its README): actors and links across all
 * of Sweden, as input for `loadNetwork`. Not real cooperation data.
 *
 * @example
 * const demo = loadNetwork(demoDataset());
 */
export function demoDataset(): DatasetInput {
  return countryDataset(SWEDEN, 'demo')!;
}

/**
 * The demo dataset's capability records, `data/examples/sweden-demo/capabilities.csv`:
 * synthetic (made by `syntheticCapabilities`, calibrated to national
 * figures; see the dataset's README), as input for `loadCapabilities` over
 * the demo network. Not real data: every record's `source` says so.
 *
 * @example
 * const net = loadNetwork(demoDataset());
 * const caps = loadCapabilities(demoCapabilities(), net);
 * caps.state('2480', 'action_plan'); // 'yes'
 */
export function demoCapabilities(): TableSource {
  return countryDatasetCapabilities(SWEDEN, 'demo')!.source;
}
