import { FIGURE_KEYS, type Figure, type FigureKey } from '../figure.ts';
import { contentScriptFigure } from './content-script.ts';
import { e2eFigure } from './e2e.ts';
import { ingestFigure } from './ingest.ts';
import { notMeasuredYet } from './not-measured-yet.ts';
import { pushFigure } from './push.ts';
import { relayFigure } from './relay.ts';
import { rssFigure } from './rss.ts';

/** Every figure, in the order a full run measures them (baselines before what is compared to them). */
export const FIGURES: Figure[] = [
  contentScriptFigure,
  relayFigure,
  e2eFigure,
  ingestFigure,
  pushFigure,
  rssFigure,
  notMeasuredYet('search', ['search_p95_ms', 'search_fulltext_p95_ms'], 'the recordings search API'),
  notMeasuredYet('snapshot', ['snapshot_ms'], "the supervisor board's snapshot"),
  notMeasuredYet('sidebar', ['sidebar_ready_ms'], 'the sidebar UI'),
];

/**
 * The figures to run for `--only` (figure keys or module names), plus the baselines they are compared
 * with; all of them without it.
 */
export function selectFigures(only: string[] | undefined): Figure[] {
  if (!only?.length) return FIGURES;
  for (const o of only) {
    if (!FIGURES.some((f) => f.name === o) && !FIGURE_KEYS.includes(o as FigureKey))
      throw new Error(`--only: unknown figure "${o}" (keys: ${FIGURE_KEYS.join(', ')})`);
  }
  const wanted = new Set(
    FIGURES.filter((f) => only.includes(f.name) || f.keys.some((k) => only.includes(k))).map((f) => f.name),
  );
  for (const f of FIGURES) if (wanted.has(f.name)) for (const n of f.needs ?? []) wanted.add(n);
  return FIGURES.filter((f) => wanted.has(f.name));
}
