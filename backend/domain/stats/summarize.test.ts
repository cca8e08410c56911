import { describe, expect, it } from 'vitest';
import { summarizeInteraction } from './summarize.ts';
import { at, transitions } from './test-fixtures.ts';

describe('summarizeInteraction', () => {
  it('takes each instant from its row and the current state from the latest one', () => {
    const summary = summarizeInteraction(
      transitions('i1', [
        ['queued', 0],
        ['offered', 2],
        ['assigned', 5, 'A'],
        ['answered', 20, 'A'],
        ['completed', 90, 'A'],
      ]),
      'messenger',
    );
    expect(summary).toEqual({
      id: 'i1',
      queuedAt: at(0),
      firstAssignedAt: at(5),
      answeredAt: at(20),
      completedAt: at(90),
      state: 'completed',
      agentId: 'A',
      channel: 'messenger',
      // In the queue from the queuing (offered keeps it there) until the assignment.
      waitingSpans: [{ from: at(0), to: at(5) }],
    });
  });

  it('gives the same summary whatever order the rows come in', () => {
    const ordered = transitions('i1', [
      ['queued', 0],
      ['assigned', 5, 'A'],
      ['queued', 30, null],
      ['assigned', 40, 'B'],
      ['answered', 45, 'B'],
    ]);
    const shuffled = [ordered[4]!, ordered[2]!, ordered[0]!, ordered[3]!, ordered[1]!];
    expect(summarizeInteraction(shuffled)).toEqual(summarizeInteraction(ordered));
  });

  it('keeps the first queuing and first assignment of a re-queued interaction, and its last agent', () => {
    const summary = summarizeInteraction(
      transitions('i1', [
        ['queued', 0],
        ['assigned', 5, 'A'],
        ['queued', 30, null], // A logged out: back to the queue, no agent
        ['assigned', 40, 'B'],
        ['answered', 45, 'B'],
      ]),
    );
    expect(summary).toMatchObject({
      queuedAt: at(0),
      firstAssignedAt: at(5),
      answeredAt: at(45),
      state: 'answered',
      agentId: 'B',
      waitingSpans: [
        { from: at(0), to: at(5) },
        { from: at(30), to: at(40) },
      ],
    });
  });

  it('keeps the last agent while a re-queued interaction waits (the null row does not clear it)', () => {
    const summary = summarizeInteraction(
      transitions('i1', [
        ['queued', 0],
        ['assigned', 5, 'A'],
        ['queued', 30, null],
      ]),
    );
    expect(summary).toMatchObject({
      state: 'queued',
      agentId: 'A',
      waitingSpans: [{ from: at(0), to: at(5) }, { from: at(30) }],
    });
  });

  it('counts an interaction without a queued row as queued at its earliest row, never waiting', () => {
    const summary = summarizeInteraction(
      transitions('i1', [
        ['answered', 12, 'A'],
        ['assigned', 10, 'A'],
      ]),
    );
    expect(summary).toEqual({
      id: 'i1',
      queuedAt: at(10),
      firstAssignedAt: at(10),
      answeredAt: at(12),
      state: 'answered',
      agentId: 'A',
      waitingSpans: [],
    });
  });

  it('opens the wait at an offer when the queued row is missing', () => {
    const summary = summarizeInteraction(
      transitions('i1', [
        ['offered', 3],
        ['assigned', 8, 'A'],
      ]),
    );
    expect(summary.waitingSpans).toEqual([{ from: at(3), to: at(8) }]);
  });

  it('treats the first terminal state as final and ignores rows after it', () => {
    const summary = summarizeInteraction(
      transitions('i1', [
        ['queued', 0],
        ['abandoned', 301],
        ['assigned', 400, 'A'], // a stray row after the end: must not reopen it
        ['completed', 500, 'A'],
      ]),
    );
    expect(summary).toEqual({
      id: 'i1',
      queuedAt: at(0),
      abandonedAt: at(301),
      state: 'abandoned',
      waitingSpans: [{ from: at(0), to: at(301) }],
    });
  });

  it('keeps the given order of rows with the same instant', () => {
    const summary = summarizeInteraction(
      transitions('i1', [
        ['queued', 0],
        ['assigned', 7, 'A'],
        ['answered', 7, 'A'],
      ]),
    );
    expect(summary.state).toBe('answered');
    const reversed = summarizeInteraction(
      transitions('i1', [
        ['queued', 0],
        ['answered', 7, 'A'],
        ['assigned', 7, 'A'],
      ]),
    );
    expect(reversed.state).toBe('assigned');
  });

  it('refuses no rows and rows of several interactions', () => {
    expect(() => summarizeInteraction([])).toThrow(RangeError);
    expect(() =>
      summarizeInteraction([...transitions('i1', [['queued', 0]]), ...transitions('i2', [['queued', 1]])]),
    ).toThrow(/several interactions/);
  });
});
