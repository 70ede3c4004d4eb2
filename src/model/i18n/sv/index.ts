import type { Section } from '../types.js';
import type { en } from '../en/index.js';
import { cli } from './cli.js';
import { common } from './common.js';
import { gaps } from './gaps.js';
import { map } from './map.js';
import { reasons } from './reasons.js';
import { report } from './report.js';
import { explore } from './explore.js';
import { load } from './load.js';
import { output } from './output.js';
import { options } from './options.js';
import { errors } from './errors.js';

/** The Swedish catalogue: the same keys as the English one. */
export const sv: Section<typeof en> = { ...common, ...gaps, ...reasons, ...report, ...map, ...explore, ...load, ...output, ...options, ...errors, ...cli };
