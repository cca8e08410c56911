import { describe, expect, it } from 'vitest';
import type { RealtimeUpdate } from '../../shared/runtime-messages.ts';
import type { watchRealtime } from '../ui/runtime-client.ts';
import { fakeSend, interaction, ok, transcript } from './board-test-fixtures.ts';
import { createSpyModel } from './spy-model.ts';

function setup(answers: Record<string, unknown>) {
  const fake = fakeSend(answers);
  const listeners = new Set<(u: RealtimeUpdate) => void>();
  const watch: typeof watchRealtime = (onUpdate, signal) => {
    listeners.add(onUpdate);
    signal.addEventListener('abort', () => listeners.delete(onUpdate));
  };
  const model = createSpyModel(fake.send, watch);
  return {
    model,
    sent: fake.sent,
    push: (u: RealtimeUpdate) => {
      for (const l of listeners) l(u);
    },
    listeners,
  };
}
const settle = () => new Promise((r) => setTimeout(r, 0));
const message = (interactionId: string): RealtimeUpdate => ({
  type: 'event',
  event: { type: 'interaction.message', interactionId, agentId: 'a-iris', campaignId: 'c-fb' },
});

describe('spy model', () => {
  it('spies once on open, then refetches the transcript on events about that interaction only', async () => {
    const { model, sent, push } = setup({
      'supervisor.spy': ok(transcript('i1')),
      'interactions.get': [
        ok(transcript('i1', ['Do you ship to Porto?', 'Hello?'])),
        ok(transcript('i1', ['x'])),
      ],
    });
    model.open({ agentId: 'a-iris', agentName: 'Iris', interactionIds: ['i1'] });
    await settle();
    expect(model.transcript.value?.messages.map((m) => m.text)).toEqual(['Do you ship to Porto?']);
    push(message('other'));
    push({
      type: 'event',
      event: {
        type: 'agent.status',
        presence: { agentId: 'a-iris', status: 'available', breakReason: null, since: '' },
      },
    });
    await settle();
    expect(sent.map((s) => s.type)).toEqual(['supervisor.spy']);
    push(message('i1'));
    await settle();
    expect(sent.at(-1)).toEqual({ type: 'interactions.get', input: { id: 'i1' } });
    expect(model.transcript.value?.messages.map((m) => m.text)).toEqual(['Do you ship to Porto?', 'Hello?']);
    push({
      type: 'event',
      event: {
        type: 'interaction.changed',
        interaction: interaction('i1', { state: 'answered' }),
        previousAgentId: null,
      },
    });
    await settle();
    expect(sent.filter((s) => s.type === 'interactions.get')).toHaveLength(2);
  });

  it('refetches after the spy call for an event that came while it was on its way', async () => {
    const { model, sent, push } = setup({
      'supervisor.spy': ok(transcript('i1')),
      'interactions.get': ok(transcript('i1', ['a', 'b'])),
    });
    model.open({ agentId: 'a-iris', agentName: 'Iris', interactionIds: ['i1'] });
    push(message('i1'));
    await settle();
    await settle();
    expect(sent.map((s) => s.type)).toEqual(['supervisor.spy', 'interactions.get']);
    expect(model.transcript.value?.messages).toHaveLength(2);
  });

  it("switches between the agent's interactions, and stops following on close", async () => {
    const { model, sent, listeners } = setup({
      'supervisor.spy': [ok(transcript('i1')), ok(transcript('i2'))],
    });
    model.open({ agentId: 'a-iris', agentName: 'Iris', interactionIds: ['i1', 'i2'] });
    await settle();
    model.select('i2');
    await settle();
    expect(model.interactionId.value).toBe('i2');
    expect(sent.map((s) => s.input)).toEqual([{ interactionId: 'i1' }, { interactionId: 'i2' }]);
    expect(listeners.size).toBe(1);
    model.close();
    expect(listeners.size).toBe(0);
    expect(model.transcript.value).toBeNull();
  });

  it('shows a refusal', async () => {
    const { model } = setup({
      'supervisor.spy': { ok: false, error: { code: 'NOT_FOUND', message: 'No such interaction.' } },
    });
    model.open({ agentId: 'a-iris', agentName: 'Iris', interactionIds: ['i1'] });
    await settle();
    expect(model.error.value?.message).toBe('No such interaction.');
  });
});
