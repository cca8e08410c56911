import { describe, expect, it } from 'vitest';
import { abandonmentAt, isAbandonedBy } from './abandonment.ts';
import { at, interaction } from './test-fixtures.ts';

const DROPOUT = 300; // seconds

describe('abandonmentAt', () => {
  it('counts a still-queued interaction as abandoned from the first millisecond past dropout', () => {
    const waiting = interaction('i1', [['queued', 0]]);
    // Older than 300 s only after 0 + 300 s: the first such millisecond is at(300) + 1.
    expect(abandonmentAt(waiting, DROPOUT)).toBe(at(300) + 1);
    expect(isAbandonedBy(waiting, DROPOUT, at(300))).toBe(false); // exactly dropout: still waiting
    expect(isAbandonedBy(waiting, DROPOUT, at(300) + 1)).toBe(true);
  });

  it('abandons a re-queued interaction the moment it comes back past dropout (aged from the first queuing)', () => {
    const requeued = interaction('i1', [
      ['queued', 0],
      ['assigned', 100, 'A'],
      ['queued', 500, null],
    ]);
    // In the queue [0, 100) — never older than 300 s there — then again from 500 s, already 500 s old.
    expect(abandonmentAt(requeued, DROPOUT)).toBe(at(500));
  });

  it('takes the abandoned row when it comes first (the customer withdrew)', () => {
    const withdrawn = interaction('i1', [
      ['queued', 0],
      ['abandoned', 200],
    ]);
    expect(abandonmentAt(withdrawn, DROPOUT)).toBe(at(200));
  });

  it('keeps the dropout instant when the worker writes the row late, so the day does not move', () => {
    const late = interaction('i1', [
      ['queued', 0],
      ['abandoned', 420],
    ]);
    // min(0 + 300 s + 1 ms, 420 s) = 300 s + 1 ms.
    expect(abandonmentAt(late, DROPOUT)).toBe(at(300) + 1);
  });

  it('never abandons an interaction an agent holds, however long it stays unanswered', () => {
    const held = interaction('i1', [
      ['queued', 0],
      ['assigned', 10, 'A'],
    ]);
    expect(abandonmentAt(held, DROPOUT)).toBeUndefined();
    expect(isAbandonedBy(held, DROPOUT, at(10_000))).toBe(false);
  });

  it('does not abandon an answered interaction put back in the queue', () => {
    const answeredThenRequeued = interaction('i1', [
      ['queued', 0],
      ['assigned', 5, 'A'],
      ['answered', 10, 'A'],
      ['queued', 400, null],
    ]);
    expect(abandonmentAt(answeredThenRequeued, DROPOUT)).toBeUndefined();
  });
});

describe('isAbandonedBy', () => {
  it('lets a later answer win over an abandonment counted while the worker lagged', () => {
    const answeredLate = interaction('i1', [
      ['queued', 0],
      ['assigned', 350, 'A'],
      ['answered', 360, 'A'],
    ]);
    expect(abandonmentAt(answeredLate, DROPOUT)).toBe(at(300) + 1);
    expect(isAbandonedBy(answeredLate, DROPOUT, at(359))).toBe(true);
    expect(isAbandonedBy(answeredLate, DROPOUT, at(360))).toBe(false);
  });

  it('does not count a comment deleted after the reply as abandoned', () => {
    const deletedAfterReply = interaction('i1', [
      ['queued', 0],
      ['assigned', 5, 'A'],
      ['answered', 10, 'A'],
      ['abandoned', 60],
    ]);
    expect(isAbandonedBy(deletedAfterReply, DROPOUT, at(60))).toBe(false);
  });

  it('keeps an interaction that waited past dropout abandoned after it expired', () => {
    const expired = interaction('i1', [
      ['queued', 0],
      ['expired', 86_400],
    ]);
    expect(isAbandonedBy(expired, DROPOUT, at(90_000))).toBe(true);
  });
});
