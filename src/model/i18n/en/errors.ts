/**
 * The errors section of the English catalogue: the sentences of errors
 * thrown on purpose that are not the loader's problems or the options'
 * checks (groups given as records, recommenders, evaluations, fits, graph
 * exports, worker threads). Each English text is the error's `message` (or
 * an `OptionsError`'s `reason`) as it was before the catalogue; numbers are
 * written as digits, never grouped.
 */
export const errors = {
  'errors.where': '{fn}: {reason}',
  'errors.groups.idTwice': 'groups[{index}]: the id {id} is used twice',
  'errors.groups.unknownMember': 'groups[{index}] ({id}): member {member} is not a municipality code or name of the {geography} geography{suggestion}',
  'errors.model.noFieldVariant': 'the model {model} has no field variant (it was fitted on groups without fields), so it cannot answer for one field',
  'errors.evaluate.referenceNotRun': 'the reference {reference} is not among the methods run ({methods})',
  'errors.evaluate.fieldNeedsFields': 'samverkan_field needs groups with a known field',
  'errors.evaluate.regionMissing': 'same_region_nearest needs the municipality attribute {attribute}, which no municipality of the {geography} geography has (see regionAttribute)',
  'errors.evaluate.noCase': 'no case: {n} groups can be hidden, and none has a member with a co-member that no other tie joins to it',
  'errors.evaluate.noCaseSince': 'no group started after {date} has a case; choose an earlier date',
  'errors.fit.noCases': 'no cases to learn from: {n} groups can be hidden, and none has a member with a co-member that no other tie joins to it (give groups, or a network with joint bodies)',
  'errors.fit.notConverged': 'the fit did not converge in {iterations} Newton iterations (λ {l2}): features that separate the choices, or too small a penalty; use a larger l2',
  'errors.fit.singular': 'the Hessian is singular (features that never vary, or a separable choice); fit with l2 > 0',
  'errors.fit.l2': 'must be a finite number ≥ 0, got {value}',
  'errors.fit.noChosenRow': 'no case has a chosen row',
  'errors.export.columnReserved': 'extra node column {name}: the name is reserved ({reserved})',
  'errors.export.columnTwice': 'extra node column {name} is given twice',
  'errors.export.notBoolean': 'column {column}: the value for {id} is not a boolean',
  'errors.export.notNumber': 'column {column}: the value for {id} is not a number',
  'errors.export.notInteger': 'column {column} is declared integer but the value for {id} is {value}',
  'errors.export.idsMerge': 'actor ids {a} and {b} differ only in characters XML cannot hold; rename one before exporting',
  'errors.export.idEmpty': 'actor id {id} has only characters XML cannot hold',
  'errors.kernel.pairIndex': 'pair {pair} has node index {value}, expected an integer in [0, {n})',
  'errors.kernel.communitiesShort': 'communities has {entries} entries for {n} nodes',
  'errors.kernel.labelMissing': '{array}[{index}] is undefined, expected a {what}',
  'errors.kernel.communityLabel': 'community label',
  'errors.kernel.label': 'label',
  'errors.recommend.unknownMunicipality': 'unknown municipality {value}: give a code (e.g. 2480) or an unambiguous name{suggestion}',
  'errors.recommend.outsideScope': '{name} is outside the area the data covers ({scope}): widen the scope (option scope, or --county) to include it',
  'errors.evaluate.tooFewTies.one': 'the network has {n} municipality tie; at least 2 are needed to hide one and keep one',
  'errors.evaluate.tooFewTies.other': 'the network has {n} municipality ties; at least 2 are needed to hide one and keep one',
  'errors.evaluate.noTieSince': 'no municipality tie was formed after {date}; choose an earlier date',
  'errors.evaluate.tooManyPairs': 'a plain graph of {n} actors has {pairs} pairs, more than the {max} a split scores; evaluate a sample of the graph',
  'errors.evaluate.noEdgeSince': 'no edge was formed after {date}; choose an earlier date',
  'errors.evaluate.tooFewEdges.one': 'the graph has {n} edge; at least 2 are needed to hide one and keep one',
  'errors.evaluate.tooFewEdges.other': 'the graph has {n} edges; at least 2 are needed to hide one and keep one',
  'errors.debugHint': '(run with --debug for details)',
  'errors.evaluate.needsGeography.one': '{methods} needs a geography, and this network is a plain graph; its methods are {plain}',
  'errors.evaluate.needsGeography.other': '{methods} need a geography, and this network is a plain graph; its methods are {plain}',
  'errors.capabilities.wordTwice': 'capabilities: the word {word} means both {a} and {b}',
  'errors.capabilities.twoDates': 'the network is read on {date} and the capabilities on {other}; read both on one date',
  'errors.capabilities.asOf': 'asOf: expected an ISO date YYYY-MM-DD that exists, got {value}',
  'errors.workers.noThreads': 'workers > 1 needs Node.js worker threads (node:worker_threads); use workers: 1 here',
  'errors.workers.failed': 'a centrality worker thread failed: {reason}',
} as const;
