import type { Figure, FigureKey } from '../figure.ts';

/**
 * A figure whose product code has not landed yet: it reports null with the reason, never a number.
 * Replace it with a real module (one file under figures/) when the code it measures exists.
 */
export function notMeasuredYet(name: string, keys: FigureKey[], waitingFor: string): Figure {
  return {
    name,
    keys,
    run: async () => ({
      values: Object.fromEntries(keys.map((k) => [k, null])),
      missing: `not measured yet (needs ${waitingFor})`,
    }),
  };
}
