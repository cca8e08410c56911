import { describe, expect, it } from 'vitest';
import type { Page } from '../../shared/api/pages.ts';
import type { User } from '../../shared/api/users.ts';
import type { Snapshot } from '../../shared/realtime.ts';
import { applyToSnapshot, LiveSnapshot } from './live-snapshot.ts';
import { ME, view } from './test-views.ts';

const agent = (id: string): User => ({
  id,
  email: `${id}@example.test`,
  name: id,
  role: 'agent',
  active: true,
  createdAt: '2026-11-24T00:00:00Z',
});
const page = (id: string, health: Page['health'] = 'active'): Page => ({
  id,
  name: `Page ${id}`,
  health,
  healthReason: null,
  healthCheckedAt: null,
  healthChangedAt: '2026-11-24T00:00:00Z',
  humanAgentEnabled: false,
  scopes: [],
});
const start: Snapshot = {
  agent: {
    presence: { agentId: ME, status: 'available', breakReason: null, since: '2026-11-24T09:00:00Z' },
    interactions: [view('a', '2026-11-24T10:00:00Z')],
    offers: [],
  },
};

describe('the background snapshot', () => {
  it('carries every event since the login, so a sidebar opened later sees the present', () => {
    const live = new LiveSnapshot();
    live.ready(agent(ME), start);
    live.apply({
      type: 'interaction.changed',
      interaction: view('b', '2026-11-24T09:30:00Z'),
      previousAgentId: null,
    });
    live.apply({
      type: 'interaction.changed',
      interaction: view('a', '2026-11-24T10:00:00Z', { state: 'completed' }),
      previousAgentId: null,
    });
    live.apply({
      type: 'agent.status',
      presence: { agentId: ME, status: 'break', breakReason: 'Lunch', since: '2026-11-24T11:00:00Z' },
    });
    const now = live.current()?.agent;
    expect(now?.interactions.map((i) => i.id)).toEqual(['b']);
    expect(now?.presence.breakReason).toBe('Lunch');
  });

  it('names the work an event brought, and none for the first snapshot of a session', () => {
    const live = new LiveSnapshot();
    expect(live.ready(agent(ME), start)).toEqual([]);
    const arrived = live.apply({
      type: 'interaction.offered',
      interaction: view('o', '2026-11-24T10:05:00Z', { state: 'offered', agentId: null }),
      agentIds: [ME],
    });
    expect(arrived.map((i) => i.id)).toEqual(['o']);
  });

  it('names what arrived while the socket was down when it reconnects as the same user', () => {
    const live = new LiveSnapshot();
    live.ready(agent(ME), start);
    const later: Snapshot = {
      agent: {
        ...start.agent!,
        interactions: [...start.agent!.interactions, view('n', '2026-11-24T10:07:00Z')],
      },
    };
    expect(live.ready(agent(ME), later).map((i) => i.id)).toEqual(['n']);
    live.clear();
    expect(live.current()).toBeNull();
    expect(live.ready(agent('someone-else'), start)).toEqual([]);
  });

  it('keeps the Pages list current for the options page', () => {
    const snapshot: Snapshot = { pages: [page('1'), page('2')] };
    const unhealthy = applyToSnapshot(snapshot, { type: 'page.health', page: page('2', 'invalid') }, ME);
    expect(unhealthy.pages?.map((p) => p.health)).toEqual(['active', 'invalid']);
    const linked = applyToSnapshot(unhealthy, { type: 'page.linked', page: page('3') }, ME);
    expect(linked.pages?.map((p) => p.id)).toEqual(['1', '2', '3']);
  });

  it('leaves a snapshot alone when an event does not concern it', () => {
    expect(applyToSnapshot(start, { type: 'user.sessions-ended', userId: 'x' }, ME)).toBe(start);
    expect(applyToSnapshot(start, { type: 'page.linked', page: page('1') }, ME)).toBe(start);
  });
});
