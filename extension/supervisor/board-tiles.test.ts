import { describe, expect, it } from 'vitest';
import { board, campaignBoard, keys } from './board-test-fixtures.ts';
import { alarmsOf, boardTiles, longestWaitingLevel } from './board-tiles.ts';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const tile = (key: string, nowMs = NOW, b = campaignBoard()) =>
  boardTiles(b, nowMs, keys).find((x) => x.key === key)!;

describe('board tiles', () => {
  it('show the service level with its formula built from the numbers, in the catalog language', () => {
    expect(tile('serviceLevel')).toEqual({
      key: 'serviceLevel',
      metric: 'serviceLevel',
      value: '66.7 %',
      level: 'warn',
      detail: 'slFormula(12,30,15,3,66.7 %)',
    });
  });

  it('show a dash, not NaN or 0, when there is no service level or ASA yet', () => {
    const base = campaignBoard();
    const empty = campaignBoard({
      tiles: {
        ...base.tiles,
        serviceLevel: {
          ...base.tiles.serviceLevel,
          pct: null,
          answered: 0,
          answeredWithinSl: 0,
          abandoned: 0,
        },
        asa: { ms: null, level: 'ok' },
      },
    });
    expect(tile('serviceLevel', NOW, empty).value).toBe('—');
    expect(tile('asa', NOW, empty).value).toBe('—');
  });

  it('tick the longest wait from the oldest queued time, judging it against dropout as it goes', () => {
    // Dropout 600 s: warn from 300 s, alarm from 600 s (both inclusive); queued at 11:58.
    expect(tile('longestWaiting')).toMatchObject({ value: '2m 00s', level: 'ok' });
    expect(tile('longestWaiting', NOW + 179_999).level).toBe('ok');
    expect(tile('longestWaiting', NOW + 180_000)).toMatchObject({ value: '5m 00s', level: 'warn' });
    expect(tile('longestWaiting', NOW + 480_000)).toMatchObject({ value: '10m 00s', level: 'alarm' });
  });

  it("never shows a better level than the server's", () => {
    const base = campaignBoard();
    const judged = campaignBoard({
      tiles: { ...base.tiles, longestWaiting: { ...base.tiles.longestWaiting, level: 'alarm' } },
    });
    expect(tile('longestWaiting', NOW, judged).level).toBe('alarm');
  });

  it('drill into the ACD alarm when the queue is over it, else into the waiting list', () => {
    const base = campaignBoard();
    const over = campaignBoard({
      tiles: { ...base.tiles, waiting: { value: 6, acd: 5, level: 'alarm' } },
    });
    expect(tile('waiting')).toMatchObject({ metric: 'waiting', detail: 'waitingDetail(5)' });
    expect(tile('waiting', NOW, over)).toMatchObject({ metric: 'acdAlarm', value: '6', level: 'alarm' });
  });

  it('count the alarms of a campaign', () => {
    const base = campaignBoard();
    const alarming = campaignBoard({
      tiles: {
        ...base.tiles,
        waiting: { value: 6, acd: 5, level: 'alarm' },
        chatsOverTime: { value: 1, interactionIds: ['i1'], level: 'alarm' },
      },
    });
    expect(alarmsOf(alarming, NOW)).toEqual(['waiting', 'chatsOverTime']);
    expect(alarmsOf(board().campaigns[0]!, NOW)).toEqual([]);
  });
});

describe('longestWaitingLevel', () => {
  it('is ok for an empty queue even with a zero dropout', () => {
    expect(longestWaitingLevel(0, 0)).toBe('ok');
    expect(longestWaitingLevel(1, 0)).toBe('alarm');
  });
});
