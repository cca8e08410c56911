import type { Recording, RecordingTranscript } from '../../../shared/api/recordings.ts';
import { interaction } from '../board-test-fixtures.ts';

/** A search result as the API answers it. */
export const recording = (id: string, extra: Partial<Recording> = {}): Recording => ({
  interaction: interaction(id, { state: 'completed', endedAt: '2026-11-24T11:55:00.000Z' }),
  agentName: 'Iris',
  messages: [
    {
      id: `${id}-m1`,
      author: { kind: 'customer', name: 'Dora', agentId: null },
      text: 'Do you ship to Porto?',
      attachments: [],
      at: '2026-11-24T11:50:00.000Z',
      removed: false,
    },
  ],
  messageCount: 1,
  messagesTruncated: false,
  ...extra,
});

export const recordingTranscript = (
  id: string,
  extra: Partial<RecordingTranscript> = {},
): RecordingTranscript => ({
  ...recording(id),
  post: null,
  ...extra,
});
