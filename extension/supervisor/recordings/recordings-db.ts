import Dexie, { type Table } from 'dexie';
import type { RecordingTranscript } from '../../../shared/api/recordings.ts';

/** A transcript as last opened, for reading it again without the backend. */
export interface CachedRecording {
  id: string;
  userId: string;
  transcript: RecordingTranscript;
  /** When it was fetched (epoch ms): "as of" for the offline view. */
  savedAt: number;
}

/** How many transcripts each user keeps: the most recently opened win. */
export const KEEP_PER_USER = 50;

type Key = [string, string];
type RecordingsDb = Dexie & { transcripts: Table<CachedRecording, Key> };

/*
 * Its own small database at the extension's origin (popup and full tab share it). Rows are keyed
 * by user too: another person logging in on this browser never sees them.
 */
let db: RecordingsDb | null = null;
function open(): RecordingsDb {
  if (db) return db;
  const d = new Dexie('pagedesk-recordings') as RecordingsDb;
  d.version(1).stores({ transcripts: '[id+userId], [userId+savedAt]' });
  db = d;
  return d;
}

/* A browser that refuses storage (private window, quota) still searches: the cache is a bonus. */
async function quietly<T>(work: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await work();
  } catch {
    return fallback;
  }
}

const byUser = (userId: string) => [
  [userId, Dexie.minKey],
  [userId, Dexie.maxKey],
];

export const recordingsDb = {
  save: (transcript: RecordingTranscript, userId: string, now = Date.now()) =>
    quietly(async () => {
      const d = open();
      await d.transcripts.put({ id: transcript.interaction.id, userId, transcript, savedAt: now });
      const [lower, upper] = byUser(userId);
      const old = await d.transcripts
        .where('[userId+savedAt]')
        .between(lower, upper)
        .reverse()
        .offset(KEEP_PER_USER)
        .primaryKeys();
      if (old.length > 0) await d.transcripts.bulkDelete(old);
    }, undefined),

  load: (id: string, userId: string) =>
    quietly(async () => (await open().transcripts.get([id, userId])) ?? null, null),

  /** This user's cached transcripts, most recently opened first. */
  list: (userId: string) =>
    quietly(async () => {
      const [lower, upper] = byUser(userId);
      return open().transcripts.where('[userId+savedAt]').between(lower, upper).reverse().toArray();
    }, [] as CachedRecording[]),

  clearUser: (userId: string) =>
    quietly(async () => {
      const [lower, upper] = byUser(userId);
      await open().transcripts.where('[userId+savedAt]').between(lower, upper).delete();
    }, undefined),
};

export type RecordingsDbApi = typeof recordingsDb;
