/** The fixed layout of a map: margins, the title and legend bands, and rounding for coordinates. */
export const PAD = 8;
export const TITLE_HEIGHT = 32;
export const LEGEND_HEIGHT = 60;
export const LEGEND_STEPS = 32;
/** The band of a map's source line. */
export const SOURCE_HEIGHT = 16;

/** A coordinate rounded to 0.1 px, as short text. */
export const round1 = (n: number) => String(Math.round(n * 10) / 10 || 0);
