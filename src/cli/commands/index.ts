import { brokerageCommand, centralityCommand, communitiesCommand, coverageCommand, gapsCommand, structureCommand } from './analysis.js';
import { capabilitiesCommand, capabilityGapsCommand, reachCommand } from './capabilities.js';
import { summary, validate } from './data.js';
import { exploreCommand } from './explore.js';
import { exportCommand } from './export.js';
import { generateCommand } from './generate.js';
import { evaluateCommand, fitCommand, planCommand, recommendCommand } from './recommend.js';
import { mapCommand, reportCommand } from './report.js';
import type { Command } from './shared.js';

export type { Command } from './shared.js';

/** Every subcommand, in the order `samverkan --help` lists them. */
export const COMMANDS: readonly Command[] = [
  summary,
  centralityCommand,
  brokerageCommand,
  structureCommand,
  communitiesCommand,
  coverageCommand,
  gapsCommand,
  capabilitiesCommand,
  reachCommand,
  capabilityGapsCommand,
  recommendCommand,
  planCommand,
  evaluateCommand,
  fitCommand,
  reportCommand,
  mapCommand,
  exploreCommand,
  exportCommand,
  validate,
  generateCommand,
];
