import { describe, expect, it } from 'vitest';
import { agentMetrics } from './agent-metrics.ts';
import { type CampaignMetrics, campaignMetrics } from './campaign-metrics.ts';
import {
  type AgentMetricName,
  agentMetricMembers,
  type CampaignMetricName,
  metricMembers,
} from './drill-down.ts';
import { at, CAMPAIGN_DAY, CAMPAIGN_NOW, DAY_START, interaction, THRESHOLDS } from './test-fixtures.ts';

const INPUT = { interactions: CAMPAIGN_DAY, thresholds: THRESHOLDS, now: CAMPAIGN_NOW, dayStart: DAY_START };

describe('metricMembers', () => {
  it('lists the interactions behind each campaign number (see CAMPAIGN_DAY)', () => {
    const expected: Record<CampaignMetricName, string[]> = {
      answered: ['a1', 'a2', 'a4'], // in answer order: 130 s, 231 s, 1089 s
      asa: ['a1', 'a2', 'a4'],
      answeredWithinSl: ['a1'],
      abandoned: ['a5', 'a6'], // 1520 s, then 3300 s + 1 ms
      serviceLevel: ['a1', 'a2', 'a4', 'a5', 'a6'], // the denominator: answered, then abandoned
      completed: ['a3', 'a1', 'a2'], // completion order: 50 s, 400 s, 800 s
      aht: ['a3', 'a1', 'a2'],
      waiting: ['a7', 'a8', 'a9'], // oldest first
      acdAlarm: ['a7', 'a8', 'a9'],
      longestWaiting: ['a7'],
      chatsOverTime: ['a4'],
    };
    for (const [metric, ids] of Object.entries(expected)) {
      expect(metricMembers(metric as CampaignMetricName, INPUT), metric).toEqual(ids);
    }
  });

  it('agrees with every count the tiles show', () => {
    const tiles = campaignMetrics(INPUT);
    const counts: [CampaignMetricName, keyof CampaignMetrics][] = [
      ['answered', 'answered'],
      ['answeredWithinSl', 'answeredWithinSl'],
      ['abandoned', 'abandoned'],
      ['completed', 'completed'],
      ['waiting', 'waiting'],
      ['chatsOverTime', 'chatsOverTime'],
    ];
    for (const [metric, tile] of counts)
      expect(metricMembers(metric, INPUT), metric).toHaveLength(tiles[tile] as number);
    expect(metricMembers('serviceLevel', INPUT)).toHaveLength(tiles.answered + tiles.abandoned);
    expect(metricMembers('chatsOverTime', INPUT)).toEqual(tiles.chatsOverTimeIds);
  });

  it('lists every interaction queued at the same oldest instant', () => {
    const tie = [
      interaction('t2', [['queued', 10]]),
      interaction('t1', [['queued', 10]]),
      interaction('t3', [['queued', 20]]),
    ];
    expect(metricMembers('longestWaiting', { ...INPUT, interactions: tie, now: at(60) })).toEqual([
      't1',
      't2',
    ]);
  });

  it('has empty lists on an empty day', () => {
    const empty = { ...INPUT, interactions: [], now: DAY_START };
    expect(metricMembers('longestWaiting', empty)).toEqual([]);
    expect(metricMembers('serviceLevel', empty)).toEqual([]);
  });
});

describe('agentMetricMembers', () => {
  it("lists the interactions behind each of an agent's numbers, matching the counts", () => {
    const input = {
      agentId: 'A',
      status: 'busy' as const,
      statusSince: at(0),
      interactions: CAMPAIGN_DAY,
      now: CAMPAIGN_NOW,
      dayStart: DAY_START,
    };
    // A holds a10 (assigned at 3000 s); a4 went to B after the re-queue. A completed a1 and a2 today.
    const expected: Record<AgentMetricName, string[]> = {
      active: ['a10'],
      activeFacebook: [], // CAMPAIGN_DAY carries no channel
      activeMessenger: [],
      completedToday: ['a1', 'a2'],
    };
    for (const [metric, ids] of Object.entries(expected)) {
      expect(agentMetricMembers(metric as AgentMetricName, input), metric).toEqual(ids);
    }
    const metrics = agentMetrics(input);
    expect(metrics.active).toBe(expected.active.length);
    expect(metrics.completedToday).toBe(expected.completedToday.length);
  });
});
