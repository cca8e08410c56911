import { describe, expect, it } from 'vitest';
import { phaseAt } from './phase.ts';
import { at, interaction } from './test-fixtures.ts';

describe('phaseAt', () => {
  const requeued = interaction('i1', [
    ['queued', 10],
    ['offered', 11],
    ['assigned', 20, 'A'],
    ['queued', 50, null],
    ['assigned', 60, 'B'],
    ['answered', 70, 'B'],
    ['completed', 100, 'B'],
  ]);

  it('follows the interaction in and out of the queue, spans closing at the exact instant', () => {
    expect(phaseAt(requeued, at(10) - 1)).toBe('upcoming');
    expect(phaseAt(requeued, at(10))).toBe('waiting');
    expect(phaseAt(requeued, at(11))).toBe('waiting'); // offered, not accepted: still in the queue
    expect(phaseAt(requeued, at(20) - 1)).toBe('waiting');
    expect(phaseAt(requeued, at(20))).toBe('active');
    expect(phaseAt(requeued, at(50))).toBe('waiting'); // back in the queue after the logout
    expect(phaseAt(requeued, at(60))).toBe('active');
    expect(phaseAt(requeued, at(70))).toBe('active');
    expect(phaseAt(requeued, at(100) - 1)).toBe('active');
    expect(phaseAt(requeued, at(100))).toBe('ended');
  });

  it('ends at the first terminal row, whichever it is', () => {
    const expired = interaction('i2', [
      ['queued', 0],
      ['assigned', 5, 'A'],
      ['expired', 9],
    ]);
    expect(phaseAt(expired, at(9) - 1)).toBe('active');
    expect(phaseAt(expired, at(9))).toBe('ended');
  });
});
