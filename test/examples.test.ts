import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Each example runs with one command, as its header says; here they run the
// same way (tsx, with `samverkan` mapped to src/ by tsconfig paths).
const run = (file: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });

describe('examples', () => {
  it("analyst: coverage table, brokers, gaps and a plot-ready array", () => {
    const out = run('examples/analyst.ts');
    expect(out).toContain('Västerbottens län');
    expect(out).toMatch(/\[critical\] .* har ingen samverkan alls/);
    expect(out).toMatch(/plotData: 63 rows/);
  });

  it('app: validated requests answered with reasons; bad input gives 400/404, never a throw', () => {
    const out = run('examples/app.ts');
    expect(out).toMatch(/\{"municipality":"Vännäs"\} → 200\n {2}1\. \S+/);
    expect(out).toContain('{"municipality":"Atlantis"} → 404');
    expect(out).toContain('{"municipality":""} → 400');
  });

  it('researcher: the body protocol and the tie protocol for both datasets, samverkan first', () => {
    const out = run('examples/researcher.ts');
    expect(out).toMatch(/real cooperation bodies \(data\/sweden\), body protocol: 361 cases from 64 bodies/);
    expect(out).toMatch(/demo \(synthetic\), body protocol: \d+ cases/);
    expect(out.match(/, tie protocol: /g)).toHaveLength(2);
    // Tie protocol rows carry ± sd; body protocol rows an interval against samverkan.
    expect(out.match(/^samverkan\s+0\.\d{3} ± /gm)).toHaveLength(2);
    expect(out.match(/^same_county_nearest\s+0\.\d{3}\s+0\.\d{3}\s+0\.\d{3}\s+0\.\d{3}\s+-?0\.\d{3} \[/gm)).toHaveLength(2);
    for (const method of ['common_neighbours', 'jaccard', 'adamic_adar', 'resource_allocation', 'preferential_attachment', 'nearest', 'random']) {
      expect(out.match(new RegExp(`^${method}\\s`, 'gm'))).toHaveLength(4);
    }
  });
});
