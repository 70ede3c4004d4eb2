/**
 * Copies the Swedish reference data from the workspace's shared folder
 * (`../shared/data/sweden`, see its SOURCES.md) into `data/sweden/`, adding
 * one derived column: `island` (true when a municipality has no border pair).
 * `SOURCES.md` is not copied: `data/sweden/SOURCES.md` is the shared one plus a
 * section on what samverkan derives, kept by hand.
 * Run once when the shared data changes: `npx tsx scripts/import-shared-data.ts [from]`.
 * The output is committed; CI never runs this.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse as parseCsv } from 'd3-dsv';

const from = process.argv[2] ?? join('..', 'shared', 'data', 'sweden');
const to = join('data', 'sweden');

const copied = [
  'counties.csv',
  'adjacency.csv',
  'police_regions.csv',
  'cooperations.csv',
  'cooperation_bodies.csv',
  'municipality_regions.csv',
  'political_rule_2022.csv',
  'capability_evidence.csv',
  'capability_national_figures.csv',
  'municipalities.geojson',
];
for (const file of copied) {
  copyFileSync(join(from, file), join(to, file));
}

const bordered = new Set<string>();
for (const line of readFileSync(join(from, 'adjacency.csv'), 'utf8').trim().split(/\r?\n/).slice(1)) {
  const [a, b] = line.split(',');
  bordered.add(a!);
  bordered.add(b!);
}
const lines = readFileSync(join(from, 'municipalities.csv'), 'utf8').trim().split(/\r?\n/);
const out = [`${lines[0]},island`, ...lines.slice(1).map((l) => `${l},${bordered.has(l.split(',')[0]!) ? 'false' : 'true'}`)];
writeFileSync(join(to, 'municipalities.csv'), out.join('\n') + '\n');
console.log(`wrote ${to}: ${out.length - 1} municipalities, ${out.filter((l) => l.endsWith(',true')).length} islands`);

// Link dates for `swedenCooperationBodies()`: the bodies' `since`/`until`
// are free text ("2020", "c. 2009", "2024-05", "c. 2014 (merged into …)").
// They become ISO dates here, once, in a file a reviewer can read:
// data/sweden/cooperation_body_dates.csv (body_id, since, until, and how
// exact each is). A year alone is its first day (since) or last day (until);
// a month its first or last day; "c. YYYY" is marked approximate; the first
// year of a range or list is taken for `since`. Historical bodies without a
// dated end get the end their notes give (merged into, superseded by), each
// listed below with its reason.
const ENDS: Record<string, [string, string]> = {
  'gn-srmh-danderyd-taby-vaxholm-2006': ['2011-12-31', 'notes: by 2012 Danderyd had its own miljö- och hälsoskyddsnämnd'],
  'gn-viadidakt': ['2024-09-28', 'notes: Katrineholm terminated the agreement on 2022-09-28 with 24 months notice'],
  'kobyt-samverkan': ['2010-12-31', 'notes: status after c. 2010 not verified'],
  'raddningsregion-sodra-kalmar': ['2022-12-31', 'notes: superseded by Räddningstjänsten Sydost in 2023'],
  'rtj-mitt-bohuslan': ['2024-12-31', 'notes: merged into Räddningstjänsten Fyrbodal on 2025-01-01'],
  'sbkf-solvesborg-bromolla': ['2019-12-31', 'notes: in 2019 the majority in Sölvesborg proposed winding it up'],
  'utredning-spraktolk-vast-2010': ['2010-12-31', 'a joint study in 2010 (source 2010-12-03)'],
};

function isoDate(text: string, end: boolean): { date: string; precision: string } | undefined {
  const approximate = /^c\.\s*/.test(text);
  const t = text.replace(/^c\.\s*/, '');
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t))) return { date: `${m[1]}-${m[2]}-${m[3]}`, precision: approximate ? 'approximate' : /\(planned\)/.test(t) ? 'planned' : 'day' };
  if ((m = /^(\d{4})-(\d{2})(?!\d)/.exec(t)) && !/^\d{4}-\d{4}/.test(t)) {
    const day = end ? String(lastDay(Number(m[1]), Number(m[2]))) : '01';
    return { date: `${m[1]}-${m[2]}-${day}`, precision: approximate ? 'approximate' : 'month' };
  }
  if ((m = /^(\d{4})/.exec(t))) return { date: end ? `${m[1]}-12-31` : `${m[1]}-01-01`, precision: approximate || t.length > 4 ? 'approximate' : 'year' };
  return undefined;
}

{
  const bodies = parseCsv(readFileSync(join(to, 'cooperation_bodies.csv'), 'utf8'));
  const out = ['body_id,since,since_precision,until,until_precision,note'];
  for (const b of bodies) {
    const since = b.since ? isoDate(b.since, false) : undefined;
    let until = b.until ? isoDate(b.until, true) : undefined;
    let note = '';
    if (!until && ENDS[b.body_id!]) {
      until = { date: ENDS[b.body_id!]![0], precision: 'inferred' };
      note = ENDS[b.body_id!]![1];
    }
    if (b.since && !since) throw new Error(`${b.body_id}: cannot read since ${b.since}`);
    if (b.until && !until) throw new Error(`${b.body_id}: cannot read until ${b.until}`);
    if (!since && !until) continue;
    out.push([b.body_id ?? '', since?.date ?? '', since?.precision ?? '', until?.date ?? '', until?.precision ?? '', note].map(quote).join(','));
  }
  writeFileSync(join(to, 'cooperation_body_dates.csv'), out.join('\n') + '\n');
  console.log(`wrote ${join(to, 'cooperation_body_dates.csv')}: ${out.length - 1} bodies with dates`);
}

function quote(field: string): string {
  return /[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

// Memberships that start later than their body: a body whose source is dated
// "from D" and a member that came from a body ending the day before D (the
// three municipalities that moved from Södra Bohusläns räddningstjänstförbund
// to Räddningstjänsten Storgöteborg on 2023-01-01). Written to
// data/sweden/cooperation_membership_dates.csv (body_id, municipality_code, since, note).
{
  const bodies = parseCsv(readFileSync(join(to, 'cooperation_bodies.csv'), 'utf8'));
  const members = parseCsv(readFileSync(join(to, 'cooperations.csv'), 'utf8'));
  const dates = parseCsv(readFileSync(join(to, 'cooperation_body_dates.csv'), 'utf8'));
  const until = new Map(dates.filter((d) => d.until).map((d) => [d.body_id!, d.until!]));
  const dayBefore = (iso: string) => {
    const d = new Date(`${iso}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  };
  const out = ['body_id,municipality_code,since,note'];
  for (const b of bodies) {
    const from = /^from (\d{4}-\d{2}-\d{2})$/.exec(b.as_of ?? '')?.[1];
    if (!from) continue;
    const ended = [...until].filter(([, u]) => u === dayBefore(from)).map(([id]) => id);
    for (const m of members.filter((r) => r.body_id === b.body_id)) {
      const previous = ended.find((id) => members.some((r) => r.body_id === id && r.municipality_code === m.municipality_code));
      if (previous) out.push([b.body_id ?? '', m.municipality_code ?? '', from, `moved from ${previous}, which ended ${dayBefore(from)}`].map(quote).join(','));
    }
  }
  writeFileSync(join(to, 'cooperation_membership_dates.csv'), out.join('\n') + '\n');
  console.log(`wrote ${join(to, 'cooperation_membership_dates.csv')}: ${out.length - 1} memberships with their own start`);
}
