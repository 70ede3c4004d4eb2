/**
 * The geography of a load, for the loaders and the graph-file reader alike:
 * the one given, or the default country's (`DEFAULT_COUNTRY`, through
 * `defaultGeography`).
 */
import { deepFrozen } from '../../model/frozen.js';
import { nodeBuiltin } from '../../model/runtime.js';
import type { Geography } from '../../model/schema.js';
import { defaultGeography } from '../country.js';
import { GEOGRAPHY_FOLDER_FILES, joinPath, loadGeography } from '../geography.js';

export { defaultGeography };

/** The input's geography (the object, the folder loaded, or the default), and whether it was given. */
export function resolveGeography(given: Geography | string | undefined): { geography: Geography; explicit: boolean } {
  if (given === undefined) return { geography: defaultGeography(), explicit: false };
  return { geography: typeof given === 'string' ? folderGeography(given) : given, explicit: true };
}


/** The folders loaded last, by the path given, with the stamp of their files (see {@link folderStamp}). */
const folders = new Map<string, { stamp: string; geography: Geography }>();
/** How many folders {@link folders} keeps. */
const FOLDERS_KEPT = 4;

/**
 * What a folder's geography files are: each one's device, inode, size and
 * times of change (in nanoseconds), or its absence; `undefined` where there
 * is no file system.
 */
function folderStamp(dir: string): string | undefined {
  const fs = nodeBuiltin('node:fs');
  if (fs === undefined) return undefined;
  let stamp = '';
  for (const file of Object.values(GEOGRAPHY_FOLDER_FILES)) {
    const s = fs.statSync(joinPath(dir, file), { bigint: true, throwIfNoEntry: false });
    stamp += s === undefined ? '-|' : `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}|`;
  }
  return stamp;
}

/**
 * A geography folder of a load (issue 16): loaded by `loadGeography`, or,
 * when the same path was loaded before and none of its files has changed
 * since (the same files, sizes and times of change), the geography loaded
 * then. It is shared by the networks of those loads, so it is frozen, as the
 * embedded default geography is. A folder with errors throws each time.
 */
function folderGeography(dir: string): Geography {
  const stamp = folderStamp(dir);
  const known = folders.get(dir);
  if (stamp !== undefined && known?.stamp === stamp) return known.geography;
  const geography = deepFrozen(loadGeography(dir));
  if (stamp === undefined) return geography;
  folders.delete(dir);
  folders.set(dir, { stamp, geography });
  if (folders.size > FOLDERS_KEPT) folders.delete(folders.keys().next().value!);
  return geography;
}
