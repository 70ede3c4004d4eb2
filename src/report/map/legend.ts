/** The legend of a map: label, colour bar, ticks and the missing-value swatch. */
import { escapeXml } from '../escape.js';
import { colorOf, hexOf, rgb } from './colors.js';
import { LEGEND_HEIGHT, LEGEND_STEPS, PAD, round1 } from './layout.js';
import type { ParsedMapOptions } from './options.js';

function tickValues(o: ParsedMapOptions): number[] {
  const [lo, hi] = o.domain;
  if (Array.isArray(o.ticks)) return o.ticks.filter((v) => v >= Math.min(lo, hi) && v <= Math.max(lo, hi));
  const n = o.ticks;
  return Array.from({ length: n }, (_, k) => (k === n - 1 ? hi : lo + ((hi - lo) * k) / (n - 1)));
}

/** The legend: label, colour bar of discrete steps, ticks, and a swatch for missing values when there are any. */
export function legendSvg(o: ParsedMapOptions & { height: number }, format: (value: number) => string, anyMissing: boolean): string {
  const top = o.height - PAD - LEGEND_HEIGHT + 6;
  const barX = PAD + 12;
  const barY = top + 18;
  const barW = Math.max(40, Math.min(240, o.width - 2 * PAD - 130));
  const [lo, hi] = o.domain;
  const parts: string[] = ['<g class="legend" font-size="11" fill="#222">'];
  if (o.legendLabel) parts.push(`<text x="${PAD}" y="${top + 10}" font-size="12">${escapeXml(o.legendLabel)}</text>`);
  const step = barW / LEGEND_STEPS;
  const steps = Array.from({ length: LEGEND_STEPS }, (_, i) => {
    const color = colorOf(lo + ((hi - lo) * (i + 0.5)) / LEGEND_STEPS, o);
    return `<rect x="${round1(barX + i * step)}" y="${barY}" width="${round1(step + 0.3)}" height="10" fill="${color}"/>`;
  });
  parts.push(`<g shape-rendering="crispEdges">${steps.join('')}</g>`);
  for (const v of tickValues(o)) {
    const x = round1(barX + ((v - lo) / (hi - lo)) * barW);
    parts.push(`<path d="M${x} ${barY + 10}v4" stroke="#222"/><text x="${x}" y="${barY + 25}" text-anchor="middle">${escapeXml(format(v))}</text>`);
  }
  if (anyMissing) {
    const x = barX + barW + 24;
    parts.push(
      `<rect x="${x}" y="${barY}" width="10" height="10" fill="${hexOf(rgb(o.missingColor))}" stroke="#888" stroke-width="0.5"/>`,
      `<text x="${x + 14}" y="${barY + 9}">${escapeXml(o.missingLabel)}</text>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}
