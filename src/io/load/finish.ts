/** The end of every load: the problems in order, strict mode's error, and the network (geographic or plain). */
import { isPlainGeography, NO_GEOGRAPHY } from '../../model/geography.js';
import { ScopeError } from '../../model/errors.js';
import { hint } from '../../model/i18n/problem.js';
import type { KindVocabulary } from '../../model/kinds.js';
import type { FileReport, LoadReport, Problem } from '../../model/load-report.js';
import { CooperationNetwork } from '../../model/network.js';
import type { ActorColumns } from '../../model/actor-columns.js';
import type { Geography } from '../../model/schema.js';
import type { LinkReadResult } from './ends.js';
import type { LoadNetworkOptions } from './options.js';
import { LoadError, orderProblems } from './report.js';

/**
 * The end of every load: strict mode throws a {@link LoadError} for rejected
 * rows, else the network with its report. Without a geography given, data
 * that names no municipality is a plain graph: its geography is
 * `NO_GEOGRAPHY`, and the link ends that are not declared actors are actors
 * of kind `other` (an edge list needs no actors table). `vocabulary`: the
 * words the load read kinds with, kept by the network when the `kindsFile`
 * option added some.
 */
export function finishLoad(
  geography: Geography,
  actors: ActorColumns,
  links: LinkReadResult,
  files: FileReport[],
  problems: Problem[],
  options: LoadNetworkOptions,
  explicit: boolean,
  vocabulary: KindVocabulary,
): CooperationNetwork {
  orderProblems(problems, files);
  const report: LoadReport = { files, problems };
  if ((options.mode ?? 'strict') === 'strict' && problems.some((p) => p.severity === 'error')) throw new LoadError(report, options.maxListed ?? 20);
  const named = links.municipalityEnds > 0 || actors.speaksGeography();
  const plain = (!explicit && options.ids !== 'municipality-codes' && !named) || geography.municipalities.length === 0;
  if (plain && typeof options.scope === 'object') {
    throw new ScopeError(hint('scope.plain_graph'));
  }
  // The actors reader's ids are distinct and none a municipality's code unless of kind municipality; the implicit ends come only without an actors table, and only in a plain graph (no municipalities): distinct too. The groups (a memberships file's) are checked.
  const distinct = actors.count + links.implicit.length;
  // Appended to the reader's columns (the load's own): the network keeps them as they are.
  const other = actors.kindCode('other');
  for (const id of links.implicit) actors.add(id, id, other, -1, -1);
  if (links.groups !== undefined && links.groups.length > 0) {
    const joint = actors.kindCode('joint_body');
    for (const id of links.groups) actors.add(id, id, joint, -1, -1);
  }
  // The words of the load's kindsFile option name kinds in the network's options too (its geography's are the default).
  const words = options.kindsFile !== undefined && { kindVocabulary: vocabulary };
  if (plain) return CooperationNetwork.fromValidated({ geography: isPlainGeography(geography) ? geography : NO_GEOGRAPHY, loadReport: report, scope: 'all', ...words }, links.links, distinct, actors);
  return CooperationNetwork.fromValidated({ geography, loadReport: report, scope: options.scope ?? 'infer', ...words }, links.links, distinct, actors);
}
