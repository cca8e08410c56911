import { describe, expect, it } from 'vitest';
import { formatRemaining, windowState } from './messenger-window.ts';

const now = Date.parse('2026-11-24T10:00:00Z');
const min = 60_000;

describe('the Messenger window countdown', () => {
  it('says the time left as precisely as it is useful', () => {
    expect(formatRemaining(30_000)).toBe('< 1 min');
    expect(formatRemaining(12 * min + 59_000)).toBe('12 min');
    expect(formatRemaining((3 * 60 + 12) * min)).toBe('3 h 12 min');
    expect(formatRemaining((2 * 24 + 4) * 60 * min)).toBe('2 d 4 h');
    expect(formatRemaining(2 * 24 * 60 * min)).toBe('2 d');
  });

  it('counts down the 24-hour window with its tag, and the 7-day human agent window in days', () => {
    const closesAt = new Date(now + (3 * 60 + 12) * min).toISOString();
    expect(windowState({ state: 'open', tag: 'RESPONSE', closesAt }, now)).toEqual({
      open: true,
      key: 'windowClosesIn',
      subs: ['3 h 12 min', 'RESPONSE'],
      urgent: false,
    });
    const week = new Date(now + 2 * 24 * 60 * min + 30 * min).toISOString();
    expect(windowState({ state: 'open', tag: 'HUMAN_AGENT', closesAt: week }, now)).toMatchObject({
      key: 'windowHumanAgentLeft',
      subs: ['2 d'],
    });
    expect(
      windowState({ state: 'open', tag: 'RESPONSE', closesAt: new Date(now + 20 * min).toISOString() }, now),
    ).toMatchObject({ urgent: true });
  });

  it('is closed with the reason, or once the clock passes the end', () => {
    expect(windowState({ state: 'closed', reason: 'The 7 days have passed.' }, now)).toEqual({
      open: false,
      key: 'windowClosedBecause',
      subs: ['The 7 days have passed.'],
    });
    expect(
      windowState({ state: 'open', tag: 'RESPONSE', closesAt: new Date(now - 1).toISOString() }, now),
    ).toEqual({ open: false, key: 'windowClosed', subs: [] });
  });
});
