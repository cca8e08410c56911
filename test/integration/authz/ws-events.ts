import { expect } from 'vitest';
import { Changes, publishChanges } from '../../../backend/interactions/changes.ts';
import { emitter } from '../../../backend/realtime/emit.ts';
import { routeCampaign } from '../../../backend/routing/route-campaign.ts';
import type { DomainEvent } from '../../../shared/events.ts';
import { seedInteraction } from '../../harness/supervision-seed.ts';
import type { openSocket } from '../../harness/ws-client.ts';
import { until } from './until.ts';
import type { AuthzWorld, Caller } from './world.ts';

export interface EventScenario {
  name: string;
  /** Makes the change in campaign X; returns the id of anything it created ('' when none). */
  trigger(w: AuthzWorld): Promise<string>;
  receivers: readonly Caller[];
  match(e: DomainEvent, w: AuthzWorld, made: string): boolean;
  check?(s: Awaited<ReturnType<typeof openSocket>>, receiver: Caller, w: AuthzWorld): Promise<void>;
}

async function as(w: AuthzWorld, caller: Caller, method: string, path: string, body?: unknown) {
  const res = await w.t.call(method, path, { token: await w.token(caller), body });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
}

/** Changes in campaign X, in this order (the last one logs agent A out). */
export const EVENT_SCENARIOS: EventScenario[] = [
  {
    name: 'interaction.changed: a new comment in X is routed to agent A',
    async trigger(w) {
      const id = await seedInteraction(w.t.store.db, {
        campaignId: w.campaignX,
        pageId: w.pageP.id,
        steps: [{ state: 'queued', at: new Date() }],
      });
      // What the routing worker does (backend/workers/work-flow.ts); the test app runs no workers.
      const changes = new Changes();
      for (const o of await routeCampaign(w.t.store.db, w.campaignX, new Date(), () => 0)) {
        if (o.kind === 'assigned') changes.change(o.interactionId);
        else changes.offered.push({ id: o.interactionId, agentIds: o.agentIds });
      }
      await publishChanges(w.t.store.db, emitter(w.t.deps.events, w.t.deps.logger), changes);
      return id;
    },
    receivers: ['agentA', 'supervisorX', 'admin'],
    match: (e, w, made) =>
      e.type === 'interaction.changed' &&
      e.interaction.id === made &&
      e.interaction.agentId === w.users.agentA.id,
  },
  {
    name: "reply.status: agent A replies in A's interaction",
    trigger: async (w) => {
      await as(w, 'agentA', 'POST', `/api/interactions/${w.interactionA}/replies`, { text: 'One moment.' });
      return '';
    },
    receivers: ['agentA', 'supervisorX', 'admin'],
    match: (e, w) => e.type === 'reply.status' && e.reply.interactionId === w.interactionA,
  },
  {
    name: 'agent.status: agent A takes a break',
    trigger: async (w) => {
      await as(w, 'agentA', 'POST', '/api/agent/status', { status: 'break', reason: 'lunch' });
      return '';
    },
    receivers: ['agentA', 'supervisorX', 'admin'],
    match: (e, w) =>
      e.type === 'agent.status' && e.presence.agentId === w.users.agentA.id && e.presence.status === 'break',
  },
  {
    name: 'campaign.changed: an admin edits campaign X',
    trigger: async (w) => {
      await as(w, 'admin', 'PATCH', `/api/campaigns/${w.campaignX}`, { name: 'Campaign X' });
      return '';
    },
    receivers: ['supervisorX', 'admin'],
    match: (e, w) => e.type === 'campaign.changed' && e.campaignId === w.campaignX,
  },
  {
    name: 'user.sessions-ended: supervisor X logs agent A out',
    trigger: async (w) => {
      await as(w, 'supervisorX', 'POST', `/api/supervisor/agents/${w.users.agentA.id}/logout`);
      return '';
    },
    receivers: ['agentA', 'supervisorX', 'admin'],
    // A hears the end of their sessions; their overseers, that A went offline.
    match: (e, w) =>
      (e.type === 'user.sessions-ended' && e.userId === w.users.agentA.id) ||
      (e.type === 'agent.status' &&
        e.presence.agentId === w.users.agentA.id &&
        e.presence.status === 'offline'),
    check: async (s, receiver) => {
      if (receiver !== 'agentA') return;
      await until(() => s.closed());
      expect(s.closed()?.code).toBe(4403);
    },
  },
];
