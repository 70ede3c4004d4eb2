import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// Installs the packed package into an empty folder elsewhere on disk and uses
// it from there, as a user would: this proves the ESM and CommonJS builds
// work, and that the embedded data comes from the package, not the cwd.
const root = resolve('.');
let project: string;

const run = (file: string) => execFileSync(process.execPath, [file], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.cjs'))) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
  project = mkdtempSync(join(tmpdir(), 'samverkan-user-'));
  execFileSync('npm', ['pack', '--pack-destination', project, '--silent'], { cwd: root, stdio: 'ignore' });
  const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'))!;
  writeFileSync(join(project, 'package.json'), '{"name":"user","private":true}');
  execFileSync('npm', ['install', `./${tarball}`, '--prefer-offline', '--no-audit', '--no-fund', '--silent'], { cwd: project, stdio: 'ignore' });
}, 180_000);

const script = `
  const net = s.loadNetwork(s.demoDataset());
  const bodies = s.loadNetwork(g.swedenCooperationBodies());
  console.log(JSON.stringify({
    municipalities: s.swedenGeography().municipalities.length,
    demoActors: net.order,
    bodies: bodies.actors().filter((a) => a.kind === 'joint_body').length,
    proto: s.loadNetwork({ actors: 'id,name,kind\\n__proto__,P,other\\n' }).actor('__proto__').name,
  }));
`;

describe('the installed package', () => {
  it('works with import (ESM)', () => {
    writeFileSync(join(project, 'esm.mjs'), `import * as s from 'samverkan';\nimport * as g from 'samverkan/geo';\n${script}`);
    const out = JSON.parse(run('esm.mjs'));
    // 174 bodies that are not proposals, and Boråsregionen Sjuhärads kommunalförbund, a member of one of them.
    expect(out).toMatchObject({ municipalities: 290, bodies: 175, proto: 'P' });
    expect(out.demoActors).toBeGreaterThan(290);
  });

  it('works with require (CommonJS), d3-dsv being ESM-only notwithstanding', () => {
    writeFileSync(join(project, 'cjs.cjs'), `const s = require('samverkan');\nconst g = require('samverkan/geo');\n${script}`);
    const out = JSON.parse(run('cjs.cjs'));
    expect(out).toMatchObject({ municipalities: 290, bodies: 175, proto: 'P' });
  });

  it('exposes package.json and a samverkan bin', () => {
    writeFileSync(join(project, 'pkg.cjs'), `console.log(require('samverkan/package.json').bin.samverkan)`);
    expect(run('pkg.cjs').trim()).toBe('./dist/cli.js');
    expect(existsSync(join(project, 'node_modules', '.bin', 'samverkan'))).toBe(true);
  });
});
