import type { Campaign, CreateCampaignInput, UpdateCampaignInput } from './api/campaigns.ts';
import type { OutgoingReply, PresenceView, Transcript, UploadedAttachment } from './api/interactions.ts';
import type { Activation, Page } from './api/pages.ts';
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
