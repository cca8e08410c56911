import { describe, expect, it } from 'vitest';
import {
  abandonedLevel,
  asaLevel,
  chatsOverTimeLevel,
  longestWaitingLevel,
  serviceLevelLevel,
  waitingLevel,
} from './levels.ts';

describe('serviceLevelLevel', () => {
  it('is ok from 80 %, warn from 60 %, alarm below, each cut-off inclusive', () => {
    expect(serviceLevelLevel(100)).toBe('ok');
    expect(serviceLevelLevel(80)).toBe('ok');
    expect(serviceLevelLevel(79.9)).toBe('warn');
    expect(serviceLevelLevel(60)).toBe('warn');
    expect(serviceLevelLevel(59.9)).toBe('alarm');
    expect(serviceLevelLevel(0)).toBe('alarm');
  });

  it('is ok when there is no service level yet', () => {
    expect(serviceLevelLevel(null)).toBe('ok');
  });

  it('takes other cut-offs', () => {
    const strict = { okFromPct: 95, warnFromPct: 90 };
    expect(serviceLevelLevel(94.9, strict)).toBe('warn');
    expect(serviceLevelLevel(89.9, strict)).toBe('alarm');
  });
});

describe('longestWaitingLevel', () => {
  it('warns from half of dropout and alarms at dropout', () => {
    // Dropout 300 s = 300 000 ms; half = 150 000 ms.
    expect(longestWaitingLevel(149_999, 300)).toBe('ok');
    expect(longestWaitingLevel(150_000, 300)).toBe('warn');
    expect(longestWaitingLevel(299_999, 300)).toBe('warn');
    expect(longestWaitingLevel(300_000, 300)).toBe('alarm');
  });

  it('is ok with nobody waiting, even with a dropout of 0', () => {
    expect(longestWaitingLevel(0, 300)).toBe('ok');
    expect(longestWaitingLevel(0, 0)).toBe('ok');
  });

  it('takes other ratios', () => {
    // Dropout 300 s: warn from 0.25 × 300 = 75 s, alarm from 0.8 × 300 = 240 s.
    const early = { warnFromRatio: 0.25, alarmFromRatio: 0.8 };
    expect(longestWaitingLevel(74_999, 300, early)).toBe('ok');
    expect(longestWaitingLevel(75_000, 300, early)).toBe('warn');
    expect(longestWaitingLevel(240_000, 300, early)).toBe('alarm');
  });
});

describe('waitingLevel', () => {
  it('alarms only when more than acd customers wait', () => {
    expect(waitingLevel(2, 2)).toBe('ok');
    expect(waitingLevel(3, 2)).toBe('alarm');
  });
});

describe('chatsOverTimeLevel', () => {
  it('alarms on any chat over chat time', () => {
    expect(chatsOverTimeLevel(0)).toBe('ok');
    expect(chatsOverTimeLevel(1)).toBe('alarm');
  });
});

describe('abandonedLevel', () => {
  it('is ok with none, warns with any, alarms from a fifth of answered + abandoned (inclusive)', () => {
    expect(abandonedLevel(0, 0)).toBe('ok');
    expect(abandonedLevel(0, 50)).toBe('ok');
    expect(abandonedLevel(1, 50)).toBe('warn'); // 1 / 51
    expect(abandonedLevel(1, 5)).toBe('warn'); // 1 / 6 = 16.7 %
    expect(abandonedLevel(1, 4)).toBe('alarm'); // 1 / 5 = 20 %, the cut-off
    expect(abandonedLevel(3, 0)).toBe('alarm');
  });

  it('takes another cut-off', () => {
    expect(abandonedLevel(1, 9, { alarmFromShare: 0.1 })).toBe('alarm');
    expect(abandonedLevel(1, 10, { alarmFromShare: 0.1 })).toBe('warn');
  });
});

describe('asaLevel', () => {
  it('is ok up to the service level target, warn up to twice it, alarm beyond (edges inclusive)', () => {
    expect(asaLevel(null, 30)).toBe('ok');
    expect(asaLevel(0, 30)).toBe('ok');
    expect(asaLevel(30_000, 30)).toBe('ok');
    expect(asaLevel(30_001, 30)).toBe('warn');
    expect(asaLevel(60_000, 30)).toBe('warn');
    expect(asaLevel(60_001, 30)).toBe('alarm');
  });

  it('takes another ratio', () => {
    expect(asaLevel(40_000, 30, { alarmAboveRatio: 1.2 })).toBe('alarm');
  });
});
