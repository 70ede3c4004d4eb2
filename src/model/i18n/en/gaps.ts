/**
 * The gaps section of the English catalogue: one key per sentence, `{name}`
 * placeholders filled by `message`. Keys of a count come in pairs,
 * `key.one` and `key.other` (see `messageCount`).
 *
 * Also the words for actor kinds (`kind.*`, read by `kindWords` in
 * `src/model/words.ts`), which gaps, reasons and reports share: the
 * indefinite form (`.one`, `.other`), the kind denied (`.none`: "no
 * religious community") and the kind as the object of a denied verb
 * (`.negated`; English says "works with no …", Swedish "samverkar inte med
 * något …").
 */
export const gaps = {
  'kind.religious.one': 'religious community',
  'kind.religious.other': 'religious communities',
  'kind.religious.none': 'no religious community',
  'kind.religious.negated': 'no religious community',
  'kind.civil_society.one': 'civil-society organisation',
  'kind.civil_society.other': 'civil-society organisations',
  'kind.civil_society.none': 'no civil-society organisation',
  'kind.civil_society.negated': 'no civil-society organisation',
  'kind.authority.one': 'authority',
  'kind.authority.other': 'authorities',
  'kind.authority.none': 'no authority',
  'kind.authority.negated': 'no authority',
  'kind.joint_body.one': 'joint body',
  'kind.joint_body.other': 'joint bodies',
  'kind.joint_body.none': 'no joint body',
  'kind.joint_body.negated': 'no joint body',
  'kind.county.one': 'regional actor',
  'kind.county.other': 'regional actors',
  'kind.county.none': 'no regional actor',
  'kind.county.negated': 'no regional actor',
  'kind.municipality.one': 'municipality',
  'kind.municipality.other': 'municipalities',
  'kind.municipality.none': 'no municipality',
  'kind.municipality.negated': 'no municipality',
  'kind.generic.one': '{kind} actor',
  'kind.generic.other': '{kind} actors',
  'kind.generic.none': 'no {kind} actor',
  'kind.generic.negated': 'no {kind} actor',
  'names.more': '{names} and {n} more',

  'sampling.estimated':
    "Betweenness, closeness and harmonic centrality are estimates from shortest paths out of {sources} of the {nodes} actors (a seeded sample, seed {seed}), not from every actor; each betweenness value is within ±{bound} of the exact one with 95 % confidence, and usually much closer. Ask for exact values with samples: 'exact' (samverkan --samples exact), which takes longer.",

  'gaps.isolated': '{name} ({population} inhabitants) has no cooperation link at all: {missing}{local}.',
  'gaps.isolated.otherMunicipality': 'no other municipality',
  'gaps.isolated.local.one': ', although {n} local actor is registered there',
  'gaps.isolated.local.other': ', although {n} local actors are registered there',
  'gaps.noMunicipal': '{name} ({population} inhabitants) cooperates with no other municipality, neither directly nor through a shared body{borders}.',
  'gaps.noMunicipal.borders.one': '; it borders {n} municipality',
  'gaps.noMunicipal.borders.other': '; it borders {n} municipalities',
  'gaps.fragmented': 'The cooperating municipalities of {county} form {count} separate groups with no tie between them inside the county: {groups}.',
  'gaps.spof.heldTogether': '{name} holds {count} municipalities of {county} together ({names}): if its cooperation stopped, they would fall apart into {parts} separate parts.',
  'gaps.spof.onlyTie.one': '{name} is the only tie between {names} and the other municipalities of {county}: if its cooperation stopped, {names} would be cut off.',
  'gaps.spof.onlyTie.other': '{name} is the only tie between {n} municipalities ({names}) and the other municipalities of {county}: if its cooperation stopped, {they} would be cut off.',
  'gaps.spof.both': 'both',
  'gaps.spof.all': 'all {n}',
  'gaps.spof.network.one': "If {name}'s cooperation stopped, {names} would be cut off from the rest of {county}'s network.",
  'gaps.spof.network.other': "If {name}'s cooperation stopped, {n} municipalities ({names}) would be cut off from the rest of {county}'s network.",
  'gaps.noCrossCounty': 'No actor or municipality in {county} cooperates with one in another county.',
  'gaps.missingKind': '{name} works with {kind}{present}{unknown}.',
  'gaps.missingKind.present.one': ', although {n} {kind} is registered in the municipality',
  'gaps.missingKind.present.other': ', although {n} {kind} are registered in the municipality',
  'gaps.missingKind.unknown': '; it does work with {actors}, which samverkan does not count as any of these kinds (map the kind with a kinds file)',
  'gaps.missingKind.unknownActors.one': '{n} actor of the kind "{kind}"',
  'gaps.missingKind.unknownActors.other': '{n} actors of the kind "{kind}"',
  'gaps.borderPair': '{name} ({population} inhabitants) and {other} share a border but do not cooperate{across}.',
  'gaps.borderPair.across': ' (across the border between {county} and {otherCounty})',
} as const;
