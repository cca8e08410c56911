import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../shared/events.ts';
import { mayReceive, type Viewer } from './audience.ts';

const changed: DomainEvent = { type: 'campaign.changed', campaignId: 'x' };
const supervisor = (campaignIds: string[]): Viewer => ({
  userId: 'sue',
  role: 'supervisor',
  scope: { campaignIds: new Set(campaignIds), agentIds: new Set() },
});

describe('audience of campaign changes', () => {
  it("reaches the campaign's supervisors and admins, never other supervisors or agents", () => {
    expect(mayReceive(supervisor(['x']), changed)).toBe(true);
    expect(mayReceive({ userId: 'ada', role: 'admin' }, changed)).toBe(true);
    expect(mayReceive(supervisor(['y']), changed)).toBe(false);
    expect(mayReceive({ userId: 'ana', role: 'agent' }, changed)).toBe(false);
  });
});
