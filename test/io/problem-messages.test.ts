import { describe, expect, it } from 'vitest';
import { loadNetwork, type Problem } from '../../src/index.js';
import { formatProblem } from '../../src/model.js';
import { knownProblemCode, messageText } from '../../src/model/i18n/problem.js';
import { problemText } from '../../src/model/load-report.js';

/** Problems of many kinds, from lenient loads of bad input (rows, cells, kinds, ends, headers, bytes). */
function sampleProblems(): Problem[] {
  const problems: Problem[] = [];
  const lenient = (input: Parameters<typeof loadNetwork>[0]) => {
    problems.push(...(loadNetwork(input, { mode: "lenient" }).loadReport?.problems ?? []));
  };
  lenient({
    actors: 'id,name,kind,municipality\na1,Förening A,förening,Umeå\na2,Moské B,moské,Umea kommun\na3,Okänd,rymdstation,Umeå\na4,Fel kommun,förening,Ingenstans\n',
    links: 'source,target,weight,since\na1,a2,abc,2020-01-01\na1,a1,1,\na1,Nowhere,1,\na2,a3,1,2020-13-45\na2,a4,-1,\n',
  });
  lenient({ links: 'source,target\n2480,\n,2480\n"2480,2482\n' });
  lenient({ links: 'from,to\n2480,2482\n' });
  lenient({ links: new Uint8Array([0x00, 0xff, 0xfe, 0x00, 0x01]) });
  return problems;
}

describe('loader problems carry a code and params that render in Swedish and English', () => {
  const problems = sampleProblems();

  it('the sample covers several kinds of problem', () => {
    expect(new Set(problems.map((p) => p.code)).size).toBeGreaterThanOrEqual(6);
  });

  it('every problem has a known code, and its English text is its reason', () => {
    for (const p of problems) {
      expect(p.code, p.reason).toBeDefined();
      expect(knownProblemCode(p.code!), p.code).toBe(true);
      expect(problemText(p, 'en')).toBe(p.reason);
      expect(messageText({ code: p.code!, ...(p.params !== undefined && { params: p.params }) }, 'en')).toBe(p.reason);
    }
  });

  it('the Swedish text differs from the English one and leaves no placeholder', () => {
    for (const p of problems) {
      const sv = problemText(p, 'sv');
      expect(sv, p.code).not.toBe(p.reason);
      expect(sv, p.code).not.toMatch(/\{[a-zA-Z_]+\}/);
      expect(formatProblem(p, { lang: 'sv' })).toContain(sv.slice(0, 20));
    }
  });

  it('formatProblem writes the place in the chosen language', () => {
    const p = problems.find((q) => q.row > 0 && q.column !== undefined)!;
    expect(formatProblem(p, { lang: 'sv' })).not.toBe(formatProblem(p, { lang: 'en' }));
    expect(formatProblem(p)).toBe(formatProblem(p, { lang: 'en' }));
  });
});
