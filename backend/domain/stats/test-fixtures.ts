/**
 * Test support (not used by production code): interactions written as lifecycle steps in seconds
 * after a fixed midnight, so the hand-worked arithmetic in the tests reads in seconds.
 */
import { summarizeInteraction } from './summarize.ts';
import type { Channel, InteractionState, InteractionSummary, Thresholds, Transition } from './types.ts';

/** An arbitrary midnight; the metrics only ever see differences from it. */
export const DAY_START = Date.UTC(2026, 2, 10);

/** The instant `seconds` after DAY_START (negative: yesterday). */
export function at(seconds: number): number {
  return DAY_START + seconds * 1000;
}

export type Step = readonly [state: InteractionState, seconds: number, agentId?: string | null];

export function transitions(id: string, steps: readonly Step[]): Transition[] {
  return steps.map(([state, seconds, agentId]) => ({
    interactionId: id,
    state,
    at: at(seconds),
    ...(agentId === undefined ? {} : { agentId }),
  }));
}

export function interaction(id: string, steps: readonly Step[], channel?: Channel): InteractionSummary {
  return summarizeInteraction(transitions(id, steps), channel);
}

/** serviceLevel 30 s, dropout 300 s, chat time 600 s, at most 2 waiting. */
export const THRESHOLDS: Thresholds = { serviceLevel: 30, dropout: 300, chatTime: 600, acd: 2 };

/** "Now" for CAMPAIGN_DAY: 01:00, 3600 s after midnight. */
export const CAMPAIGN_NOW = at(3600);

/**
 * One campaign's day, judged at CAMPAIGN_NOW with THRESHOLDS. Each line says what it is for.
 */
export const CAMPAIGN_DAY: readonly InteractionSummary[] = [
  // Answered after exactly 30 s (the SL edge: within), completed: handle 400 − 110 = 290 s.
  interaction('a1', [
    ['queued', 100],
    ['assigned', 110, 'A'],
    ['answered', 130, 'A'],
    ['completed', 400, 'A'],
  ]),
  // Answered after 31 s (outside SL), completed: handle 800 − 205 = 595 s.
  interaction('a2', [
    ['queued', 200],
    ['assigned', 205, 'A'],
    ['answered', 231, 'A'],
    ['completed', 800, 'A'],
  ]),
  // Answered YESTERDAY, completed today: counts in completed and AHT (50 − (−490) = 540 s), not answered.
  interaction('a3', [
    ['queued', -500],
    ['assigned', -490, 'B'],
    ['answered', -480, 'B'],
    ['completed', 50, 'B'],
  ]),
  // Re-queued when A logged out, answered by B: waited 1089 − 1000 = 89 s from the FIRST queuing.
  // Still active; its chat started at the first assignment (1010): 3600 − 1010 = 2590 s > 600 s.
  interaction('a4', [
    ['queued', 1000],
    ['assigned', 1010, 'A'],
    ['queued', 1070, null],
    ['assigned', 1080, 'B'],
    ['answered', 1089, 'B'],
  ]),
  // Withdrawn by the customer (comment deleted) at 1520: abandoned today.
  interaction('a5', [
    ['queued', 1500],
    ['abandoned', 1520],
  ]),
  // Still queued, 3600 − 3000 = 600 s > dropout: abandoned since 3000 + 300 s + 1 ms, no longer waiting.
  interaction('a6', [['queued', 3000]]),
  // Queued exactly dropout ago (3600 − 3300 = 300 s): still waiting, and the longest wait.
  interaction('a7', [['queued', 3300]]),
  // Waiting 100 s.
  interaction('a8', [['queued', 3500]]),
  // Offered (ringall) but not accepted: still waiting, 50 s.
  interaction('a9', [
    ['queued', 3550],
    ['offered', 3551],
  ]),
  // Assigned, unanswered, held exactly chat time (3600 − 3000 = 600 s): not flagged. Not waiting.
  interaction('a10', [
    ['queued', 2990],
    ['assigned', 3000, 'A'],
  ]),
  // Entirely yesterday: counts nowhere today.
  interaction('a11', [
    ['queued', -900],
    ['assigned', -890, 'A'],
    ['answered', -880, 'A'],
    ['completed', -800, 'A'],
  ]),
  // Abandoned yesterday: not today's.
  interaction('a12', [
    ['queued', -400],
    ['abandoned', -100],
  ]),
];
