import { describe, expect, it } from 'vitest';
import type { AgentInfo } from '../../shared/api/supervisor.ts';
import { createAgentActionsModel } from './agent-actions-model.ts';
import { fakeSend, ok } from './board-test-fixtures.ts';

const iris = { agentId: 'a-iris', name: 'Iris' };
const presence = {
  agentId: 'a-iris',
  status: 'break' as const,
  breakReason: 'paused by supervisor',
  since: '2026-11-24T12:00:00.000Z',
};
const info: AgentInfo = {
  agent: { id: 'a-iris', name: 'Iris', email: 'iris@example.test', active: true },
  status: 'busy',
  presence: { ...presence, status: 'available', breakReason: null },
  loginAt: '2026-11-24T08:00:00.000Z',
  lastSeenAt: '2026-11-24T11:59:59.000Z',
  campaigns: [{ id: 'c-fb', name: 'Shop comments', channel: 'facebook' }],
  interactions: [],
  today: [{ campaignId: 'c-fb', completed: 4, answered: 5, ahtMs: 300_000 }],
};

describe('agent actions model', () => {
  it("shows the agent's info once it arrives", async () => {
    const { send, sent } = fakeSend({ 'supervisor.agentInfo': ok(info) });
    const m = createAgentActionsModel(send);
    const showing = m.showInfo(iris);
    expect(m.dialog.value).toMatchObject({ kind: 'info', loading: true });
    await showing;
    expect(m.dialog.value).toMatchObject({ kind: 'info', loading: false, info: { status: 'busy' } });
    expect(sent).toEqual([{ type: 'supervisor.agentInfo', input: { agentId: 'a-iris' } }]);
  });

  it('pauses only after the supervisor confirms, and shows the new status', async () => {
    const { send, sent } = fakeSend({ 'supervisor.pause': ok(presence) });
    const m = createAgentActionsModel(send);
    m.ask('pause', iris);
    expect(m.dialog.value).toMatchObject({ kind: 'confirm', action: 'pause', busy: false });
    expect(sent).toEqual([]);
    await m.confirm();
    expect(sent).toEqual([{ type: 'supervisor.pause', input: { agentId: 'a-iris' } }]);
    expect(m.dialog.value).toEqual({ kind: 'paused', agent: iris, presence });
  });

  it('logs out and tells what went back to the queue and what stayed', async () => {
    const result = {
      presence: { ...presence, status: 'offline' as const },
      requeued: ['i1', 'i2'],
      kept: ['i3'],
    };
    const { send } = fakeSend({ 'supervisor.logout': ok(result) });
    const m = createAgentActionsModel(send);
    m.ask('logout', iris);
    await m.confirm();
    expect(m.dialog.value).toEqual({ kind: 'loggedOut', agent: iris, result });
  });

  it('keeps the confirmation open with the refusal, and never sends twice', async () => {
    const { send, sent } = fakeSend({
      'supervisor.pause': { ok: false, error: { code: 'CONFLICT', message: 'The agent is offline.' } },
    });
    const m = createAgentActionsModel(send);
    m.ask('pause', iris);
    const first = m.confirm();
    await m.confirm();
    await first;
    expect(sent).toHaveLength(1);
    expect(m.dialog.value).toMatchObject({ kind: 'confirm', busy: false, error: { code: 'CONFLICT' } });
  });

  it('forgets an answer that arrives after the dialog was closed', async () => {
    const { send } = fakeSend({ 'supervisor.agentInfo': ok(info) });
    const m = createAgentActionsModel(send);
    const showing = m.showInfo(iris);
    m.close();
    await showing;
    expect(m.dialog.value).toBeNull();
  });
});
