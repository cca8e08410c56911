import { describe, expect, it } from 'vitest';
import {
  averageHandleTimeMs,
  averageSpeedOfAnswerMs,
  dayOutcomeCounts,
  dayOutcomes,
} from './day-outcomes.ts';
import { summarizeInteraction } from './summarize.ts';
import { at, CAMPAIGN_DAY, CAMPAIGN_NOW, DAY_START, interaction, THRESHOLDS } from './test-fixtures.ts';

const ids = (list: readonly { id: string }[]) => list.map((i) => i.id);

describe('dayOutcomes at the day boundary', () => {
  it('counts an answer at exactly midnight as today and one a millisecond earlier as yesterday', () => {
    const answeredAt = (id: string, ms: number) =>
      summarizeInteraction([
        { interactionId: id, state: 'queued', at: at(-10) },
        { interactionId: id, state: 'answered', at: ms, agentId: 'A' },
      ]);
    const interactions = [answeredAt('yesterday', DAY_START - 1), answeredAt('today', DAY_START)];
    const day = dayOutcomes({ interactions, thresholds: THRESHOLDS, dayStart: DAY_START, asOf: at(60) });
    expect(ids(day.answered)).toEqual(['today']);
  });

  it('puts a dropout that falls on the last millisecond of yesterday into today, once', () => {
    // Queued 300 s + 1 ms before midnight: exactly dropout old at DAY_START − 1 (still waiting),
    // older than dropout from DAY_START on.
    const edge = summarizeInteraction([{ interactionId: 'edge', state: 'queued', at: DAY_START - 300_001 }]);
    const input = { interactions: [edge], thresholds: THRESHOLDS };
    expect(dayOutcomes({ ...input, dayStart: at(-86_400), asOf: DAY_START - 1 }).abandoned).toEqual([]);
    expect(ids(dayOutcomes({ ...input, dayStart: DAY_START, asOf: DAY_START }).abandoned)).toEqual(['edge']);
  });

  it("leaves yesterday's dropout in yesterday", () => {
    // Queued at −302 s: older than dropout from −2 s + 1 ms, before midnight.
    const old = interaction('old', [['queued', -302]]);
    const input = { interactions: [old], thresholds: THRESHOLDS };
    expect(ids(dayOutcomes({ ...input, dayStart: at(-86_400), asOf: DAY_START - 1 }).abandoned)).toEqual([
      'old',
    ]);
    expect(dayOutcomes({ ...input, dayStart: DAY_START, asOf: at(60) }).abandoned).toEqual([]);
  });
});

describe('dayOutcomes as of an instant', () => {
  it('ignores what has not happened yet at that instant', () => {
    const later = interaction('i1', [
      ['queued', 0],
      ['assigned', 5, 'A'],
      ['answered', 20, 'A'],
      ['completed', 90, 'A'],
    ]);
    const early = dayOutcomes({
      interactions: [later],
      thresholds: THRESHOLDS,
      dayStart: DAY_START,
      asOf: at(19),
    });
    expect(early.answered).toEqual([]);
    expect(early.completed).toEqual([]);
    const after = dayOutcomes({
      interactions: [later],
      thresholds: THRESHOLDS,
      dayStart: DAY_START,
      asOf: at(90),
    });
    expect(ids(after.answered)).toEqual(['i1']);
    expect(ids(after.completed)).toEqual(['i1']);
  });

  it('leaves a completed interaction without an assignment row out of AHT only', () => {
    const noAssignment = interaction('i1', [
      ['queued', 0],
      ['answered', 20, 'A'],
      ['completed', 90, 'A'],
    ]);
    const day = dayOutcomes({
      interactions: [noAssignment],
      thresholds: THRESHOLDS,
      dayStart: DAY_START,
      asOf: at(90),
    });
    expect(ids(day.completed)).toEqual(['i1']);
    expect(day.handled).toEqual([]);
    expect(averageHandleTimeMs(day.handled)).toBeNull();
  });
});

describe('averages', () => {
  it('averages the speed of answer from the first queuing, re-queues included', () => {
    const requeued = interaction('i1', [
      ['queued', 0],
      ['assigned', 10, 'A'],
      ['queued', 40, null],
      ['assigned', 50, 'B'],
      ['answered', 70, 'B'],
    ]);
    const direct = interaction('i2', [
      ['queued', 100],
      ['assigned', 105, 'A'],
      ['answered', 110, 'A'],
    ]);
    // (70 − 0 + 110 − 100) / 2 = (70 + 10) / 2 = 40 s = 40 000 ms (not 20 s from the re-queue).
    expect(averageSpeedOfAnswerMs([requeued, direct])).toBe(40_000);
  });

  it('is null over nothing', () => {
    expect(averageSpeedOfAnswerMs([])).toBeNull();
    expect(averageHandleTimeMs([])).toBeNull();
  });
});

describe('dayOutcomeCounts', () => {
  it('counts what dayOutcomes lists, and sums what the averages average, at every instant of the day', () => {
    for (let seconds = -1000; seconds <= 3600; seconds += 10) {
      const input = {
        interactions: CAMPAIGN_DAY,
        thresholds: THRESHOLDS,
        dayStart: DAY_START,
        asOf: at(seconds),
      };
      if (input.asOf < DAY_START) input.dayStart = at(-86_400);
      const lists = dayOutcomes(input);
      const counts = dayOutcomeCounts(input);
      expect(counts, String(seconds)).toEqual({
        answered: lists.answered.length,
        answeredWithinSl: lists.answeredWithinSl.length,
        abandoned: lists.abandoned.length,
        completed: lists.completed.length,
        handled: lists.handled.length,
        answerMsSum: (averageSpeedOfAnswerMs(lists.answered) ?? 0) * lists.answered.length,
        handleMsSum: (averageHandleTimeMs(lists.handled) ?? 0) * lists.handled.length,
      });
    }
    // The fixture's day at its "now" has something in every list.
    expect(
      dayOutcomeCounts({
        interactions: CAMPAIGN_DAY,
        thresholds: THRESHOLDS,
        dayStart: DAY_START,
        asOf: CAMPAIGN_NOW,
      }),
    ).toMatchObject({
      answered: 3,
      abandoned: 2,
      completed: 3,
      handled: 3,
    });
  });
});
