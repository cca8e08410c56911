import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchShown } from './shown.ts';

afterEach(() => vi.unstubAllGlobals());

/** An IntersectionObserver the test drives: `report(true)` is the frame coming on screen. */
function fakeObserver() {
  const state = { observed: null as Element | null, disconnected: false, report: (_: boolean) => {} };
  class FakeIntersectionObserver {
    constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
      state.report = (on) => callback([{ isIntersecting: on }]);
    }
    observe(el: Element) {
      state.observed = el;
    }
    disconnect() {
      state.disconnected = true;
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  return state;
}

describe('whether the sidebar is on screen', () => {
  it('follows its own document in and out of view until the signal aborts', () => {
    const io = fakeObserver();
    const seen: boolean[] = [];
    const ac = new AbortController();
    watchShown((on) => seen.push(on), ac.signal);
    expect(io.observed).toBe(document.documentElement);
    io.report(false);
    io.report(true);
    expect(seen).toEqual([false, true]);
    ac.abort();
    expect(io.disconnected).toBe(true);
  });

  it('counts as shown where there is no IntersectionObserver', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const seen: boolean[] = [];
    watchShown((on) => seen.push(on), new AbortController().signal);
    expect(seen).toEqual([true]);
  });
});
