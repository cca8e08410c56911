import { describe, expect, it } from 'vitest';
import type { RuntimeResult } from '../../shared/runtime-messages.ts';
import type { SessionService } from './session-service.ts';
import { createSupervisorHandlers } from './supervisor-handlers.ts';

function scripted() {
  const calls: string[] = [];
  const session = {
    call: async (method: string, path: string): Promise<RuntimeResult<unknown>> => {
      calls.push(`${method} ${path}`);
      return { ok: true, value: { path } };
    },
    credentials: async () => null,
  } as unknown as SessionService;
  return { handlers: createSupervisorHandlers(session), calls };
}

describe('supervisor requests', () => {
  it('map to the routes of the contract, with ids encoded and only the filters given', async () => {
    const { handlers, calls } = scripted();
    await handlers['supervisor.board']({});
    await handlers['supervisor.board']({ campaignId: 'c1' });
    await handlers['supervisor.drill']({ campaignId: 'c1', metric: 'completedToday', agentId: 'a/1' });
    await handlers['supervisor.spy']({ interactionId: 'i1' });
    await handlers['supervisor.agentInfo']({ agentId: 'a1' });
    await handlers['supervisor.pause']({ agentId: 'a1' });
    await handlers['supervisor.logout']({ agentId: 'a1' });
    await handlers['audit.list']({});
    await handlers['audit.list']({ cursor: 'x y', limit: 20 });
    await handlers['recordings.search']({
      from: '2026-11-01T00:00:00-05:00',
      channel: 'messenger',
      q: 'ship',
      cursor: 'k',
    });
    await handlers['recordings.count']({ agentId: 'a1' });
    await handlers['recordings.get']({ id: 'i1' });
    expect(calls).toEqual([
      'GET /api/supervisor/board',
      'GET /api/supervisor/board?campaignId=c1',
      'GET /api/supervisor/campaigns/c1/drill?metric=completedToday&agentId=a%2F1',
      'POST /api/supervisor/spy/i1',
      'GET /api/supervisor/agents/a1',
      'POST /api/supervisor/agents/a1/pause',
      'POST /api/supervisor/agents/a1/logout',
      'GET /api/audit',
      'GET /api/audit?cursor=x+y&limit=20',
      'GET /api/recordings?from=2026-11-01T00%3A00%3A00-05%3A00&channel=messenger&q=ship&cursor=k',
      'GET /api/recordings/count?agentId=a1',
      'GET /api/recordings/i1',
    ]);
  });
});
