import { z } from 'zod';
import {
  completeSchema,
  interactionIdParamsSchema,
  replySchema,
  setStatusSchema,
} from '../../../shared/api/interactions.ts';
import { accept, complete } from '../../interactions/agent-actions.ts';
import { agentWork, isOfferedTo } from '../../interactions/agent-work.ts';
import { readPresence } from '../../interactions/changes.ts';
import { reply } from '../../interactions/reply.ts';
import { retryReply } from '../../interactions/retry-reply.ts';
import { transcript } from '../../interactions/transcript.ts';
import { setStatus } from '../../presence/presence.ts';
import { watchesCampaign } from '../../supervision/scope.ts';
import { AppError } from '../app-error.ts';
import { defineRoute } from '../route.ts';

const anything = z.unknown();

const replyParamsSchema = z.strictObject({
  id: z.uuid({ message: 'Not an interaction id.' }),
  replyId: z.coerce.number({ message: 'Not a reply id.' }).int().positive().max(Number.MAX_SAFE_INTEGER),
});

function refuse(code: 'NOT_FOUND' | 'NOT_YOURS' | 'GONE' | 'CLOSED'): never {
  // Someone else's interaction answers exactly as a missing one, as reading it does: an agent
  // cannot probe which interaction ids exist.
  if (code === 'NOT_FOUND' || code === 'NOT_YOURS')
    throw new AppError('NOT_FOUND', 'This interaction is not (or no longer) assigned to you.');
  throw new AppError(
    'CONFLICT',
    code === 'GONE' ? 'Someone else took it, or it went back to the queue.' : 'This interaction is closed.',
  );
}

export const agentRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/interactions/:id',
    summary: 'The transcript: the post and thread, or the chat, with every author. Agents see their own.',
    access: 'authenticated',
    params: interactionIdParamsSchema,
    response: anything,
    handler: async ({ deps, user, params }) => {
      const found = await transcript(deps.store.db, params.id, deps.now());
      // An agent reads only what is (or is offered) theirs; the answer does not tell others exist.
      const offered =
        found && user!.role === 'agent' && (await isOfferedTo(deps.store.db, params.id, user!.id));
      if (!found || (user!.role === 'agent' && found.interaction.agentId !== user!.id && !offered)) {
        throw new AppError('NOT_FOUND', 'No such interaction.');
      }
      // Supervisors read only their campaigns' interactions (Spy follows up with this route).
      if (
        user!.role === 'supervisor' &&
        !(await watchesCampaign(deps.store.db, user!, found.interaction.campaignId))
      )
        throw new AppError('NOT_FOUND', 'No such interaction.');
      return found;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/agent/work',
    summary: "The agent's status, interactions and open offers.",
    access: ['agent'],
    response: anything,
    handler: async ({ deps, user }) => agentWork(deps.store.db, user!.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/agent/status',
    summary: 'Available, or on break with a reason (current work stays; no new work).',
    access: ['agent'],
    body: setStatusSchema,
    response: anything,
    handler: async ({ deps, user, body }) => {
      await deps.settle(await setStatus(deps.store.db, user!.id, body, deps.now()));
      return readPresence(deps.store.db, user!.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/interactions/:id/accept',
    summary: 'Take an interaction offered to you (ringall); the other offers are withdrawn.',
    access: ['agent'],
    params: interactionIdParamsSchema,
    response: anything,
    handler: async ({ deps, user, params }) => {
      const res = await accept(deps.store.db, params.id, user!.id, deps.now());
      if (!res.ok) refuse(res.code);
      await deps.settle(res.changes);
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/interactions/:id/complete',
    summary: 'Close your interaction, with an optional disposition.',
    access: ['agent'],
    params: interactionIdParamsSchema,
    body: completeSchema,
    response: anything,
    handler: async ({ deps, user, params, body }) => {
      const res = await complete(deps.store.db, params.id, user!.id, body.disposition, deps.now());
      if (!res.ok) refuse(res.code);
      await deps.settle(res.changes);
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/interactions/:id/replies',
    summary:
      "Reply in your interaction: checked against Meta's rules (409 with the reason), stored at once, sent by the outbox; the first reply answers it.",
    access: ['agent'],
    params: interactionIdParamsSchema,
    body: replySchema,
    response: anything,
    status: 201,
    handler: async ({ deps, user, params, body }) => {
      const res = await reply(deps.store.db, user!, params.id, body, deps.now());
      if (!res.ok) {
        if (res.code === 'REFUSED') throw new AppError('CONFLICT', res.reason);
        refuse(res.code);
      }
      await deps.settle(res.changes);
      deps.wake('outbox');
      return { outboxId: res.outboxId, status: 'pending' };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/interactions/:id/replies/:replyId/retry',
    summary: 'Send a failed reply of your interaction again: back to pending with its attempts reset.',
    access: ['agent'],
    params: replyParamsSchema,
    response: anything,
    handler: async ({ deps, user, params }) => {
      const res = await retryReply(deps.store.db, user!.id, params.id, params.replyId, deps.now());
      if (!res.ok) {
        if (res.code === 'NO_REPLY') throw new AppError('NOT_FOUND', 'No such reply in this interaction.');
        if (res.code === 'NOT_FAILED') throw new AppError('CONFLICT', 'Only a failed reply can be retried.');
        refuse(res.code);
      }
      await deps.settle(res.changes);
      deps.wake('outbox');
      return res.reply;
    },
  }),
];
