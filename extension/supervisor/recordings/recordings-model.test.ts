import { describe, expect, it } from 'vitest';
import { fakeSend, ok } from '../board-test-fixtures.ts';
import { recording, recordingTranscript } from './recording-test-fixtures.ts';
import type { RecordingsDbApi } from './recordings-db.ts';
import { createRecordingsModel } from './recordings-model.ts';

const db = {
  list: async (userId: string) =>
    userId === 'u-sue' ? [{ id: 'r9', userId, transcript: recordingTranscript('r9'), savedAt: 5 }] : [],
} as unknown as RecordingsDbApi;

describe('recordings model', () => {
  it('searches with the filters, then loads more with the cursor and the same filters', async () => {
    const { send, sent } = fakeSend({
      'recordings.search': [
        ok({ results: [recording('r1'), recording('r2')], nextCursor: 'k1' }),
        ok({ results: [recording('r2'), recording('r3')], nextCursor: null }),
      ],
    });
    const m = createRecordingsModel(() => 'u-sue', send, db);
    m.setField('campaignId', 'c-fb');
    expect(await m.search()).toBe(true);
    m.setField('campaignId', 'c-other'); // typed after the search: Load more keeps the searched filters
    await m.loadMore();
    expect(sent.map((s) => s.input)).toEqual([{ campaignId: 'c-fb' }, { campaignId: 'c-fb', cursor: 'k1' }]);
    expect(m.results.value.map((r) => r.interaction.id)).toEqual(['r1', 'r2', 'r3']);
    expect(m.nextCursor.value).toBeNull();
    await m.loadMore();
    expect(sent).toHaveLength(2);
  });

  it('sends nothing while the form has a problem, and shows it only once asked to search', async () => {
    const { send, sent } = fakeSend({});
    const m = createRecordingsModel(() => 'u-sue', send, db);
    m.setField('q', 'ab');
    expect(m.issues.value).toEqual([]);
    expect(await m.search()).toBe(false);
    expect(sent).toEqual([]);
    expect(m.issues.value).toEqual([{ field: 'q', key: 'errQueryTooShort' }]);
  });

  it("offers this user's cached transcripts when the backend cannot be reached", async () => {
    const { send } = fakeSend({
      'recordings.search': { ok: false, error: { code: 'NETWORK', message: 'Cannot reach the backend.' } },
    });
    const m = createRecordingsModel(() => 'u-sue', send, db);
    await m.search();
    expect(m.offline.value).toBe(true);
    expect(m.cached.value.map((c) => c.id)).toEqual(['r9']);
  });

  it('keeps other refusals to show, without calling it offline', async () => {
    const { send } = fakeSend({
      'recordings.search': { ok: false, error: { code: 'BAD_REQUEST', message: 'Not a campaign id.' } },
    });
    const m = createRecordingsModel(() => 'u-sue', send, db);
    await m.search();
    expect(m.offline.value).toBe(false);
    expect(m.error.value?.message).toBe('Not a campaign id.');
  });
});
