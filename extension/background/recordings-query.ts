import type { RecordingsFilter } from '../../shared/api/recordings.ts';

/** The query string of the recordings routes: only the filters that are set, in a stable order. */
export function recordingsQuery(filter: RecordingsFilter & { cursor?: string; limit?: number }): string {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'campaignId', 'agentId', 'channel', 'q', 'cursor', 'limit'] as const) {
    const value = filter[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
