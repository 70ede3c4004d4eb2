import type { Section } from '../types.js';
import type { reasons as en } from '../en/reasons.js';

/** The reasons section of the Swedish catalogue: the same keys as the English one (the type and a test check it). */
export const reasons: Section<typeof en> = {};
