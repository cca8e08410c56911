import { z } from 'zod';
import { campaignIdParamsSchema } from '../../../shared/api/campaigns.ts';
import {
  agentIdParamsSchema,
  auditQuerySchema,
  boardQuerySchema,
  drillQuerySchema,
  spyParamsSchema,
} from '../../../shared/api/supervisor.ts';
import { agentInfo, logoutAgent, pauseAgent, spy } from '../../supervision/actions.ts';
import { listAudit } from '../../supervision/audit-log.ts';
import { loadBoardJson } from '../../supervision/board.ts';
import { daySourceCacheFor } from '../../supervision/day-source.ts';
import { drillDown } from '../../supervision/drill.ts';
import { watchesCampaign } from '../../supervision/scope.ts';
import { AppError } from '../app-error.ts';
import { jsonTextAnswer } from '../json-answer.ts';
import { defineRoute } from '../route.ts';

const anything = z.unknown();
const OVERSEERS = ['supervisor', 'admin'] as const;

function refuse(code: 'NOT_FOUND' | 'OFFLINE', what: string): never {
  if (code === 'OFFLINE') throw new AppError('CONFLICT', 'This agent is offline: there is nothing to pause.');
  throw new AppError('NOT_FOUND', `No such ${what}.`);
}

/** The supervisor board, its drill-down and the actions on agents; each action is audit-logged. */
export const supervisorRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/supervisor/board',
    summary: 'The live board of the campaigns you supervise (admins: all): tiles, agents, queue, charts.',
    access: OVERSEERS,
    query: boardQuerySchema,
    response: anything,
    handler: async ({ deps, user, query, c }) => {
      if (query.campaignId && !(await watchesCampaign(deps.store.db, user!, query.campaignId)))
        throw new AppError('NOT_FOUND', 'No such campaign.');
      const text = await loadBoardJson(deps.store.db, user!, deps.now(), {
        only: query.campaignId,
        cache: daySourceCacheFor(deps.events),
      });
      return jsonTextAnswer(c, text);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/supervisor/campaigns/:id/drill',
    summary: 'The interactions behind one number of the board.',
    access: OVERSEERS,
    params: campaignIdParamsSchema,
    query: drillQuerySchema,
    response: anything,
    handler: async ({ deps, user, params, query }) => {
      const found = await drillDown(
        deps.store.db,
        user!,
        params.id,
        query,
        deps.now(),
        daySourceCacheFor(deps.events),
      );
      if (!found)
        throw new AppError(
          'NOT_FOUND',
          query.agentId ? 'No such agent in this campaign.' : 'No such campaign.',
        );
      return found;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/supervisor/spy/:interactionId',
    summary: 'Spy: the transcript of an interaction of your campaigns, read-only; logged.',
    access: OVERSEERS,
    params: spyParamsSchema,
    response: anything,
    handler: async ({ deps, user, params }) => {
      const res = await spy(deps.store.db, user!, params.interactionId, deps.now());
      if (!res.ok) refuse(res.code, 'interaction');
      return res.value;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/supervisor/agents/:id',
    summary:
      "Info: an agent's details, campaigns, login time, current interactions, today's figures; logged.",
    access: OVERSEERS,
    params: agentIdParamsSchema,
    response: anything,
    handler: async ({ deps, user, params }) => {
      const res = await agentInfo(deps.store.db, user!, params.id, deps.now());
      if (!res.ok) refuse(res.code, 'agent');
      return res.value;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/supervisor/agents/:id/pause',
    summary: 'Pause: the agent goes on break "paused by supervisor" (keeps current work); logged.',
    access: OVERSEERS,
    params: agentIdParamsSchema,
    response: anything,
    handler: async ({ deps, user, params }) => {
      const res = await pauseAgent(deps.store.db, user!, params.id, deps.now());
      if (!res.ok) refuse(res.code, 'agent');
      // The supervisor's next board must show it, even before the event comes back through NOTIFY.
      daySourceCacheFor(deps.events).invalidate();
      await deps.settle(res.changes);
      return res.value;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/supervisor/agents/:id/logout',
    summary:
      "Logout: ends the agent's sessions, sets them offline, returns unanswered work to the queue; logged.",
    access: OVERSEERS,
    params: agentIdParamsSchema,
    response: anything,
    handler: async ({ deps, user, params }) => {
      const res = await logoutAgent(deps.store.db, user!, params.id, deps.now());
      if (!res.ok) refuse(res.code, 'agent');
      daySourceCacheFor(deps.events).invalidate();
      deps.emit({ type: 'user.sessions-ended', userId: params.id });
      await deps.settle(res.changes);
      return res.value;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/audit',
    summary: "The audit log of supervisors' actions, newest first.",
    access: ['admin'],
    query: auditQuerySchema,
    response: anything,
    handler: async ({ deps, query }) => listAudit(deps.store.db, query),
  }),
];
