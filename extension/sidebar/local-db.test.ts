import { describe, expect, it } from 'vitest';
import { KEEP_PER_USER, localDb } from './local-db.ts';
import { facebookTranscript, interactionView } from './sidebar-test-fixtures.ts';

const transcriptOf = (id: string) => facebookTranscript({ interaction: interactionView({ id }) });

describe('the sidebar local database', () => {
  it('keeps a draft per interaction and user, and forgets it when emptied or deleted', async () => {
    await localDb.saveDraft('i1', 'ana', 'Hello Dora');
    await localDb.saveDraft('i2', 'ana', 'Other');
    expect(await localDb.loadDraft('i1', 'ana')).toBe('Hello Dora');
    expect(await localDb.loadDraft('i1', 'maria')).toBeNull();
    await localDb.saveDraft('i1', 'ana', '');
    expect(await localDb.loadDraft('i1', 'ana')).toBeNull();
    await localDb.deleteDraft('i2', 'ana');
    expect(await localDb.loadDraft('i2', 'ana')).toBeNull();
  });

  it('caches transcripts per user, keeping only the most recent ones', async () => {
    for (let n = 0; n < KEEP_PER_USER + 3; n++)
      await localDb.saveTranscript(transcriptOf(`t${n}`), 'bea', 1_000 + n);
    await localDb.saveTranscript(transcriptOf('t0'), 'carl', 5_000);
    expect(await localDb.loadTranscript('t0', 'bea')).toBeNull();
    expect(await localDb.loadTranscript('t2', 'bea')).toBeNull();
    expect((await localDb.loadTranscript('t3', 'bea'))?.interaction.id).toBe('t3');
    expect((await localDb.loadTranscript(`t${KEEP_PER_USER + 2}`, 'bea'))?.post?.message).toBe(
      'New arrivals',
    );
    // Another user's copy is theirs alone.
    expect((await localDb.loadTranscript('t0', 'carl'))?.interaction.id).toBe('t0');
  });

  it("clears one user's drafts and transcripts on logout, and leaves the others'", async () => {
    await localDb.saveDraft('i9', 'dan', 'draft');
    await localDb.saveTranscript(transcriptOf('i9'), 'dan');
    await localDb.saveDraft('i9', 'eve', 'hers');
    await localDb.clearUser('dan');
    expect(await localDb.loadDraft('i9', 'dan')).toBeNull();
    expect(await localDb.loadTranscript('i9', 'dan')).toBeNull();
    expect(await localDb.loadDraft('i9', 'eve')).toBe('hers');
  });
});
