import { describe, expect, it } from 'vitest';
import type { InteractionView } from '../../shared/api/interactions.ts';
import type { RuntimeResult } from '../../shared/runtime-messages.ts';
import type { request } from '../ui/runtime-client.ts';
import { createInboxModel } from './inbox-model.ts';

const ME = 'agent-me';
const view = (id: string, queuedAt: string, extra: Partial<InteractionView> = {}): InteractionView => ({
  id,
  campaignId: 'c1',
  campaignName: 'Comments',
  pageId: 'p1',
  pageName: 'Shop',
  channel: 'facebook',
  threadKey: `t-${id}`,
  customerId: 'u1',
  customerName: 'Carla',
  state: 'assigned',
  agentId: ME,
  queuedAt,
  assignedAt: queuedAt,
  answeredAt: null,
  endedAt: null,
  lastCustomerAt: queuedAt,
  ...extra,
});

/** The socket told the inbox that an interaction changed. */
function changed(
  model: ReturnType<typeof setup>['model'],
  interaction: InteractionView,
  previousAgentId: string | null = null,
) {
  model.receive({ type: 'event', event: { type: 'interaction.changed', interaction, previousAgentId } });
}

function setup(answers: Record<string, RuntimeResult<unknown>> = {}) {
  const sent: { type: string; input: unknown }[] = [];
  const send = (async (type: string, input?: unknown) => {
    sent.push({ type, input });
    return answers[type] ?? { ok: true, value: { ok: true } };
  }) as unknown as typeof request;
  const model = createInboxModel(
    () => ME,
    send,
    () => {},
  );
  return { model, sent };
}

describe('inbox model', () => {
  it('starts from the snapshot, oldest waiting first', () => {
    const { model } = setup();
    model.receive({
      type: 'snapshot',
      snapshot: {
        agent: {
          presence: { agentId: ME, status: 'available', breakReason: null, since: '2026-11-24T10:00:00Z' },
          interactions: [view('b', '2026-11-24T10:05:00Z'), view('a', '2026-11-24T10:01:00Z')],
          offers: [],
        },
      },
    });
    expect(model.items.value.map((i) => i.id)).toEqual(['a', 'b']);
    expect(model.presence.value?.status).toBe('available');
    expect(model.waiting.value).toBe(2);
  });

  it('adds a newly assigned interaction as unread, and drops one that left the agent', () => {
    const { model } = setup();
    changed(model, view('x', '2026-11-24T10:00:00Z'));
    expect(model.items.value.map((i) => i.id)).toEqual(['x']);
    expect(model.unread.value.has('x')).toBe(true);
    model.open('x');
    expect(model.unread.value.has('x')).toBe(false);
    changed(model, view('x', '2026-11-24T10:00:00Z', { state: 'queued', agentId: null }), ME);
    expect(model.items.value).toEqual([]);
  });

  it('removes a completed interaction', () => {
    const { model } = setup();
    changed(model, view('x', '2026-11-24T10:00:00Z'));
    changed(model, view('x', '2026-11-24T10:00:00Z', { state: 'completed' }));
    expect(model.items.value).toEqual([]);
  });

  it('shows ringall offers meant for this agent only, and withdraws them', () => {
    const { model } = setup();
    model.receive({
      type: 'event',
      event: {
        type: 'interaction.offered',
        interaction: view('o', '2026-11-24T10:00:00Z', { state: 'offered', agentId: null }),
        agentIds: ['someone-else'],
      },
    });
    expect(model.offers.value).toEqual([]);
    model.receive({
      type: 'event',
      event: {
        type: 'interaction.offered',
        interaction: view('o', '2026-11-24T10:00:00Z', { state: 'offered', agentId: null }),
        agentIds: [ME],
      },
    });
    expect(model.offers.value.map((i) => i.id)).toEqual(['o']);
    model.receive({
      type: 'event',
      event: { type: 'interaction.withdrawn', interactionId: 'o', agentIds: [ME], campaignId: 'c1' },
    });
    expect(model.offers.value).toEqual([]);
  });

  it('marks a new customer message in an open interaction as unread', () => {
    const { model } = setup();
    changed(model, view('x', '2026-11-24T10:00:00Z'));
    model.open('x');
    model.receive({
      type: 'event',
      event: { type: 'interaction.message', interactionId: 'x', agentId: ME, campaignId: 'c1' },
    });
    expect(model.unread.value.has('x')).toBe(true);
  });

  it('sends status changes, accept and complete to the background, and keeps the error when refused', async () => {
    const { model, sent } = setup({
      'interactions.accept': { ok: false, error: { code: 'CONFLICT', message: 'Someone else took it.' } },
    });
    await model.setBreak('Lunch');
    await model.complete('x', 'resolved');
    expect(await model.accept('o')).toBe(false);
    expect(sent).toEqual([
      { type: 'agent.status', input: { status: 'break', reason: 'Lunch' } },
      { type: 'interactions.complete', input: { id: 'x', disposition: 'resolved' } },
      { type: 'interactions.accept', input: { id: 'o' } },
    ]);
    expect(model.error.value?.message).toBe('Someone else took it.');
  });
});
