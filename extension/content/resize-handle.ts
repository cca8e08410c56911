import { MAX_WIDTH, MIN_WIDTH, WIDTH_STEP, widthAtPointer } from './sidebar-width.ts';

export interface ResizeHandleOptions {
  label: string;
  width(): number;
  /** The width follows the pointer or the arrow keys. */
  onResize(width: number): void;
  /** The agent let go: the width to remember. */
  onSettle(width: number): void;
  /** While dragging, the iframe must not swallow the pointer. */
  onDragging(dragging: boolean): void;
  signal: AbortSignal;
}

/**
 * The sidebar's left edge: drag it, or focus it and use the arrow keys (the ARIA window splitter
 * pattern), to choose the sidebar's width.
 */
export function createResizeHandle(o: ResizeHandleOptions): HTMLElement {
  const handle = document.createElement('div');
  handle.className = 'resize';
  handle.tabIndex = 0;
  handle.setAttribute('role', 'separator');
  handle.setAttribute('aria-orientation', 'vertical');
  handle.setAttribute('aria-label', o.label);
  handle.setAttribute('aria-valuemin', String(MIN_WIDTH));
  handle.setAttribute('aria-valuemax', String(MAX_WIDTH));
  const on = <K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void) =>
    handle.addEventListener(type, fn, { signal: o.signal });

  let dragging = false;
  const stop = () => {
    if (!dragging) return;
    dragging = false;
    o.onDragging(false);
    o.onSettle(o.width());
  };
  on('pointerdown', (e) => {
    if (e.button !== 0) return;
    e.preventDefault(); // no text selection on the page while dragging
    handle.setPointerCapture(e.pointerId);
    dragging = true;
    o.onDragging(true);
  });
  on('pointermove', (e) => {
    if (dragging) o.onResize(widthAtPointer(window.innerWidth, e.clientX));
  });
  on('pointerup', stop);
  on('pointercancel', stop);
  on('lostpointercapture', stop);
  on('keydown', (e) => {
    const delta = e.key === 'ArrowLeft' ? WIDTH_STEP : e.key === 'ArrowRight' ? -WIDTH_STEP : 0;
    if (!delta) return;
    // Facebook has keyboard shortcuts of its own: this key was ours.
    e.preventDefault();
    e.stopPropagation();
    o.onResize(o.width() + delta);
    o.onSettle(o.width());
  });
  return handle;
}
