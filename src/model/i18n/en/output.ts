/**
 * The output section of the English catalogue: what the command line says
 * about the files it reads and writes (a file it cannot write, an output
 * that would overwrite an input, the user's own files described), and the
 * words of a problem's severity.
 */
export const output = {
  'output.cannotWrite': 'cannot write {path}: {reason}{unchanged}',
  'output.reason.folderMissing': 'its folder does not exist',
  'output.reason.isFolder': 'it is a folder',
  'output.reason.permission': 'permission denied',
  'output.reason.noSpace': 'no space left on the device',
  'output.reason.quota': 'the disk quota is exceeded',
  'output.unchanged': ' (nothing was changed there)',
  'output.refuseInput': 'refusing to write {path}: it is also an input of this command, and would be overwritten',
  'output.hint.otherOut': 'choose another --out',
  'output.stdout': 'cannot write to standard output: {reason}{code}',
  'input.graph': 'graph {file}',
  'input.actors': 'actors {file}',
  'input.links': 'links {file}',
  'input.and': '{a}, {b}',
  'input.capabilities': 'the capabilities in {file}',
  'load.severity.error': 'error',
  'load.severity.warning': 'warning',
} as const;
