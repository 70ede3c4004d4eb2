/** The legend of a map: label, then a colour bar with ticks, class swatches with their breaks, or category swatches; and the missing-value swatch. */
import { escapeXml } from '../escape.js';
import { colorOf, hexOf, rgb } from './colors.js';
import { textWidth } from './labels.js';
import { LEGEND_HEIGHT, LEGEND_STEPS, PAD, round1 } from './layout.js';
import type { FittedScale } from './scale.js';

/** What a legend needs of the map's options. */
export interface LegendFrame {
  width: number;
  height: number;
  legendLabel?: string | undefined;
  missingLabel: string;
  missingColor: string;
}

/** What the continuous legend of {@link legendSvg} needs: the frame and a linear scale's options. */
export interface LinearLegendOptions extends LegendFrame {
  domain: [number, number];
  ticks: number | number[];
  colors: string[];
}

/** The outline that marks a missing value on the map and in the legend, so it stays apart from the lightest colour in greyscale print. */
export const MISSING_OUTLINE = 'stroke="#555555" stroke-width="0.6" stroke-dasharray="2 1.5"';

const ROW = 15;
const barWidth = (o: LegendFrame) => Math.max(40, Math.min(240, o.width - 2 * PAD - 130));

/** Category swatches (and the missing one) laid out in rows: each item's x offset and row. */
function categoryFlow(o: LegendFrame, labels: readonly string[]): { x: number; row: number }[] {
  const room = o.width - 2 * PAD - 12;
  const out: { x: number; row: number }[] = [];
  let [x, row] = [0, 0];
  for (const label of labels) {
    const w = 14 + textWidth(label, 11) + 14;
    if (x > 0 && x + w > room) [x, row] = [0, row + 1];
    out.push({ x, row });
    x += w;
  }
  return out;
}

const categoryLabels = (scale: FittedScale, o: LegendFrame, anyMissing: boolean) => (scale.kind === 'categorical' ? [...scale.categories.map((c) => c.label), ...(anyMissing ? [o.missingLabel] : [])] : []);

/** The height of the legend band: {@link LEGEND_HEIGHT}, or more for categories that need more than two rows. */
export function legendHeight(o: LegendFrame, scale: FittedScale, anyMissing: boolean): number {
  if (scale.kind !== 'categorical') return LEGEND_HEIGHT;
  const flow = categoryFlow(o, categoryLabels(scale, o, anyMissing));
  const rows = flow.length === 0 ? 0 : flow.at(-1)!.row + 1;
  return Math.max(LEGEND_HEIGHT, 24 + rows * ROW);
}

/** The legend of a fitted scale, in the band at the bottom of a map of `o.height`. */
export function scaleLegendSvg(o: LegendFrame, scale: FittedScale, anyMissing: boolean): string {
  const band = legendHeight(o, scale, anyMissing);
  const top = o.height - PAD - band + 6;
  const barX = PAD + 12;
  const barY = top + 18;
  const barW = barWidth(o);
  const parts: string[] = [`<g class="legend legend-${scale.kind}" font-size="11" fill="#222">`];
  if (o.legendLabel) parts.push(`<text x="${PAD}" y="${top + 10}" font-size="12">${escapeXml(o.legendLabel)}</text>`);
  const tick = (x: number, v: number) => `<path d="M${round1(x)} ${barY + 10}v4" stroke="#222"/><text x="${round1(x)}" y="${barY + 25}" text-anchor="middle">${escapeXml(scale.label(v))}</text>`;
  const missingSwatch = (x: number, y: number) =>
    `<g class="missing"><rect x="${round1(x)}" y="${round1(y)}" width="10" height="10" fill="${hexOf(rgb(o.missingColor))}" ${MISSING_OUTLINE}/><text x="${round1(x + 14)}" y="${round1(y + 9)}">${escapeXml(o.missingLabel)}</text></g>`;

  if (scale.kind === 'categorical') {
    const labels = categoryLabels(scale, o, anyMissing);
    categoryFlow(o, labels).forEach(({ x, row }, i) => {
      const [sx, sy] = [barX + x, barY + row * ROW];
      const c = scale.categories[i];
      parts.push(
        c
          ? `<g class="category"><rect x="${round1(sx)}" y="${round1(sy)}" width="10" height="10" fill="${c.color}" stroke="#888" stroke-width="0.5"/><text x="${round1(sx + 14)}" y="${round1(sy + 9)}">${escapeXml(c.label)}</text></g>`
          : missingSwatch(sx, sy),
      );
    });
  } else if (scale.kind === 'classes') {
    const n = scale.colors.length;
    const w = barW / n;
    parts.push(`<g shape-rendering="crispEdges">${scale.colors.map((c, i) => `<rect class="class" x="${round1(barX + i * w)}" y="${barY}" width="${round1(w - 1)}" height="10" fill="${c}"/>`).join('')}</g>`);
    if (scale.range) parts.push(tick(barX, scale.range[0]));
    scale.breaks.forEach((b, i) => parts.push(tick(barX + (i + 1) * w - 0.5, b)));
    // A top class of the largest value alone (ties at 100 %) is named by its break: the end would repeat it.
    if (scale.range && scale.range[1] !== scale.breaks.at(-1)) parts.push(tick(barX + barW - 1, scale.range[1]));
  } else {
    const [lo, hi] = scale.domain;
    const step = barW / LEGEND_STEPS;
    const steps = Array.from({ length: LEGEND_STEPS }, (_, i) => `<rect x="${round1(barX + i * step)}" y="${barY}" width="${round1(step + 0.3)}" height="10" fill="${scale.color(lo + ((hi - lo) * (i + 0.5)) / LEGEND_STEPS)}"/>`);
    parts.push(`<g shape-rendering="crispEdges">${steps.join('')}</g>`);
    for (const v of scale.ticks) parts.push(tick(barX + ((v - lo) / (hi - lo)) * barW, v));
  }
  if (anyMissing && scale.kind !== 'categorical') parts.push(missingSwatch(barX + barW + 24, barY));
  parts.push('</g>');
  return parts.join('');
}

/** Evenly spaced ticks over the domain (or the values given within it). */
function evenTicks(o: LinearLegendOptions): number[] {
  const [lo, hi] = o.domain;
  if (Array.isArray(o.ticks)) return o.ticks.filter((v) => v >= Math.min(lo, hi) && v <= Math.max(lo, hi));
  const n = o.ticks;
  return Array.from({ length: n }, (_, k) => (k === n - 1 ? hi : lo + ((hi - lo) * k) / (n - 1)));
}

/** The legend of a continuous scale over `o.domain` with evenly spaced ticks: label, colour bar of discrete steps, ticks, and a swatch for missing values when there are any. */
export function legendSvg(o: LinearLegendOptions, format: (value: number) => string, anyMissing: boolean): string {
  const scale: FittedScale = { kind: 'linear', domain: o.domain, ticks: evenTicks(o), color: (v) => colorOf(v, { domain: o.domain, colors: o.colors, missingColor: o.missingColor }), text: format, label: format };
  return scaleLegendSvg(o, scale, anyMissing);
}
