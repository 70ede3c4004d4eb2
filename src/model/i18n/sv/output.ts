import type { Section } from '../types.js';
import type { output as en } from '../en/output.js';

/** The output section of the Swedish catalogue: the same keys as the English one (the type and a test check it). */
export const output: Section<typeof en> = {
  'output.cannotWrite': 'kan inte skriva {path}: {reason}{unchanged}',
  'output.reason.folderMissing': 'mappen finns inte',
  'output.reason.isFolder': 'det är en mapp',
  'output.reason.permission': 'åtkomst nekad',
  'output.reason.noSpace': 'det finns inget utrymme kvar på enheten',
  'output.reason.quota': 'diskkvoten är överskriden',
  'output.unchanged': ' (ingenting ändrades där)',
  'output.refuseInput': 'skriver inte {path}: den är också indata till kommandot och skulle skrivas över',
  'output.hint.otherOut': 'välj en annan --out',
  'output.stdout': 'kan inte skriva till standard ut: {reason}{code}',
  'input.graph': 'grafen {file}',
  'input.actors': 'aktörerna i {file}',
  'input.links': 'länkarna i {file}',
  'input.and': '{a}, {b}',
  'input.capabilities': 'förmågorna i {file}',
  'load.severity.error': 'fel',
  'load.severity.warning': 'varning',
};
