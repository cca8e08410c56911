import type { InteractionView } from '../../shared/api/interactions.ts';

export const ME = 'agent-me';

/** An interaction as events carry it, assigned to ME unless told otherwise. */
export const view = (
  id: string,
  queuedAt: string,
  extra: Partial<InteractionView> = {},
): InteractionView => ({
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
