/** SVG path data from d3-geo, compact and byte-stable. */
import type { GeoContext } from 'd3-geo';

/**
 * A d3-geo path context writing compact SVG path data: coordinates rounded
 * to 0.1 px, an absolute `M` per subpath then relative `l` steps (exact,
 * since the steps are differences of rounded positions), repeated positions
 * dropped, and subpaths that collapse to one point left out.
 */
export class PathWriter implements GeoContext {
  private out = '';
  private sub = '';
  private steps = 0;
  private x = 0;
  private y = 0;
  private sx = 0;
  private sy = 0;

  beginPath(): void {}
  arc(): void {}

  moveTo(x: number, y: number): void {
    this.flush();
    this.x = this.sx = Math.round(x * 10);
    this.y = this.sy = Math.round(y * 10);
    this.sub = `M${tenths(this.x)}${joined(tenths(this.y))}`;
  }

  lineTo(x: number, y: number): void {
    const X = Math.round(x * 10);
    const Y = Math.round(y * 10);
    if (X === this.x && Y === this.y) return;
    const dx = tenths(X - this.x);
    this.sub += `${this.steps === 0 ? `l${dx}` : joined(dx)}${joined(tenths(Y - this.y))}`;
    this.steps++;
    this.x = X;
    this.y = Y;
  }

  closePath(): void {
    if (this.steps > 0) this.sub += 'z';
    this.x = this.sx;
    this.y = this.sy;
    this.flush();
  }

  private flush(): void {
    if (this.steps > 0) this.out += this.sub;
    this.sub = '';
    this.steps = 0;
  }

  result(): string {
    this.flush();
    return this.out;
  }
}

/** An integer count of tenths as a short decimal string: `-3` → `-.3`, `15` → `1.5`, `-0` → `0`. */
const tenths = (n: number) => String(n / 10 || 0).replace(/^(-?)0\./, '$1.');
/** A number after another in path data: negative numbers need no separator. */
const joined = (s: string) => (s.startsWith('-') ? s : ` ${s}`);
