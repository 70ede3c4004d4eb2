// samverkan/model: helpers of the network model: node keys, tidy rows, load-report
// lines, groups of municipalities, fields of cooperation, geography lookups.
export { withColumns, FlatRowsOptionsSchema, flatRows } from './model/table.js';
export { nodeKey, actorIdOf, KEY_ESCAPE } from './model/keys.js';
export { formatProblem, problemText } from './model/load-report.js';
export { indexGeography, findMunicipality, findCounty, normaliseName } from './model/geography.js';
export { groupsOf, resolveGroups, GroupInputSchema } from './model/groups.js';
export { FIELDS, FIELD_CODES, fieldsOf, findField, fieldDefinition } from './model/fields.js';
