import type { Section } from '../types.js';
import type { errors as en } from '../en/errors.js';

/** The errors section of the Swedish catalogue (see the English one). */
export const errors: Section<typeof en> = {
  'errors.where': '{fn}: {reason}',
  'errors.groups.idTwice': 'groups[{index}]: id:t {id} används två gånger',
  'errors.groups.unknownMember': 'groups[{index}] ({id}): medlemmen {member} är varken en kommunkod eller ett kommunnamn i geografin {geography}{suggestion}',
  'errors.model.noFieldVariant': 'modellen {model} har ingen variant för verksamhetsområden (den anpassades till grupper utan område), så den kan inte svara för ett område',
  'errors.evaluate.referenceNotRun': 'referensen {reference} är inte bland metoderna som körs ({methods})',
  'errors.evaluate.fieldNeedsFields': 'samverkan_field behöver grupper med känt verksamhetsområde',
  'errors.evaluate.regionMissing': 'same_region_nearest behöver kommunattributet {attribute}, som ingen kommun i geografin {geography} har (se regionAttribute)',
  'errors.evaluate.noCase': 'inga fall: {n} grupper kan döljas, och ingen har en medlem med en medlemskollega som inget annat band förenar den med',
  'errors.evaluate.noCaseSince': 'ingen grupp som startade efter {date} har något fall; välj ett tidigare datum',
  'errors.fit.noCases': 'inga fall att lära av: {n} grupper kan döljas, och ingen har en medlem med en medlemskollega som inget annat band förenar den med (ge grupper, eller ett nätverk med gemensamma organ)',
  'errors.fit.notConverged': 'anpassningen konvergerade inte på {iterations} Newton-iterationer (λ {l2}): variabler som skiljer valen åt, eller för litet straff; använd ett större l2',
  'errors.fit.singular': 'Hessematrisen är singulär (variabler som aldrig varierar, eller ett separerbart val); anpassa med l2 > 0',
  'errors.fit.l2': 'ska vara ett ändligt tal ≥ 0, fick {value}',
  'errors.fit.noChosenRow': 'inget fall har en vald rad',
  'errors.export.columnReserved': 'extra nodkolumn {name}: namnet är reserverat ({reserved})',
  'errors.export.columnTwice': 'extra nodkolumn {name} anges två gånger',
  'errors.export.notBoolean': 'kolumn {column}: värdet för {id} är inte ett sanningsvärde',
  'errors.export.notNumber': 'kolumn {column}: värdet för {id} är inte ett tal',
  'errors.export.notInteger': 'kolumn {column} är angiven som heltal men värdet för {id} är {value}',
  'errors.export.idsMerge': 'aktörs-id:na {a} och {b} skiljer sig bara i tecken som XML inte kan innehålla; byt namn på ett av dem före exporten',
  'errors.export.idEmpty': 'aktörs-id:t {id} har bara tecken som XML inte kan innehålla',
  'errors.kernel.pairIndex': 'paret {pair} har nodindex {value}, väntade ett heltal i [0, {n})',
  'errors.kernel.communitiesShort': 'communities har {entries} poster för {n} noder',
  'errors.kernel.labelMissing': '{array}[{index}] saknas, väntade {what}',
  'errors.kernel.communityLabel': 'en gruppetikett',
  'errors.kernel.label': 'en etikett',
  'errors.workers.noThreads': 'workers > 1 kräver Node.js-trådar (node:worker_threads); använd workers: 1 här',
  'errors.workers.failed': 'en tråd för centralitetsberäkningen misslyckades: {reason}',
};
