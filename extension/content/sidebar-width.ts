/** The sidebar's width in CSS pixels: the agent drags it between these bounds; we remember it. */
export const MIN_WIDTH = 280;
export const MAX_WIDTH = 640;
export const DEFAULT_WIDTH = 380;
/** How far one arrow key press moves the resize handle. */
export const WIDTH_STEP = 16;

/** A width the sidebar can take; anything stored that is not a number gives the default. */
export function clampWidth(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_WIDTH;
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, value)));
}

/** The sidebar hugs the right edge: dragging its left edge to `pointerX` gives this width. */
export function widthAtPointer(viewportWidth: number, pointerX: number): number {
  return clampWidth(viewportWidth - pointerX);
}
