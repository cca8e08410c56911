import type { Campaign, CreateCampaignInput, UpdateCampaignInput } from './api/campaigns.ts';
import type { OutgoingReply, PresenceView, Transcript, UploadedAttachment } from './api/interactions.ts';
import type { Activation, Page } from './api/pages.ts';
import type {
  RecordingsCount,
  RecordingsFilter,
  RecordingsPage,
  RecordingTranscript,
} from './api/recordings.ts';
import type { AgentInfo, AuditPage, Board, DrillDown, DrillMetric, LogoutResult } from './api/supervisor.ts';
import type { CreateUserInput, UpdateUserInput, User } from './api/users.ts';
import type { ErrorCode, FieldIssue } from './errors.ts';
import type { DomainEvent } from './events.ts';
import type { Snapshot } from './realtime.ts';

/** What the extension knows about its connection: the backend URL and who is logged in. */
export interface SessionState {
  backendUrl: string;
  user: User | null;
}

/** A failed request as the extension's pages see it: the backend's code, or a network failure. */
export interface RuntimeError {
  code: ErrorCode | 'NETWORK';
  message: string;
  fields?: FieldIssue[];
}

export type RuntimeResult<T> = { ok: true; value: T } | { ok: false; error: RuntimeError };

/** Requests the extension's pages send to the background, which alone talks to the backend. */
export interface RuntimeRequests {
  'session.get': { input: undefined; output: SessionState };
  'session.setBackend': { input: { backendUrl: string }; output: SessionState };
  'session.login': { input: { email: string; password: string }; output: SessionState };
  'session.logout': { input: undefined; output: SessionState };
  'users.list': { input: undefined; output: User[] };
  'users.create': { input: CreateUserInput; output: User };
  'users.update': { input: { id: string; changes: UpdateUserInput }; output: User };
  'pages.list': { input: undefined; output: Page[] };
  /** Opens Facebook's Login dialog in its own window (pop-up blockers do not apply to it). */
  'pages.activate': { input: undefined; output: { activationId: string } };
  'pages.activation': { input: { id: string }; output: Activation };
  'pages.link': { input: { activationId: string; pageId: string }; output: Page };
  'pages.import': { input: { accessToken: string }; output: ImportTokenResult };
  'pages.check': { input: { id: string }; output: Page };
  'pages.update': { input: { id: string; humanAgentEnabled: boolean }; output: Page };
  'agent.status': {
    input: { status: 'available' } | { status: 'break'; reason: string };
    output: PresenceView;
  };
  'interactions.accept': { input: { id: string }; output: { ok: true } };
  'interactions.complete': { input: { id: string; disposition?: string }; output: { ok: true } };
  /** GET /api/interactions/:id */
  'interactions.get': { input: { id: string }; output: Transcript };
  /** POST /api/interactions/:id/replies: stored at once, sent by the outbox. */
  'interactions.reply': {
    input: { id: string; text?: string; attachmentUrl?: string; commentId?: string; privately?: boolean };
    output: { outboxId: number; status: 'pending' };
  };
  /** POST /api/interactions/:id/replies/:replyId/retry: a failed reply goes back to pending. */
  'interactions.retry': { input: { id: string; replyId: number }; output: OutgoingReply };
  /** POST /api/attachments with the raw bytes; runtime messages carry JSON, hence base64. */
  'attachments.upload': {
    input: { name: string; type: string; base64: string };
    output: UploadedAttachment;
  };
  /** Collision control: the background sends `{type:'viewing'}` on its socket (no-op when offline). */
  'interactions.viewing': {
    input: { interactionId: string; activity: 'viewing' | 'replying' | 'left' };
    output: { ok: true };
  };
  'campaigns.list': { input: undefined; output: Campaign[] };
  'campaigns.create': { input: CreateCampaignInput; output: Campaign };
  /** `changes` replaces whole values: a list sent is the new list, in its new order. */
  'campaigns.update': { input: { id: string; changes: UpdateCampaignInput }; output: Campaign };
  // ── Supervisor board, actions, audit log and recordings (issue 6; routes in shared/api/supervisor.ts)
  /** GET /api/supervisor/board: every visible campaign, or one. */
  'supervisor.board': { input: { campaignId?: string }; output: Board };
  /** GET /api/supervisor/campaigns/:id/drill: the interactions behind one number. */
  'supervisor.drill': {
    input: { campaignId: string; metric: DrillMetric; agentId?: string };
    output: DrillDown;
  };
  /** POST /api/supervisor/spy/:id: audit-logged once; follow-ups refetch with 'interactions.get'. */
  'supervisor.spy': { input: { interactionId: string }; output: Transcript };
  'supervisor.agentInfo': { input: { agentId: string }; output: AgentInfo };
  'supervisor.pause': { input: { agentId: string }; output: PresenceView };
  'supervisor.logout': { input: { agentId: string }; output: LogoutResult };
  /** GET /api/audit (admins): newest first. */
  'audit.list': { input: { cursor?: string; limit?: number }; output: AuditPage };
  'recordings.search': {
    input: RecordingsFilter & { cursor?: string; limit?: number };
    output: RecordingsPage;
  };
  'recordings.count': { input: RecordingsFilter; output: RecordingsCount };
  'recordings.get': { input: { id: string }; output: RecordingTranscript };
  /**
   * Starts a CSV export in the background (GET /api/recordings/export.csv, streamed). The page then
   * polls 'recordings.exportPoll', which hands over the text received since the last poll and the
   * progress; a job nobody polls for a while is cancelled. See extension/background/recordings-export.ts.
   */
  'recordings.export': { input: RecordingsFilter; output: { exportId: string; total: number | null } };
  'recordings.exportPoll': { input: { exportId: string }; output: ExportProgress };
  'recordings.exportCancel': { input: { exportId: string }; output: { ok: true } };
}

/** One poll of a running CSV export: the new text, how far it got, and whether it ended. */
export interface ExportProgress {
  /** CSV text received since the previous poll, in order: the page concatenates every poll's chunks. */
  chunks: string[];
  /** Distinct interactions seen so far. */
  done: number;
  /** X-Total-Count: interactions that match; null when the backend did not say. */
  total: number | null;
  finished: boolean;
  error: RuntimeError | null;
}

export interface ImportTokenResult {
  linked: Page[];
  refused: { pageId: string | null; name: string | null; reason: string }[];
}

/** What the background relays from its socket to open pages, on the REALTIME_PORT. */
export type RealtimeUpdate =
  | { type: 'connected'; connected: boolean }
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'event'; event: DomainEvent };

/** The name of the port on which the background relays `RealtimeUpdate`s to open pages. */
export const REALTIME_PORT = 'pagedesk.realtime';

export type RuntimeRequestType = keyof RuntimeRequests;

export interface RuntimeMessage<K extends RuntimeRequestType = RuntimeRequestType> {
  type: K;
  input: RuntimeRequests[K]['input'];
}

/** The name of the port on which the background pushes `SessionState` to open pages. */
export const SESSION_PORT = 'pagedesk.session';
