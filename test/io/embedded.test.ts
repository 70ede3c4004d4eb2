import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('embedded data modules', () => {
  it('match the files under data/ (run `npx tsx scripts/embed-data.ts` after editing data)', () => {
    // Exits non-zero and names the stale module when data/ and src/countries/<country>/ differ.
    expect(() => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/embed-data.ts', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
