import {
  campaignIdParamsSchema,
  campaignListSchema,
  campaignSchema,
  createCampaignSchema,
  updateCampaignSchema,
} from '../../../shared/api/campaigns.ts';
import {
  createCampaign,
  loadCampaigns,
  type SaveResult,
  updateCampaign,
} from '../../campaigns/campaign-store.ts';
import { campaignIssues } from '../../campaigns/validate-campaign.ts';
import { Changes } from '../../interactions/changes.ts';
import type { UserRow } from '../../store/schema.ts';
import type { AppDeps } from '../app-deps.ts';
import { AppError } from '../app-error.ts';
import { defineRoute } from '../route.ts';

function check(input: Parameters<typeof campaignIssues>[0]) {
  const issues = campaignIssues(input);
  if (issues.length) throw new AppError('BAD_REQUEST', issues.map((i) => i.message).join(' '), issues);
}

async function saved(deps: AppDeps, result: SaveResult) {
  if (!result.ok) {
    switch (result.code) {
      case 'PAGE_NOT_LINKED':
        throw new AppError('BAD_REQUEST', 'Link the Page first.', [
          { path: 'body.pageId', message: 'This Page is not linked.' },
        ]);
      case 'CHANNEL_TAKEN':
        throw new AppError('CONFLICT', 'This Page already has a campaign on this channel.', [
          { path: 'body.channel', message: 'A Page has one Facebook and one Messenger campaign at most.' },
        ]);
      case 'NOT_AN_AGENT':
        throw new AppError('BAD_REQUEST', 'Members must be active agents.', [
          { path: 'body.members', message: 'Only agents can be members.' },
        ]);
      case 'NOT_A_SUPERVISOR':
        throw new AppError('BAD_REQUEST', 'Supervisors must be active users with the supervisor role.', [
          { path: 'body.supervisorIds', message: 'Only supervisors can supervise a campaign.' },
        ]);
      case 'NOT_FOUND':
        throw new AppError('NOT_FOUND', 'No such campaign.');
    }
  }
  const [campaign] = await loadCampaigns(deps.store.db, deps.now(), { id: result.id });
  // Members, schedule or capacity may have changed: let the queue move.
  const changes = new Changes();
  changes.route.add(result.id);
  await deps.settle(changes);
  // Sockets reload who supervises what; boards refetch.
  deps.emit({ type: 'campaign.changed', campaignId: result.id });
  return campaign!;
}

/** Agents see the campaigns they work in, supervisors those they supervise, admins all. */
function scopeFilter(user: UserRow) {
  if (user.role === 'agent') return { memberId: user.id };
  if (user.role === 'supervisor') return { supervisorId: user.id };
  return {};
}

export const campaignRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/campaigns',
    summary:
      'Campaigns with their Page token health; agents see the ones they are members of, supervisors the ones they supervise.',
    access: 'authenticated',
    response: campaignListSchema,
    handler: async ({ deps, user }) => ({
      campaigns: await loadCampaigns(deps.store.db, deps.now(), scopeFilter(user!)),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/campaigns',
    summary: 'Create a campaign; {name, pageId, channel, strategy} is enough.',
    access: ['admin'],
    body: createCampaignSchema,
    response: campaignSchema,
    status: 201,
    handler: async ({ deps, body }) => {
      check(body);
      return saved(deps, await createCampaign(deps.store.db, body, deps.now()));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/campaigns/:id',
    summary: 'One campaign.',
    access: 'authenticated',
    params: campaignIdParamsSchema,
    response: campaignSchema,
    handler: async ({ deps, params, user }) => {
      const [campaign] = await loadCampaigns(deps.store.db, deps.now(), {
        id: params.id,
        ...scopeFilter(user!),
      });
      if (!campaign) throw new AppError('NOT_FOUND', 'No such campaign.');
      return campaign;
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/campaigns/:id',
    summary: 'Change a campaign; disabling keeps every record.',
    access: ['admin'],
    params: campaignIdParamsSchema,
    body: updateCampaignSchema,
    response: campaignSchema,
    handler: async ({ deps, params, body }) => {
      if (body.schedule !== undefined || body.timeZone !== undefined) {
        const [current] = await loadCampaigns(deps.store.db, deps.now(), { id: params.id });
        if (!current) throw new AppError('NOT_FOUND', 'No such campaign.');
        check({
          schedule: body.schedule ?? current.schedule,
          timeZone: body.timeZone ?? current.timeZone,
          ...body,
        });
      } else check(body);
      return saved(deps, await updateCampaign(deps.store.db, params.id, body, deps.now()));
    },
  }),
];
