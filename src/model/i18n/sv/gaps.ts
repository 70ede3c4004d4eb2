import type { Section } from '../types.js';
import type { gaps as en } from '../en/gaps.js';

/** The gaps section of the Swedish catalogue: the same keys as the English one (the type and a test check it). */
export const gaps: Section<typeof en> = {};
