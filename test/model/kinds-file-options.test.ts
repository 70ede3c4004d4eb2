/**
 * Words of a user's kinds file (`loadNetwork(…, { kindsFile })`, CLI `--kinds-file`)
 * name kinds in options and flags as they do in the files: the options of a
 * function on the network are read with the vocabulary the loader used.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { centrality, loadNetwork, OptionsError, planLinks } from '../../src/index.js';
import { loadNetworkStream } from '../../src/io.js';
import { groupsOf } from '../../src/model.js';
import { cli } from '../cli/helpers.js';
import { tmpDir } from '../helpers/files.js';

// Words no kinds file of the country has: `Gilde` (a guild), `Samordningsråd` (a joint body) and `Frikyrka` (a church).
const KINDS = 'word,kind\nGilde,civil_society\nSamordningsråd,joint_body\nFrikyrka,religious\n';
const ACTORS = [
  'id,name,kind,municipality',
  'g1,Gillet,Gilde,0180',
  'g2,Gillet i Solna,Gilde,0184',
  'r1,Kyrkan,Frikyrka,0180',
  'j1,Rådet,Samordningsråd,',
  'c1,Club,civil_society,0184',
].join('\n');
const LINKS = ['source,target,weight', '0180,j1,1', '0184,j1,1', '0114,j1,1', 'g1,0180,1', 'g2,0184,2', 'r1,0180,1', 'c1,g1,1', '0114,g2,1'].join('\n');

describe('words of a kinds file name kinds in options', () => {
  const net = loadNetwork({ actors: { text: ACTORS }, links: { text: LINKS } }, { kindsFile: { text: KINDS } });

  it('the files use them (the loader read them)', () => {
    expect(net.actor('g1')?.kind).toBe('civil_society');
    expect(net.actor('j1')?.kind).toBe('joint_body');
  });

  it('kinds, via and plan kind accept them, with the same results as the kinds they name', () => {
    expect(centrality(net, { kinds: ['Gilde'] })).toEqual(centrality(net, { kinds: ['civil_society'] }));
    expect(groupsOf(net, { via: ['Samordningsråd'] })).toEqual(groupsOf(net, { via: ['joint_body'] }));
    expect(groupsOf(net, { via: ['Samordningsråd'] }).length).toBeGreaterThan(0);
    expect(net.municipalityProjection({ via: ['Samordningsråd'] }).ties).toEqual(net.municipalityProjection({ via: ['joint_body'] }).ties);
    expect(planLinks(net, { kind: 'Frikyrka' })).toEqual(planLinks(net, { kind: 'religious' }));
  });

  it('a network made from it (another scope, a snapshot) keeps the words', () => {
    const county = net.withScope({ counties: ['01'] });
    expect(centrality(county, { kinds: ['Gilde'] })).toEqual(centrality(county, { kinds: ['civil_society'] }));
    const kept = net.filterLinks(() => true);
    expect(kept.kindVocabulary).toBe(net.kindVocabulary);
  });

  it('a record of words as the kindsFile option works the same way', () => {
    const byRecord = loadNetwork({ actors: { text: ACTORS }, links: { text: LINKS } }, { kindsFile: { Gilde: 'civil_society', Samordningsråd: 'joint_body', Frikyrka: 'religious' } });
    expect(centrality(byRecord, { kinds: ['Gilde'] })).toEqual(centrality(net, { kinds: ['civil_society'] }));
  });

  it('loadNetworkStream reads them with the same option', async () => {
    const streamed = await loadNetworkStream({ actors: { text: ACTORS }, links: { text: LINKS } }, { kindsFile: { text: KINDS } });
    expect(streamed.actor('g1')?.kind).toBe('civil_society');
    expect(centrality(streamed, { kinds: ['Gilde'] })).toEqual(centrality(net, { kinds: ['Gilde'] }));
  });

  it('the option is kindsFile: its name before 0.2.0, kinds, is refused by both loaders, naming it', async () => {
    const old = { kinds: { text: KINDS } } as never;
    expect(() => loadNetwork({ actors: { text: ACTORS }, links: { text: LINKS } }, old)).toThrow(OptionsError);
    expect(() => loadNetwork({ actors: { text: ACTORS }, links: { text: LINKS } }, old)).toThrow(/kinds/);
    await expect(loadNetworkStream({ actors: { text: ACTORS }, links: { text: LINKS } }, old)).rejects.toThrow(OptionsError);
  });

  it('without the kinds file the words are still refused, naming the option', () => {
    const plain = loadNetwork({ actors: { text: ACTORS }, links: { text: LINKS } }, { mode: 'lenient' });
    expect(() => centrality(plain, { kinds: ['Gilde'] })).toThrow(OptionsError);
    expect(() => centrality(plain, { kinds: ['Gilde'] })).toThrow(/kinds/);
  });
});

describe('--kinds-file words in flags', () => {
  const dir = tmpDir();
  writeFileSync(join(dir, 'kinds.csv'), KINDS);
  writeFileSync(join(dir, 'actors.csv'), ACTORS);
  writeFileSync(join(dir, 'links.csv'), LINKS);
  const input = ['--actors', 'actors.csv', '--links', 'links.csv', '--format', 'csv'];

  it('--kinds takes a word of the kinds file: the same rows as the kind it names', async () => {
    const byWord = await cli(['centrality', ...input, '--kinds-file', 'kinds.csv', '--kinds', 'Gilde'], { cwd: dir });
    const byKind = await cli(['centrality', ...input, '--kinds-file', 'kinds.csv', '--kinds', 'civil_society'], { cwd: dir });
    expect(byWord.stderr).not.toContain('Gilde');
    expect(byWord.code).toBe(0);
    expect(byWord.stdout).toBe(byKind.stdout);
    expect(byWord.stdout).toContain('g1');
    expect(byWord.stdout).not.toContain('r1');
  });

  it('plan --kind and coverage --partner-kinds take them too', async () => {
    const kinds = ['--kinds-file', 'kinds.csv'];
    const plan = await cli(['plan', ...input, ...kinds, '--objective', 'kind-reach', '--kind', 'Frikyrka'], { cwd: dir });
    expect(plan.stderr).not.toContain('Frikyrka');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toBe((await cli(['plan', ...input, ...kinds, '--objective', 'kind-reach', '--kind', 'religious'], { cwd: dir })).stdout);
    const coverage = await cli(['coverage', ...input, ...kinds, '--partner-kinds', 'Gilde,Frikyrka'], { cwd: dir });
    expect(coverage.code).toBe(0);
    expect(coverage.stdout).toBe((await cli(['coverage', ...input, ...kinds, '--partner-kinds', 'civil_society,religious'], { cwd: dir })).stdout);
  });

  it('without --kinds-file the word is refused naming --kinds (exit 2)', async () => {
    const r = await cli(['centrality', ...input, '--lenient', '--kinds', 'Gilde'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--kinds');
  });
});
