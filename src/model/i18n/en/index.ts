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

/** The English catalogue: every user-facing sentence, by key. The reference for the other languages' keys. */
export const en = { ...common, ...gaps, ...reasons, ...report, ...map, ...explore, ...load, ...output, ...options, ...errors, ...cli } as const;
