import { describe, expect, it } from 'vitest';
import type { InteractionView, PresenceView } from '../../shared/api/interactions.ts';
import type { DomainEvent } from '../../shared/events.ts';
import {
  type AgentWorkState,
  applyEvent,
  arrivals,
  EMPTY_WORK,
  waitingCount,
  workFromSnapshot,
} from './agent-work-state.ts';

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
const presence = (agentId: string, status: PresenceView['status']): PresenceView => ({
  agentId,
  status,
  breakReason: null,
  since: '2026-11-24T10:00:00Z',
});
const changed = (interaction: InteractionView, previousAgentId: string | null = null): DomainEvent => ({
  type: 'interaction.changed',
  interaction,
  previousAgentId,
});
const offered = (interaction: InteractionView, agentIds: string[]): DomainEvent => ({
  type: 'interaction.offered',
  interaction,
  agentIds,
});
const run = (events: DomainEvent[], from: AgentWorkState = EMPTY_WORK, me: string | null = ME) =>
  events.reduce((s, e) => applyEvent(s, e, me), from);

describe('agent work state', () => {
  it('starts from the snapshot, oldest waiting first, and is empty for users who are not agents', () => {
    const state = workFromSnapshot({
      agent: {
        presence: presence(ME, 'available'),
        interactions: [view('b', '2026-11-24T10:05:00Z'), view('a', '2026-11-24T10:01:00Z')],
        offers: [],
      },
    });
    expect(state.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(state.presence?.status).toBe('available');
    expect(workFromSnapshot({ pages: [] })).toEqual(EMPTY_WORK);
  });

  it('keeps an interaction assigned to the agent in waiting order, and drops it when it leaves them', () => {
    const state = run([
      changed(view('late', '2026-11-24T10:09:00Z')),
      changed(view('early', '2026-11-24T10:01:00Z')),
    ]);
    expect(state.items.map((i) => i.id)).toEqual(['early', 'late']);
    const after = run(
      [changed(view('early', '2026-11-24T10:01:00Z', { state: 'queued', agentId: null }), ME)],
      state,
    );
    expect(after.items.map((i) => i.id)).toEqual(['late']);
  });

  it('keeps answered interactions and drops completed ones', () => {
    const answered = run([changed(view('x', '2026-11-24T10:00:00Z', { state: 'answered' }))]);
    expect(answered.items.map((i) => i.state)).toEqual(['answered']);
    expect(run([changed(view('x', '2026-11-24T10:00:00Z', { state: 'completed' }))], answered).items).toEqual(
      [],
    );
  });

  it("ignores another agent's interaction", () => {
    const state = run([changed(view('x', '2026-11-24T10:00:00Z', { agentId: 'someone-else' }))]);
    expect(state).toBe(EMPTY_WORK);
  });

  it('holds offers meant for the agent until withdrawn or taken', () => {
    const offer = view('o', '2026-11-24T10:00:00Z', { state: 'offered', agentId: null });
    expect(run([offered(offer, ['someone-else'])]).offers).toEqual([]);
    const held = run([offered(offer, [ME])]);
    expect(held.offers.map((i) => i.id)).toEqual(['o']);
    const withdrawn = run(
      [{ type: 'interaction.withdrawn', interactionId: 'o', agentIds: [ME], campaignId: 'c1' }],
      held,
    );
    expect(withdrawn.offers).toEqual([]);
    // Accepting it turns the offer into an assignment.
    const taken = run([changed(view('o', '2026-11-24T10:00:00Z'))], held);
    expect(taken.offers).toEqual([]);
    expect(taken.items.map((i) => i.id)).toEqual(['o']);
  });

  it("follows the agent's own status only", () => {
    const state = run([
      { type: 'agent.status', presence: presence('someone-else', 'break') },
      { type: 'agent.status', presence: presence(ME, 'break') },
    ]);
    expect(state.presence?.agentId).toBe(ME);
    expect(state.presence?.status).toBe('break');
  });

  it('changes nothing without a known agent or for events about something else', () => {
    expect(run([changed(view('x', '2026-11-24T10:00:00Z'))], EMPTY_WORK, null)).toBe(EMPTY_WORK);
    const state = run([changed(view('x', '2026-11-24T10:00:00Z'))]);
    expect(
      applyEvent(
        state,
        { type: 'interaction.message', interactionId: 'x', agentId: ME, campaignId: 'c1' },
        ME,
      ),
    ).toBe(state);
  });

  it('counts offers and assigned interactions as waiting, not answered ones', () => {
    const state = run([
      changed(view('a', '2026-11-24T10:00:00Z')),
      changed(view('b', '2026-11-24T10:01:00Z', { state: 'answered' })),
      offered(view('o', '2026-11-24T10:02:00Z', { state: 'offered', agentId: null }), [ME]),
    ]);
    expect(waitingCount(state)).toBe(2);
    expect(waitingCount(EMPTY_WORK)).toBe(0);
  });

  it('names new assignments and offers as arrivals, not an offer the agent accepted', () => {
    const offer = view('o', '2026-11-24T10:00:00Z', { state: 'offered', agentId: null });
    const before = run([offered(offer, [ME])]);
    const after = run(
      [changed(view('o', '2026-11-24T10:00:00Z')), changed(view('new', '2026-11-24T10:03:00Z'))],
      before,
    );
    expect(arrivals(before, after).map((i) => i.id)).toEqual(['new']);
    expect(arrivals(EMPTY_WORK, before).map((i) => i.id)).toEqual(['o']);
  });
});
