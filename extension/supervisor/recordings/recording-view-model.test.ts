import { describe, expect, it } from 'vitest';
import type { RealtimeUpdate } from '../../../shared/runtime-messages.ts';
import type { watchRealtime } from '../../ui/runtime-client.ts';
import { fakeSend, ok } from '../board-test-fixtures.ts';
import { recordingTranscript } from './recording-test-fixtures.ts';
import { createRecordingViewModel } from './recording-view-model.ts';
import type { CachedRecording, RecordingsDbApi } from './recordings-db.ts';

function memoryDb() {
  const rows = new Map<string, CachedRecording>();
  const api = {
    save: async (transcript, userId, now = 0) => {
      rows.set(`${transcript.interaction.id}|${userId}`, {
        id: transcript.interaction.id,
        userId,
        transcript,
        savedAt: now,
      });
    },
    load: async (id, userId) => rows.get(`${id}|${userId}`) ?? null,
  } as Pick<RecordingsDbApi, 'save' | 'load'>;
  return { api: api as RecordingsDbApi, rows };
}

function setup(answers: Record<string, unknown>) {
  const fake = fakeSend(answers);
  const listeners = new Set<(u: RealtimeUpdate) => void>();
  const watch: typeof watchRealtime = (onUpdate, signal) => {
    listeners.add(onUpdate);
    signal.addEventListener('abort', () => listeners.delete(onUpdate));
  };
  const db = memoryDb();
  const model = createRecordingViewModel(
    () => 'u-sue',
    fake.send,
    watch,
    db.api,
    () => 42,
  );
  return {
    model,
    sent: fake.sent,
    db,
    listeners,
    push: (u: RealtimeUpdate) => {
      for (const l of listeners) l(u);
    },
  };
}
const settle = () => new Promise((r) => setTimeout(r, 0));
const offline = { ok: false, error: { code: 'NETWORK', message: 'Cannot reach the backend.' } };

describe('recording view model', () => {
  it('opens a transcript and keeps a copy for offline reading', async () => {
    const { model, db } = setup({ 'recordings.get': ok(recordingTranscript('r1')) });
    model.open('r1');
    await settle();
    expect(model.transcript.value?.interaction.id).toBe('r1');
    expect(model.cachedAt.value).toBeNull();
    expect(db.rows.get('r1|u-sue')?.savedAt).toBe(42);
  });

  it('shows the cached copy, saying when it was saved, when the backend is out of reach', async () => {
    const { model } = setup({ 'recordings.get': [ok(recordingTranscript('r1')), offline] });
    model.open('r1');
    await settle();
    model.refresh();
    await settle();
    expect(model.transcript.value?.interaction.id).toBe('r1');
    expect(model.cachedAt.value).toBe(42);
    expect(model.error.value).toBeNull();
  });

  it('says so when there is neither the backend nor a copy', async () => {
    const { model } = setup({ 'recordings.get': offline });
    model.open('r2');
    await settle();
    expect(model.error.value?.code).toBe('NETWORK');
  });

  it('refetches on events about the interaction while it is shown, and stops when closed', async () => {
    const { model, sent, push, listeners } = setup({ 'recordings.get': ok(recordingTranscript('r1')) });
    model.open('r1');
    await settle();
    push({
      type: 'event',
      event: { type: 'interaction.message', interactionId: 'r2', agentId: null, campaignId: 'c' },
    });
    push({
      type: 'event',
      event: { type: 'interaction.message', interactionId: 'r1', agentId: null, campaignId: 'c' },
    });
    await settle();
    expect(sent.map((s) => s.input)).toEqual([{ id: 'r1' }, { id: 'r1' }]);
    model.close();
    expect(listeners.size).toBe(0);
  });
});
