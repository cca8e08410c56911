import { describe, expect, it } from 'vitest';
import type { DrillDown } from '../../shared/api/supervisor.ts';
import { fakeSend, interaction, ok } from './board-test-fixtures.ts';
import { createDrillModel } from './drill-model.ts';

const drill = (extra: Partial<DrillDown> = {}): DrillDown => ({
  campaignId: 'c-fb',
  metric: 'abandoned',
  agentId: null,
  at: '2026-11-24T12:00:00.000Z',
  total: 1,
  interactions: [interaction('i1', { state: 'abandoned' })],
  ...extra,
});

describe('drill-down model', () => {
  it("asks for a campaign's number, and an agent's with the agent", async () => {
    const { send, sent } = fakeSend({
      'supervisor.drill': [ok(drill()), ok(drill({ metric: 'completedToday' }))],
    });
    const m = createDrillModel(send);
    const opening = m.open({ campaignId: 'c-fb', campaignName: 'Shop', metric: 'abandoned', shown: '1' });
    expect(m.loading.value).toBe(true);
    await opening;
    expect(m.result.value?.interactions.map((i) => i.id)).toEqual(['i1']);
    await m.open({
      campaignId: 'c-fb',
      campaignName: 'Shop',
      metric: 'completedToday',
      agentId: 'a-iris',
      agentName: 'Iris',
      shown: '4',
    });
    expect(sent.map((s) => s.input)).toEqual([
      { campaignId: 'c-fb', metric: 'abandoned' },
      { campaignId: 'c-fb', metric: 'completedToday', agentId: 'a-iris' },
    ]);
    expect(m.target.value?.agentName).toBe('Iris');
  });

  it('drops an answer that arrives after the next click or after closing', async () => {
    let release: (v: unknown) => void = () => {};
    const slow = new Promise((r) => {
      release = r;
    });
    const { send } = fakeSend({});
    const m = createDrillModel((async (_type: string, input: { metric: string }) => {
      if (input.metric === 'abandoned') await slow;
      return ok(drill({ metric: input.metric as DrillDown['metric'] }));
    }) as unknown as typeof send);
    const first = m.open({ campaignId: 'c', campaignName: 'C', metric: 'abandoned', shown: '1' });
    await m.open({ campaignId: 'c', campaignName: 'C', metric: 'asa', shown: '25s' });
    release(undefined);
    await first;
    expect(m.result.value?.metric).toBe('asa');
    m.close();
    expect(m.target.value).toBeNull();
  });

  it('keeps the refusal to show', async () => {
    const { send } = fakeSend({
      'supervisor.drill': { ok: false, error: { code: 'NOT_FOUND', message: 'No such campaign.' } },
    });
    const m = createDrillModel(send);
    await m.open({ campaignId: 'c', campaignName: 'C', metric: 'asa', shown: '—' });
    expect(m.error.value?.message).toBe('No such campaign.');
    expect(m.loading.value).toBe(false);
  });
});
