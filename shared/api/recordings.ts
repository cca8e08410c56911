/**
 * Recordings: every interaction is kept; search, read and export them (issue 6).
 *
 * ROUTES (any logged-in user; scope by role: admins all, supervisors their campaigns, agents the
 * interactions they hold or held last — a filter outside the scope simply finds nothing)
 *
 * GET /api/recordings?from&to&campaignId&agentId&channel&q&cursor&limit
 *     query: recordingsQuerySchema
 *     200:   RecordingsPage — newest first (by first queued time, then id); `nextCursor` is opaque,
 *            pass it back unchanged with the SAME filters for the next page; null at the end.
 *            Each result carries its first RECORDING_MESSAGES_CAP messages (oldest first);
 *            `messageCount` and `messagesTruncated` tell when there are more: open the transcript.
 * GET /api/recordings/count?from&to&campaignId&agentId&channel&q
 *     query: recordingsFilterSchema
 *     200:   RecordingsCount — how many interactions match (for the export's progress bar).
 * GET /api/recordings/export.csv?from&to&campaignId&agentId&channel&q
 *     query: recordingsFilterSchema
 *     200:   text/csv; charset=utf-8, streamed in chunks, `Content-Disposition: attachment`,
 *            header `X-Total-Count` = the number of matching interactions (as /count). One row per
 *            message (an interaction without messages still gets one row with empty message cells),
 *            interactions newest first, messages oldest first; columns RECORDINGS_CSV_COLUMNS.
 *            Progress = distinct interaction_id seen / X-Total-Count. Cells are RFC 4180 quoted;
 *            a cell starting with = + - @ (or tab / carriage return) is prefixed with ' so
 *            spreadsheets never run it as a formula.
 * GET /api/recordings/:id
 *     params: recordingIdParamsSchema
 *     200:   RecordingTranscript — the whole transcript (up to RECORDING_TRANSCRIPT_CAP messages),
 *            read-only (never marks anything read). 404 when outside the viewer's scope. The
 *            transcript view's refresh button refetches this; for an open interaction the client
 *            refetches it on `interaction.message` / `interaction.changed` / `reply.status` events
 *            of that interaction.
 *
 * Matching:
 * - `from` / `to`: an ISO 8601 date-time with offset (`2025-03-01T00:00:00+01:00`) or a date
 *   (`2025-03-01`, read as UTC midnight). An interaction matches when it FIRST entered the queue
 *   in [from, to): the UI sends local midnights for a date range (to = the day after the last day).
 * - `agentId`: the agent who holds it, or held it last.
 * - `q`: 3..200 characters, case-insensitive, matched as ONE substring (trigram-indexed; `%` and
 *   `_` are literal) in the text of any message of the interaction, or in the customer's name.
 * - A messenger chat with one person holds several interactions over time: each message belongs to
 *   the interaction that was open when it came (the latest one started at or before it; messages
 *   before the first interaction belong to the first). A Facebook thread likewise.
 */
import { z } from 'zod';
import { channelSchema } from './campaigns.ts';
import type { InteractionView, TranscriptMessage } from './interactions.ts';

const instant = z.union(
  [z.iso.date(), z.iso.datetime({ offset: true })],
  'Use an ISO date (2025-03-01) or date-time with offset (2025-03-01T00:00:00+01:00).',
);

/** The filters shared by search, count and export. */
export const recordingsFilterSchema = z.strictObject({
  from: instant.optional(),
  to: instant.optional(),
  campaignId: z.uuid({ message: 'Not a campaign id.' }).optional(),
  agentId: z.uuid({ message: 'Not an agent id.' }).optional(),
  channel: channelSchema.optional(),
  q: z.string().trim().min(3, 'Type at least 3 characters.').max(200).optional(),
});
export type RecordingsFilter = z.infer<typeof recordingsFilterSchema>;

export const RECORDINGS_PAGE_DEFAULT = 25;
export const RECORDINGS_PAGE_MAX = 100;

export const recordingsQuerySchema = recordingsFilterSchema.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(RECORDINGS_PAGE_MAX).default(RECORDINGS_PAGE_DEFAULT),
});
export type RecordingsQuery = z.infer<typeof recordingsQuerySchema>;

export const recordingIdParamsSchema = z.strictObject({ id: z.uuid({ message: 'Not an interaction id.' }) });

/**
 * Messages carried by each search result: the list shows this many (RecordingItem) and the count;
 * open the transcript for the rest. Each one carried is one more row read per result.
 */
export const RECORDING_MESSAGES_CAP = 3;
/** Messages of one transcript (GET /api/recordings/:id); a longer one says `messagesTruncated`. */
export const RECORDING_TRANSCRIPT_CAP = 5_000;

/** One message of a recording: its text, its author and its attachments' URLs. */
export type RecordingMessage = Pick<TranscriptMessage, 'id' | 'author' | 'text' | 'attachments' | 'at'> & {
  removed: boolean;
};

export interface Recording {
  interaction: InteractionView;
  /** The agent who holds it or held it last, by name. */
  agentName: string | null;
  /** Oldest first, at most RECORDING_MESSAGES_CAP (search) or RECORDING_TRANSCRIPT_CAP (transcript). */
  messages: RecordingMessage[];
  messageCount: number;
  messagesTruncated: boolean;
}

export interface RecordingsPage {
  results: Recording[];
  nextCursor: string | null;
}

export interface RecordingsCount {
  total: number;
}

export interface RecordingTranscript extends Recording {
  /** Facebook: the post the thread hangs on. */
  post: { id: string; message: string; photoUrl: string | null } | null;
}

export const RECORDINGS_CSV_COLUMNS = [
  'interaction_id',
  'campaign',
  'channel',
  'state',
  'customer_id',
  'customer_name',
  'agent',
  'queued_at',
  'answered_at',
  'ended_at',
  'message_id',
  'message_at',
  'author_kind',
  'author_name',
  'text',
  'attachment_urls',
] as const;
