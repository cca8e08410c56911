import type { PresenceView, Transcript } from '../../shared/api/interactions.ts';
import type { RecordingsCount, RecordingsPage, RecordingTranscript } from '../../shared/api/recordings.ts';
import type { AgentInfo, AuditPage, Board, DrillDown, LogoutResult } from '../../shared/api/supervisor.ts';
import type { RuntimeRequests, RuntimeResult } from '../../shared/runtime-messages.ts';
import { RecordingsExports } from './recordings-export.ts';
import { recordingsQuery } from './recordings-query.ts';
import type { SessionService } from './session-service.ts';

/** The runtime requests of the supervisor's board, its actions, the audit log and recordings. */
export type SupervisorRequestType =
  | 'supervisor.board'
  | 'supervisor.drill'
  | 'supervisor.spy'
  | 'supervisor.agentInfo'
  | 'supervisor.pause'
  | 'supervisor.logout'
  | 'audit.list'
  | 'recordings.search'
  | 'recordings.count'
  | 'recordings.get'
  | 'recordings.export'
  | 'recordings.exportPoll'
  | 'recordings.exportCancel';

type SupervisorHandlers = {
  [K in SupervisorRequestType]: (
    input: RuntimeRequests[K]['input'],
  ) => Promise<RuntimeResult<RuntimeRequests[K]['output']>>;
};

const id = encodeURIComponent;

/** Issue 6's handlers, spread into the background's one table (message-router.ts). */
export function createSupervisorHandlers(
  session: Pick<SessionService, 'call' | 'credentials'>,
  exports = new RecordingsExports({ credentials: () => session.credentials() }),
): SupervisorHandlers {
  return {
    'supervisor.board': (input) =>
      session.call<Board>(
        'GET',
        `/api/supervisor/board${input.campaignId ? `?campaignId=${id(input.campaignId)}` : ''}`,
      ),
    'supervisor.drill': (input) => {
      const query = new URLSearchParams({ metric: input.metric });
      if (input.agentId) query.set('agentId', input.agentId);
      return session.call<DrillDown>(
        'GET',
        `/api/supervisor/campaigns/${id(input.campaignId)}/drill?${query}`,
      );
    },
    'supervisor.spy': (input) =>
      session.call<Transcript>('POST', `/api/supervisor/spy/${id(input.interactionId)}`),
    'supervisor.agentInfo': (input) =>
      session.call<AgentInfo>('GET', `/api/supervisor/agents/${id(input.agentId)}`),
    'supervisor.pause': (input) =>
      session.call<PresenceView>('POST', `/api/supervisor/agents/${id(input.agentId)}/pause`),
    'supervisor.logout': (input) =>
      session.call<LogoutResult>('POST', `/api/supervisor/agents/${id(input.agentId)}/logout`),
    'audit.list': (input) => {
      const query = new URLSearchParams();
      if (input.cursor) query.set('cursor', input.cursor);
      if (input.limit) query.set('limit', String(input.limit));
      const text = query.toString();
      return session.call<AuditPage>('GET', `/api/audit${text ? `?${text}` : ''}`);
    },
    'recordings.search': (input) =>
      session.call<RecordingsPage>('GET', `/api/recordings${recordingsQuery(input)}`),
    'recordings.count': (input) =>
      session.call<RecordingsCount>('GET', `/api/recordings/count${recordingsQuery(input)}`),
    'recordings.get': (input) => session.call<RecordingTranscript>('GET', `/api/recordings/${id(input.id)}`),
    'recordings.export': (input) => exports.start(input),
    'recordings.exportPoll': async (input) => exports.poll(input.exportId),
    'recordings.exportCancel': async (input) => exports.cancel(input.exportId),
  };
}
