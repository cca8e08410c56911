import { describe, expect, it } from 'vitest';
import { at, interaction } from './test-fixtures.ts';
import { isWaitingAt, longestWaitingMs, waitingAt } from './waiting.ts';

const DROPOUT = 300; // seconds

describe('isWaitingAt', () => {
  const queued = interaction('i1', [['queued', 0]]);

  it('keeps an interaction waiting up to exactly dropout and drops it one millisecond later', () => {
    expect(isWaitingAt(queued, at(300), DROPOUT)).toBe(true);
    expect(isWaitingAt(queued, at(300) + 1, DROPOUT)).toBe(false);
  });

  it('counts an offered interaction as waiting and an assigned one as not', () => {
    const offered = interaction('i2', [
      ['queued', 0],
      ['offered', 1],
    ]);
    const assigned = interaction('i3', [
      ['queued', 0],
      ['assigned', 1, 'A'],
    ]);
    expect(isWaitingAt(offered, at(2), DROPOUT)).toBe(true);
    expect(isWaitingAt(assigned, at(2), DROPOUT)).toBe(false);
  });

  it('sees a re-queued interaction waiting again', () => {
    const requeued = interaction('i4', [
      ['queued', 0],
      ['assigned', 10, 'A'],
      ['queued', 60, null],
    ]);
    expect(isWaitingAt(requeued, at(30), DROPOUT)).toBe(false);
    expect(isWaitingAt(requeued, at(60), DROPOUT)).toBe(true);
  });

  it('keeps an answered interaction put back in the queue past dropout (it is not unanswered)', () => {
    const answered = interaction('i5', [
      ['queued', 0],
      ['assigned', 5, 'A'],
      ['answered', 10, 'A'],
      ['queued', 400, null],
    ]);
    expect(isWaitingAt(answered, at(500), DROPOUT)).toBe(true);
  });
});

describe('waitingAt and longestWaitingMs', () => {
  it('lists the queue oldest first and ages the oldest from its first queuing', () => {
    const queue = waitingAt(
      [
        interaction('late', [['queued', 250]]),
        interaction('requeued', [
          ['queued', 100],
          ['assigned', 110, 'A'],
          ['queued', 200, null],
        ]),
        interaction('tie-b', [['queued', 150]]),
        interaction('tie-a', [['queued', 150]]),
      ],
      at(300),
      DROPOUT,
    );
    expect(queue.map((i) => i.id)).toEqual(['requeued', 'tie-a', 'tie-b', 'late']);
    // Oldest queued at 100 s, now 300 s: 200 s = 200 000 ms.
    expect(longestWaitingMs(queue, at(300))).toBe(200_000);
  });

  it('is 0 with nobody waiting', () => {
    expect(longestWaitingMs([], at(300))).toBe(0);
  });
});
