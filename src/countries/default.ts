/**
 * The country samverkan assumes when none is given: the one place it is
 * named. The loaders' default geography, the map polygons, the name rules
 * of the CLI's sorting, the embedded datasets and the shipped recommender
 * all resolve through {@link DEFAULT_COUNTRY}.
 */
export { SWEDEN as DEFAULT_COUNTRY } from './sweden/index.js';
