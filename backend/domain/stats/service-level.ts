/**
 * DOMAIN.md: "Service level = answered within `serviceLevel` seconds / (answered + abandoned), in
 * percent. Show the formula next to the number."
 */
export interface ServiceLevel {
  /**
   * Rounded to one decimal, the precision the formula shows, so the tile, the formula and the tile's
   * colour (see `levels.ts`) all judge the same number. Null when nothing was answered or abandoned:
   * there is no service level yet, and never a NaN.
   */
  pct: number | null;
  /** E.g. "12 answered within 30 s / (15 answered + 3 abandoned) = 66.7 %". */
  formula: string;
}

export function serviceLevel(counts: {
  answered: number;
  answeredWithinSl: number;
  abandoned: number;
  serviceLevelSeconds: number;
}): ServiceLevel {
  const { answered, answeredWithinSl, abandoned, serviceLevelSeconds } = counts;
  const denominator = answered + abandoned;
  const pct = denominator === 0 ? null : Math.round((answeredWithinSl / denominator) * 1000) / 10;
  const ratio = `${answeredWithinSl} answered within ${serviceLevelSeconds} s / (${answered} answered + ${abandoned} abandoned)`;
  return { pct, formula: `${ratio} = ${pct === null ? 'n/a' : `${pct.toFixed(1)} %`}` };
}
