import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GeographyError, loadGeography, swedenGeography } from '../../src/index.js';
import { neighbours } from '../../src/geo.js';
import { findCounty, findMunicipality, indexGeography, normaliseName } from '../../src/model.js';
import { borderSteps, haversineKm, municipalityDistanceKm } from '../../src/geo.js';

const geo = swedenGeography();

describe('embedded Swedish geography', () => {
  it('has 290 municipalities in 21 counties', () => {
    expect(geo.municipalities).toHaveLength(290);
    expect(geo.counties).toHaveLength(21);
    expect(new Set(geo.municipalities.map((m) => m.code)).size).toBe(290);
    expect(new Set(geo.municipalities.map((m) => m.county))).toEqual(new Set(geo.counties.map((c) => c.code)));
  });

  it('has 4-digit municipality codes whose first two digits are the county code', () => {
    for (const m of geo.municipalities) {
      expect(m.code).toMatch(/^\d{4}$/);
      expect(m.code.slice(0, 2)).toBe(m.county);
    }
    for (const c of geo.counties) expect(c.code).toMatch(/^\d{2}$/);
  });

  it('agrees with the source CSV row for row (population, year, centroid)', () => {
    const lines = readFileSync('data/sweden/municipalities.csv', 'utf8').trim().split('\n').slice(1);
    expect(lines).toHaveLength(290);
    for (const line of lines) {
      const [code, name, county, population, year, date, lat, lon] = line.split(',');
      const m = indexGeography(geo).municipality.get(code!)!;
      expect(m).toMatchObject({ name, county, population: Number(population), populationYear: Number(year), populationDate: date, lat: Number(lat), lon: Number(lon) });
    }
    const total = geo.municipalities.reduce((s, m) => s + m.population, 0);
    expect(total).toBe(10_609_461); // SOURCES.md: total 10,609,461 on 2025-09-30
  });

  it('stores each border pair once, ordered, between known municipalities, never a self pair', () => {
    expect(geo.borders).toHaveLength(728);
    const codes = new Set(geo.municipalities.map((m) => m.code));
    const seen = new Set<string>();
    for (const { a, b } of geo.borders) {
      expect(a < b).toBe(true);
      expect(codes.has(a) && codes.has(b)).toBe(true);
      expect(seen.has(`${a}-${b}`)).toBe(false);
      seen.add(`${a}-${b}`);
    }
  });

  it('has symmetric border neighbour lists', () => {
    const ix = indexGeography(geo);
    for (const [code, list] of ix.bordersOf) for (const n of list) expect(ix.bordersOf.get(n)).toContain(code);
  });

  it('marks exactly the municipalities without border pairs as islands', () => {
    const islands = geo.municipalities.filter((m) => m.island).map((m) => m.name).sort();
    expect(islands).toEqual(['Ekerö', 'Gotland', 'Lidingö', 'Tjörn', 'Öckerö']);
    const ix = indexGeography(geo);
    for (const m of geo.municipalities) expect(m.island).toBe(ix.bordersOf.get(m.code)!.length === 0);
  });

  it('finds municipalities and counties by code or name', () => {
    expect(findMunicipality(geo, 'Umeå')?.code).toBe('2480');
    expect(findMunicipality(geo, 'umeå kommun')?.code).toBe('2480');
    expect(findMunicipality(geo, '180')?.name).toBe('Stockholm');
    expect(findMunicipality(geo, 'Narnia')).toBeUndefined();
    expect(findCounty(geo, 'Gotlands län')?.code).toBe('09');
    expect(findCounty(geo, 'Västerbotten')?.code).toBe('24');
    expect(findCounty(geo, '1')?.code).toBe('01');
  });
});

describe('geo functions', () => {
  it('computes haversine distances that match a hand calculation', () => {
    // One degree of latitude along a meridian: 2πR/360 km.
    expect(haversineKm(60, 15, 61, 15)).toBeCloseTo((2 * Math.PI * 6371.0088) / 360, 9);
    expect(haversineKm(59.3, 18.1, 59.3, 18.1)).toBe(0);
    // Stockholm–Göteborg centroids: about 400 km apart.
    expect(municipalityDistanceKm(geo, '0180', '1480')).toBeGreaterThan(380);
    expect(municipalityDistanceKm(geo, '0180', '1480')).toBeLessThan(420);
  });

  it('counts border steps by breadth-first search', () => {
    const steps = borderSteps(geo, '2460'); // Vännäs
    expect(steps.get('2460')).toBe(0);
    expect(steps.get('2480')).toBe(1); // Umeå borders Vännäs
    for (const n of indexGeography(geo).bordersOf.get('2460')!) expect(steps.get(n)).toBe(1);
    expect(steps.has('0980')).toBe(false); // Gotland is not reachable over land
  });

  it('gives islands neighbours by distance', () => {
    const rows = neighbours(geo, '0980', { atLeast: 3 });
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.borderSteps === null && r.via === 'nearest')).toBe(true);
    expect(rows.map((r) => r.distanceKm)).toEqual([...rows.map((r) => r.distanceKm)].sort((a, b) => a - b));
    expect(rows.columns).toEqual(['municipality', 'neighbour', 'name', 'county', 'borderSteps', 'distanceKm', 'via']);
  });
});

