import { describe, expect, it } from 'vitest';
import { recordingTranscript } from './recording-test-fixtures.ts';
import { KEEP_PER_USER, recordingsDb } from './recordings-db.ts';

describe('recordings cache', () => {
  it('keeps transcripts per user, newest opened first', async () => {
    await recordingsDb.save(recordingTranscript('r1'), 'u-ana', 1);
    await recordingsDb.save(recordingTranscript('r2'), 'u-ana', 2);
    await recordingsDb.save(recordingTranscript('r1'), 'u-bo', 3);
    expect((await recordingsDb.list('u-ana')).map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(await recordingsDb.load('r2', 'u-bo')).toBeNull();
    expect((await recordingsDb.load('r1', 'u-bo'))?.savedAt).toBe(3);
    // Opening one again moves it to the front.
    await recordingsDb.save(recordingTranscript('r1'), 'u-ana', 4);
    expect((await recordingsDb.list('u-ana')).map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it(`keeps only the ${KEEP_PER_USER} most recent of each user`, async () => {
    for (let n = 0; n < KEEP_PER_USER + 3; n++)
      await recordingsDb.save(recordingTranscript(`x${n}`), 'u-cy', 100 + n);
    const kept = await recordingsDb.list('u-cy');
    expect(kept).toHaveLength(KEEP_PER_USER);
    expect(kept.at(-1)?.id).toBe('x3');
    expect(await recordingsDb.list('u-ana')).toHaveLength(2);
  });

  it("forgets one user's transcripts", async () => {
    await recordingsDb.clearUser('u-cy');
    expect(await recordingsDb.list('u-cy')).toEqual([]);
    expect(await recordingsDb.list('u-ana')).toHaveLength(2);
  });
});
