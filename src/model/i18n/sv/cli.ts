import type { Section } from '../types.js';
import type { cli as en } from '../en/cli.js';

/** The cli section of the Swedish catalogue: the same keys as the English one (the type and a test check it). */
export const cli: Section<typeof en> = {};
