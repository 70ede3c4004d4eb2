import type { Section } from '../types.js';
import type { report as en } from '../en/report.js';

/** The report section of the Swedish catalogue: the same keys as the English one (the type and a test check it). */
export const report: Section<typeof en> = {};