describe('loadGeography for another country', () => {
  const municipalities = 'code,name,county_code,population,population_year,lat,lon\n101,Alfa,1,1000,2024,60,10\n102,Beta,1,2000,2024,60.1,10.2\n201,Gamma,2,500,2024,61,11\n';
  const counties = 'county_code,county_name\n1,Nord\n2,Sør\n';
  const adjacency = 'a,b\n102,101\n101,102\n';

  it('reads three CSVs, orders and deduplicates border pairs, derives islands', () => {
    const g = loadGeography({ municipalities, counties, adjacency }, { name: 'Testland' });
    expect(g.name).toBe('Testland');
    expect(g.borders).toEqual([{ a: '101', b: '102' }]);
    expect(g.municipalities.find((m) => m.code === '201')!.island).toBe(true);
    expect(g.municipalities.find((m) => m.code === '101')!.island).toBe(false);
  });

  it('lists every problem with file, row and column', () => {
    const bad = 'code,name,county_code,population,population_year,lat,lon\n101,Alfa,9,1000,2024,60,10\n102,Beta,1,-5,2024,95,10\n';
    let error: GeographyError | undefined;
    try {
      loadGeography({ municipalities: bad, counties, adjacency: 'a,b\n101,999\n' });
    } catch (e) {
      error = e as GeographyError;
    }
    expect(error).toBeInstanceOf(GeographyError);
    expect(error!.problems.map((p) => [p.file, p.row, p.column, p.value, p.reason])).toEqual([
      ['(municipalities)', 2, 'county_code', '9', 'unknown county code (not in counties.csv)'],
      ['(municipalities)', 3, 'population', '-5', 'the population must be a whole number ≥ 0'],
      ['(municipalities)', 3, 'lat', '95', 'the latitude must be a number between -90 and 90'],
      ['(adjacency)', 2, 'a', '101', 'this municipality was rejected in municipalities.csv (see above)'],
      ['(adjacency)', 2, 'b', '999', 'unknown municipality code (not in municipalities.csv)'],
    ]);
    expect(error!.message.split('\n')[0]).toBe('invalid geography: 5 problems');
  });
});

describe('loadGeography: more input checks', () => {
  const counties = 'county_code,county_name\n1,Nord\n';
  it('reads decimal commas in a semicolon-separated file', () => {
    const g = loadGeography({
      municipalities: 'code;name;county_code;population;population_year;lat;lon;area_km2\n101;Alfa;1;1000;2024;62,10;10,5;12,5\n',
      counties,
      adjacency: 'a,b\n',
    });
    expect(g.municipalities[0]).toMatchObject({ lat: 62.1, lon: 10.5, areaKm2: 12.5 });
  });
  it('names the accepted columns and the actual header when one is missing, and rejects prototype words and impossible dates', () => {
    let error: GeographyError | undefined;
    try {
      loadGeography({
        municipalities: 'kod,name,county_code,population,population_year,lat,lon,island,population_date\n101,Alfa,1,1000,2024,60,10,constructor,2023-02-30\n',
        counties: 'county_code,county_name\n1,Nord\ntotal,Everything\n',
        adjacency: 'a,b\n',
      });
    } catch (e) {
      error = e as GeographyError;
    }
    expect(error).toBeInstanceOf(GeographyError);
    const reasons = error!.problems.map((p) => p.reason);
    expect(reasons).toContain('"total" is reserved for the national row of the county tables; choose another code');
    expect(reasons.find((r) => r.startsWith('missing required column "code"'))).toMatch(/accepted names: code, municipality_code, kommunkod\); the header has: kod, name,/);
  });
  it('rejects an island value that names an object property, and an impossible population date', () => {
    let error: GeographyError | undefined;
    try {
      loadGeography({
        municipalities: 'code,name,county_code,population,population_year,lat,lon,island,population_date\n101,Alfa,1,1000,2024,60,10,constructor,2023-02-30\n',
        counties,
        adjacency: 'a,b\n',
      });
    } catch (e) {
      error = e as GeographyError;
    }
    expect(error).toBeInstanceOf(GeographyError);
    expect(error!.problems.map((p) => p.column)).toEqual(['island', 'population_date']);
  });
});

describe('normaliseName (issue 16: a short way for plain ASCII words)', () => {
  // The general rule, as the function has it for any text: NFC, lowered by the rules' locale, white space folded and trimmed, a suffix word dropped.
  const general = (name: string, rules: { locale?: string; municipalitySuffixes?: string[] }) => {
    const lowered = rules.locale ? name.normalize('NFC').toLocaleLowerCase(rules.locale) : name.normalize('NFC').toLowerCase();
    const key = lowered.replace(/\s+/g, ' ').trim();
    for (const suffix of rules.municipalitySuffixes ?? []) if (key.endsWith(` ${suffix}`)) return key.slice(0, -suffix.length - 1);
    return key;
  };
  it('gives what the general rule gives, for plain words and for everything else', () => {
    const names = ['polis-1', 'Umea Kommun', 'UMEA STAD', 'a b c', 'a  b', ' a', 'a ', 'a\tb', 'Umea\u030a', 'Umeå kommun', 'IIII', 'Ijsselstein', 'x kommun', 'kommun', ' kommun', '', '~!', 'a\u00a0b', 'Östra Göinge kommun', 'İstanbul'];
    for (const rules of [{}, { locale: 'sv', municipalitySuffixes: ['kommun', 'stad'] }, { locale: 'tr' }]) {
      for (const name of names) expect(normaliseName(name, rules), `${JSON.stringify(name)} ${JSON.stringify(rules)}`).toBe(general(name, rules));
    }
  });
});
