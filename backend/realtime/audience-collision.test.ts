import { describe, expect, it } from 'vitest';
import type { OutgoingReply } from '../../shared/api/interactions.ts';
import type { DomainEvent } from '../../shared/events.ts';
import { mayReceive } from './audience.ts';

const reply: OutgoingReply = {
  id: 1,
  interactionId: 'i1',
  kind: 'message',
  status: 'failed',
  text: 'Hi',
  attachmentUrl: null,
  commentId: null,
  agentName: 'Ana',
  error: 'Blocked',
  createdAt: '2026-11-24T12:00:00.000Z',
  sentAt: null,
  graphId: null,
};
const status: DomainEvent = { type: 'reply.status', reply, agentId: 'ana', campaignId: 'c1' };
const viewing = (userId: string, role: 'agent' | 'supervisor' | 'admin'): DomainEvent => ({
  type: 'interaction.viewer',
  viewer: { interactionId: 'i1', userId, name: userId, role, activity: 'viewing' },
  agentId: 'ana',
  campaignId: 'c1',
});

describe('audience of delivery and collision events', () => {
  it("sends a reply's delivery to the interaction's agent, not to other agents", () => {
    expect(mayReceive({ userId: 'ana', role: 'agent' }, status)).toBe(true);
    expect(mayReceive({ userId: 'bo', role: 'agent' }, status)).toBe(false);
  });

  it("tells the interaction's agent who else is there, never another agent", () => {
    expect(mayReceive({ userId: 'ana', role: 'agent' }, viewing('sue', 'supervisor'))).toBe(true);
    expect(mayReceive({ userId: 'bo', role: 'agent' }, viewing('sue', 'supervisor'))).toBe(false);
  });

  it('never tells people about themselves, whatever their role', () => {
    expect(mayReceive({ userId: 'ana', role: 'agent' }, viewing('ana', 'agent'))).toBe(false);
    expect(mayReceive({ userId: 'sue', role: 'supervisor' }, viewing('sue', 'supervisor'))).toBe(false);
    expect(mayReceive({ userId: 'root', role: 'admin' }, viewing('root', 'admin'))).toBe(false);
  });
});
