/**
 * Issue 12 (hardening), the command line: every item reproduced as it was on
 * main (exit 0 for a missing file, a stack trace on a full disk, 256 worker
 * threads, a truncated report, an input overwritten) and checked now.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cli } from './helpers.js';
import { cliProcess, tmpDir } from '../helpers/files.js';

// Writes can be made to fail half-way, as a full disk does: the first write of a call writes half its bytes, then ENOSPC.
const disk = vi.hoisted(() => ({ full: undefined as undefined | ((path: string) => boolean), fds: new Map<number, string>() }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  const fails = (target: unknown) => typeof target === 'string' && disk.full !== undefined && disk.full(target);
  return {
    ...fs,
    openSync: ((path: string, ...rest: unknown[]) => {
      const fd = (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
      disk.fds.set(fd, String(path));
      return fd;
    }) as typeof fs.openSync,
    writeFileSync: ((path: unknown, data: string | Uint8Array, ...rest: unknown[]) => {
      if (!fails(path)) return (fs.writeFileSync as (...a: unknown[]) => void)(path, data, ...rest);
      const text = typeof data === 'string' ? data : Buffer.from(data).toString();
      fs.writeFileSync(path as string, text.slice(0, text.length >> 1));
      throw enospc();
    }) as typeof fs.writeFileSync,
    writeSync: ((fd: number, buffer: Uint8Array, ...rest: unknown[]) => {
      if (!fails(disk.fds.get(fd)) || !(buffer instanceof Uint8Array)) return (fs.writeSync as (...a: unknown[]) => number)(fd, buffer, ...rest);
      const offset = typeof rest[0] === 'number' ? rest[0] : 0;
      const length = typeof rest[1] === 'number' ? rest[1] : buffer.length - offset;
      if (length > 1) return fs.writeSync(fd, buffer, offset, length >> 1);
      throw enospc();
    }) as typeof fs.writeSync,
  };
});

const LINKS = 'source;target;vikt\nUmeå;Vännäs;2\nStockholm;Upplands Väsby;1\n';

/** A model file of the right shape (the shipped one). */
const MODEL = readFileSync('data/models/recommender-sweden.json', 'utf8');

