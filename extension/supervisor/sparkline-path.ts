export interface SparkPoint {
  /** Epoch ms. */
  t: number;
  /** Null: nothing to plot here (a gap in the line). */
  v: number | null;
}

export interface SparkScale {
  width: number;
  height: number;
  tMin: number;
  tMax: number;
  vMin: number;
  vMax: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Where a value sits in the box: y grows downwards, values outside the scale are clamped. */
export function yOf(v: number, s: SparkScale): number {
  const span = s.vMax - s.vMin || 1;
  const clamped = Math.min(s.vMax, Math.max(s.vMin, v));
  return round(s.height - ((clamped - s.vMin) / span) * s.height);
}

/**
 * An SVG path for a small line chart: one stroke per run of known values, a gap where a value is
 * null (no service level yet), and a lone point drawn as a short dash so it stays visible.
 */
export function sparklinePath(points: readonly SparkPoint[], s: SparkScale): string {
  const tSpan = s.tMax - s.tMin || 1;
  const x = (t: number) => round(((Math.min(s.tMax, Math.max(s.tMin, t)) - s.tMin) / tSpan) * s.width);
  const parts: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length === 1) {
      const [mx, my] = (run[0] as string).split(' ');
      parts.push(`M${mx} ${my}h1`);
    } else if (run.length > 1) parts.push(`M${run.join('L')}`);
    run = [];
  };
  for (const p of points) {
    if (p.v === null) flush();
    else run.push(`${x(p.t)} ${yOf(p.v, s)}`);
  }
  flush();
  return parts.join('');
}
