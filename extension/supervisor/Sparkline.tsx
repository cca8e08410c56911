import type { SparkPoint } from './sparkline-path.ts';
import { sparklinePath, yOf } from './sparkline-path.ts';

const W = 240;
const H = 48;

/**
 * A small line chart in inline SVG (no chart library: two lines of a day need none). The picture
 * is described by `label` for screen readers; the numbers themselves are on the tiles.
 */
export function Sparkline(props: {
  label: string;
  points: SparkPoint[];
  tMin: number;
  tMax: number;
  vMax: number;
  /** A dashed line at a threshold (the ACD limit). */
  threshold?: number;
  testId?: string;
}) {
  const scale = { width: W, height: H, tMin: props.tMin, tMax: props.tMax, vMin: 0, vMax: props.vMax };
  return (
    <svg
      class="sparkline"
      viewBox={`-2 -2 ${W + 4} ${H + 4}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
    >
      <title>{props.label}</title>
      <line class="sparkline-axis" x1="0" y1={H} x2={W} y2={H} />
      {props.threshold !== undefined && (
        <line
          class="sparkline-threshold"
          x1="0"
          x2={W}
          y1={yOf(props.threshold, scale)}
          y2={yOf(props.threshold, scale)}
        />
      )}
      <path class="sparkline-line" d={sparklinePath(props.points, scale)} />
    </svg>
  );
}
