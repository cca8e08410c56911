import type { Dexie, Table } from 'dexie';
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
 * browser never sees them. Dexie (about 100 kB) loads with the first use, not with the sidebar: the
 * inbox needs none of this, only an opened interaction (and a logout) does.
 */
interface Opened {
  d: SidebarDb;
  /** Dexie's own lowest and highest keys, for "every row of this user" ranges. */
  minKey: unknown;
  maxKey: unknown;
}
let db: Promise<Opened> | null = null;
function open(): Promise<Opened> {
  db ??= import('dexie').then(
    ({ default: Dexie }) => {
      const d = new Dexie('pagedesk-sidebar') as SidebarDb;
      d.version(1).stores({
        drafts: '[interactionId+userId], [userId+updatedAt]',
        transcripts: '[interactionId+userId], [userId+savedAt]',
      });
      return { d, minKey: Dexie.minKey, maxKey: Dexie.maxKey };
    },
    (err: unknown) => {
      db = null; // a later call tries again
      throw err;
    },
  );
  return db;
}

/** Drops the oldest rows beyond KEEP_PER_USER for this user. */
async function prune(
  { minKey, maxKey }: Opened,
  table: Table<DraftRow, Key> | Table<TranscriptRow, Key>,
  index: string,
  userId: string,
): Promise<void> {
  const keys = await table
    .where(index)
    .between([userId, minKey], [userId, maxKey])
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
    quietly(async () => (await (await open()).d.drafts.get([interactionId, userId]))?.text ?? null, null),

  saveDraft: (interactionId: string, userId: string, text: string, now = Date.now()) =>
    quietly(async () => {
      const opened = await open();
      const { d } = opened;
      if (!text) {
        await d.drafts.delete([interactionId, userId]);
        return;
      }
      await d.drafts.put({ interactionId, userId, text, updatedAt: now });
      await prune(opened, d.drafts, '[userId+updatedAt]', userId);
    }, undefined),

  deleteDraft: (interactionId: string, userId: string) =>
    quietly(async () => (await open()).d.drafts.delete([interactionId, userId]), undefined),

  loadTranscript: (interactionId: string, userId: string) =>
    quietly(
      async () => (await (await open()).d.transcripts.get([interactionId, userId]))?.transcript ?? null,
      null,
    ),

  saveTranscript: (transcript: Transcript, userId: string, now = Date.now()) =>
    quietly(async () => {
      const opened = await open();
      const { d } = opened;
      await d.transcripts.put({ interactionId: transcript.interaction.id, userId, transcript, savedAt: now });
      await prune(opened, d.transcripts, '[userId+savedAt]', userId);
    }, undefined),

  /** On logout: nothing of this user stays on the browser. */
  clearUser: (userId: string) =>
    quietly(async () => {
      const { d, minKey, maxKey } = await open();
      const range = [
        [userId, minKey],
        [userId, maxKey],
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