function folder(files: Record<string, string> = { 'links.csv': LINKS }): string {
  const dir = tmpDir('samverkan-cli-hardening-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** No stack trace and no garbled message in what the CLI wrote. */
function expectClean(stderr: string) {
  expect(stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  expect(stderr).not.toMatch(/samverkan: {2}while loading/);
  expect(stderr).not.toMatch(/run with --debug/);
}

describe('--lenient with an input that cannot be read', () => {
  it('a missing file fails with a clean message (it exited 0 with "samverkan:  while loading:")', async () => {
    const dir = folder();
    for (const args of [
      ['summary', '--links', 'missing.csv', '--lenient'],
      ['summary', '--actors', 'missing.csv', '--links', 'links.csv', '--lenient'],
      ['centrality', '--graph', 'missing.gexf', '--lenient'],
    ]) {
      const r = await cli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/missing\.(csv|gexf): no such file/);
      // No advice to use the --lenient that was given.
      expect(r.stderr).not.toMatch(/: --lenient/);
      expect(r.stderr).toMatch(/A file that cannot be read has no rows to load/);
      expect(r.stdout).toBe('');
      expectClean(r.stderr);
    }
  });

  it('rows it can load, it still loads: a rejected row is reported and the command runs', async () => {
    const dir = folder({ 'links.csv': 'source,target\nUmeå,Atlantis\nUmeå,Vännäs\n' });
    const r = await cli(['summary', '--links', 'links.csv', '--lenient', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^samverkan: 1 of 2 rows rejected while loading:/);
  });
});

describe('standard output errors', () => {
  it('a full disk (summary > /dev/full) is one line on stderr and exit 1, not a stack trace', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      // English, as the tests assert (the default is the data's language, Swedish).
      const r = cliProcess(['summary', '--lang', 'en'], { stdout: fd });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^samverkan: cannot write to standard output: no space left on the device \(ENOSPC\)$/m);
      expectClean(r.stderr);
    } finally {
      closeSync(fd);
    }
  });

  it('a closed pipe (… | head) is still not an error', () => {
    const r = execFileSync('bash', ['-c', `node --import ${JSON.stringify(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href)} src/cli/main.ts centrality --format csv | head -1; echo "status \${PIPESTATUS[0]}"`], {
      cwd: join(import.meta.dirname, '..', '..'),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(r).toMatch(/^id,name,kind/);
    expect(r).toMatch(/status 0\n$/);
  });
});

describe('--workers', () => {
  it('is capped at the number of cores, with a notice (256 workers used 2.56 GB and ran 11× slower)', async () => {
    const cores = availableParallelism();
    const capped = await cli(['centrality', '--measures', 'betweenness', '--samples', 'exact', '--workers', '256', '--format', 'json']);
    expect(capped.code).toBe(0);
    expect(capped.stderr).toContain(`samverkan: --workers 256 is more than the ${cores} core${cores === 1 ? '' : 's'} this machine has; using ${cores}`);
    const exact = await cli(['centrality', '--measures', 'betweenness', '--samples', 'exact', '--workers', String(cores), '--format', 'json']);
    expect(exact.stderr).not.toContain('--workers');
    expect(capped.stdout).toBe(exact.stdout);
  });
});

describe('files that are not regular files', () => {
  it('a FIFO as --links or --graph is refused at once (it blocked for ever)', async () => {
    const dir = folder();
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    for (const args of [
      ['summary', '--links', 'pipe.csv'],
      ['summary', '--links', 'pipe.csv', '--lenient'],
      ['summary', '--graph', 'pipe.csv'],
      ['validate', '--links', 'pipe.csv'],
    ]) {
      const r = await cli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr + r.stdout).toMatch(/pipe\.csv: this is a named pipe \(FIFO\), not a regular file/);
      expectClean(r.stderr);
    }
  }, 20_000);

  it('a FIFO or a device as --features or --model is refused at once, naming the flag (they blocked or grew without end)', async () => {
    const dir = folder();
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    // A PNG header: binary, not text.
    writeFileSync(join(dir, 'binary.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]));
    for (const [args, flag] of [
      [['map', '--features', 'pipe.json', '--out', 'm.svg'], 'features'],
      [['map', '--features', '/dev/zero', '--out', 'm.svg'], 'features'],
      [['recommend', '--municipality', 'Vindeln', '--model', 'pipe.json'], 'model'],
      [['recommend', '--municipality', 'Vindeln', '--model', 'missing.json'], 'model'],
      [['recommend', '--municipality', 'Vindeln', '--model', 'binary.json'], 'model'],
    ] as const) {
      const r = await cli([...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`(^|\\n)samverkan: cannot read --${flag} "[^"]+": (this is a (named pipe \\(FIFO\\)|character device), not a regular file|no such file|this is not a text file \\(it contains NUL bytes\\))`));
      expectClean(r.stderr);
    }
  }, 20_000);

  it('--links /dev/zero is refused at once (it grew to 5 GB and segfaulted)', async () => {
    const r = await cli(['summary', '--links', '/dev/zero']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\/dev\/zero: this is a character device, not a regular file/);
  }, 20_000);
});

describe('memory', () => {
  it('a links file too large for the heap stops with a clear message, not a crash (exit 134)', () => {
    const dir = tmpDir('samverkan-heap-');
    const rows = ['source,target,kind,weight'];
    for (let i = 0; i < 600_000; i++) rows.push(`actor-${i % 150_000},actor-${(i * 7919) % 150_000},k${i % 7},${1 + (i % 5)}`);
    writeFileSync(join(dir, 'links.csv'), rows.join('\n') + '\n');
    writeFileSync(join(dir, 'actors.csv'), 'id,kind\n' + Array.from({ length: 150_000 }, (_, i) => `actor-${i},other`).join('\n') + '\n');
    const r = cliProcess(['summary', '--actors', 'actors.csv', '--links', 'links.csv', '--lang', 'en'], { cwd: dir, node: ['--max-old-space-size=64'] });
    expect(r.stderr).not.toMatch(/FATAL ERROR|heap out of memory/);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^samverkan stopped (reading|loading|building) .*: the JavaScript heap is \d+% full .*too full to hold the rest of the input\. Give Node\.js more memory \(NODE_OPTIONS=--max-old-space-size=\d+/m);
  }, 120_000);
});

describe('outputs', () => {
  it('--out equal to an input is refused, by any path to it, and the input is untouched', async () => {
    const dir = folder({ 'links.csv': LINKS, 'kinds.csv': 'word,kind\nkyrka,religious\n', 'model.json': MODEL });
    symlinkSync(join(dir, 'links.csv'), join(dir, 'alias.csv'));
    for (const args of [
      ['summary', '--links', 'links.csv', '--out', 'links.csv'],
      ['summary', '--links', 'links.csv', '--out', './sub/../links.csv'],
      ['summary', '--links', 'links.csv', '--out', 'alias.csv'],
      ['report', '--links', 'links.csv', '--out', join(dir, 'links.csv'), '--format', 'md'],
      ['export', '--to', 'gexf', '--links', 'links.csv', '--out', 'links.csv'],
      ['export', '--to', 'csv', '--links', 'x-edges.csv', '--out', 'x'],
      ['summary', '--links', 'links.csv', '--kinds-file', 'kinds.csv', '--out', 'kinds.csv'],
      ['recommend', '--municipality', 'Vindeln', '--model', 'model.json', '--out', 'model.json'],
    ]) {
      if (args.includes('x-edges.csv')) writeFileSync(join(dir, 'x-edges.csv'), LINKS);
      const r = await cli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/refusing to write .*: it is also an input of this command/);
      expect(readFileSync(join(dir, 'links.csv'), 'utf8')).toBe(LINKS);
    }
    expect(readFileSync(join(dir, 'x-edges.csv'), 'utf8')).toBe(LINKS);
    expect(existsSync(join(dir, 'x-nodes.csv'))).toBe(false);
    expect(readFileSync(join(dir, 'kinds.csv'), 'utf8')).toBe('word,kind\nkyrka,religious\n');
    expect(readFileSync(join(dir, 'model.json'), 'utf8')).toBe(MODEL);
  });

  it('a write that fails half-way leaves the file that was there, whole, and no temporary file', async () => {
    const dir = folder();
    for (const [args, out] of [
      [['summary', '--links', 'links.csv', '--out', 'summary.txt'], 'summary.txt'],
      [['report', '--links', 'links.csv', '--format', 'md', '--out', 'report.md'], 'report.md'],
      [['export', '--to', 'graphml', '--links', 'links.csv', '--out', 'net.graphml'], 'net.graphml'],
    ] as const) {
      writeFileSync(join(dir, out), 'THE GOOD OLD FILE\n');
      disk.full = (path) => path.startsWith(dir);
      let r;
      try {
        r = await cli([...args], { cwd: dir });
      } finally {
        disk.full = undefined;
      }
      expect(r.code, out).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`cannot write ${join(dir, out).replace(/[.]/g, '\\.')}: no space left on the device \\(nothing was changed there\\)`));
      expectClean(r.stderr);
      expect(readFileSync(join(dir, out), 'utf8'), out).toBe('THE GOOD OLD FILE\n');
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      // And without the fault, the same command replaces it.
      expect((await cli([...args], { cwd: dir })).code).toBe(0);
      expect(readFileSync(join(dir, out), 'utf8')).not.toBe('THE GOOD OLD FILE\n');
    }
  });

  it('export --to csv never leaves nodes without their edges: the old pair stays when the second file fails', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'net-nodes.csv'), 'OLD NODES\n');
    writeFileSync(join(dir, 'net-edges.csv'), 'OLD EDGES\n');
    disk.full = (path) => path.includes('net-edges');
    let r;
    try {
      r = await cli(['export', '--to', 'csv', '--links', 'links.csv', '--out', 'net'], { cwd: dir });
    } finally {
      disk.full = undefined;
    }
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'net-nodes.csv'), 'utf8')).toBe('OLD NODES\n');
    expect(readFileSync(join(dir, 'net-edges.csv'), 'utf8')).toBe('OLD EDGES\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const ok = await cli(['export', '--to', 'csv', '--links', 'links.csv', '--out', 'net'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, 'net-nodes.csv'), 'utf8')).toMatch(/^id,name,kind/);
    expect(readFileSync(join(dir, 'net-edges.csv'), 'utf8')).toMatch(/^source,target/);
  });

  it('--out to a device is written directly, not replaced by a file', async () => {
    const r = await cli(['summary', '--links', join(folder(), 'links.csv'), '--out', '/dev/null']);
    expect(r.code).toBe(0);
    expect(existsSync('/dev/null') && !readdirSync('/dev').some((f) => f.startsWith('.null.'))).toBe(true);
  });
});
