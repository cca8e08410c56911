import Dexie, { type Table } from 'dexie';
import type { Transcript } from '../../shared/api/interactions.ts';

/** A reply the agent is writing, kept so a reload or a browser restart never loses it. */
export interface DraftRow {
  interactionId: string;
  userId: string;
  text: string;
  updatedAt: number;
}

/** A transcript as last fetched, so reopening an interaction shows it at once. */
export interface TranscriptRow {
  interactionId: string;
  userId: string;
  transcript: Transcript;
  savedAt: number;
}

/** How many transcripts (and drafts) each user keeps: the most recently saved win. */
export const KEEP_PER_USER = 50;

/** Both tables are keyed by [interactionId, userId]. */
type Key = [string, string];
type SidebarDb = Dexie & {
  drafts: Table<DraftRow, Key>;
  transcripts: Table<TranscriptRow, Key>;
};

/*
 * The sidebar's own database: it runs at the extension's origin (an iframe of an extension page), so
 * facebook.com cannot read it. Rows are keyed by user too: another person logging in on this
 * browser never sees them.
 */
let db: SidebarDb | null = null;
function open(): SidebarDb {
  if (db) return db;
  const d = new Dexie('pagedesk-sidebar') as SidebarDb;
  d.version(1).stores({
    drafts: '[interactionId+userId], [userId+updatedAt]',
    transcripts: '[interactionId+userId], [userId+savedAt]',
  });
  db = d;
  return d;
}

/** Drops the oldest rows beyond KEEP_PER_USER for this user. */
async function prune(
  table: Table<DraftRow, Key> | Table<TranscriptRow, Key>,
  index: string,
  userId: string,
): Promise<void> {
  const keys = await table
    .where(index)
    .between([userId, Dexie.minKey], [userId, Dexie.maxKey])
    .reverse()
    .offset(KEEP_PER_USER)
    .primaryKeys();
  if (keys.length > 0) await table.bulkDelete(keys);
}

/*
 * Storage can fail (private windows, quota, a browser that refuses IndexedDB in a frame): the
 * sidebar then works without its cache rather than breaking, so every call swallows the error.
 */
async function quietly<T>(work: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await work();
  } catch {
    return fallback;
  }
}

export const localDb = {
  loadDraft: (interactionId: string, userId: string) =>
    quietly(async () => (await open().drafts.get([interactionId, userId]))?.text ?? null, null),

  saveDraft: (interactionId: string, userId: string, text: string, now = Date.now()) =>
    quietly(async () => {
      const d = open();
      if (!text) {
        await d.drafts.delete([interactionId, userId]);
        return;
      }
      await d.drafts.put({ interactionId, userId, text, updatedAt: now });
      await prune(d.drafts, '[userId+updatedAt]', userId);
    }, undefined),

  deleteDraft: (interactionId: string, userId: string) =>
    quietly(() => open().drafts.delete([interactionId, userId]), undefined),

  loadTranscript: (interactionId: string, userId: string) =>
    quietly(async () => (await open().transcripts.get([interactionId, userId]))?.transcript ?? null, null),

  saveTranscript: (transcript: Transcript, userId: string, now = Date.now()) =>
    quietly(async () => {
      const d = open();
      await d.transcripts.put({ interactionId: transcript.interaction.id, userId, transcript, savedAt: now });
      await prune(d.transcripts, '[userId+savedAt]', userId);
    }, undefined),

  /** On logout: nothing of this user stays on the browser. */
  clearUser: (userId: string) =>
    quietly(async () => {
      const d = open();
      const range = [
        [userId, Dexie.minKey],
        [userId, Dexie.maxKey],
      ] as const;
      await d.drafts
        .where('[userId+updatedAt]')
        .between(...range)
        .delete();
      await d.transcripts
        .where('[userId+savedAt]')
        .between(...range)
        .delete();
    }, undefined),
};

export type LocalDb = typeof localDb;
