import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingScope } from '../../backend/recordings/recording-filter.ts';
import { searchRecordings } from '../../backend/recordings/search-recordings.ts';
import type { UserRow } from '../../backend/store/schema.ts';
import { comments } from '../../backend/store/schema.ts';
import { RECORDING_MESSAGES_CAP, type RecordingsPage } from '../../shared/api/recordings.ts';
import { seedCampaign, seedChat, seedInteraction, seedPage } from '../harness/supervision-seed.ts';
import { createTestApp, type TestApp } from '../harness/test-app.ts';

/**
 * The list carries each result's first RECORDING_MESSAGES_CAP messages (what the list shows) and
 * counts them all. Its messages are read in the index's time order up to the cap and the rows tied
 * with the last one, so ties are broken by id exactly as a full sort would, and a comment without a
 * time (Facebook sent none) still sorts first in the thread's first interaction.
 * - f1, f2: one Facebook thread, two interactions (10:00, 11:00); f1 owns an untimed comment and
 *   four timed ones, three of them at the same second; f2 owns two.
 * - c1: a Messenger chat with five messages, four at the same second.
 */
let t: TestApp;
let admin: { user: UserRow; token: string };
const ids = { f1: '', f2: '', c1: '' };
const at = (hms: string) => new Date(`2026-04-02T${hms}Z`);
const chatTexts = ['first', 'tie a', 'tie b', 'tie c', 'tie d'];

beforeAll(async () => {
  t = await createTestApp({}, { now: () => at('12:00:00') });
  admin = await t.userWithSession('admin', 'Admin');
  const agent = await t.userWithSession('agent', 'Ana');
  const db = t.store.db;
  const pageId = await seedPage(db, 'Preview Shop');
  const fb = await seedCampaign(db, { pageId, name: 'Comments', agents: [agent.user.id] });
  const chat = await seedCampaign(db, {
    pageId,
    name: 'Chats',
    channel: 'messenger',
    agents: [agent.user.id],
  });
  const thread = `${pageId}_p1`;
  const steps = (from: string) => [{ state: 'queued' as const, at: at(from) }];
  const ended = [...steps('10:00:00'), { state: 'abandoned' as const, at: at('10:30:00') }];
  ids.f1 = await seedInteraction(db, { campaignId: fb, pageId, threadKey: thread, steps: ended });
  ids.f2 = await seedInteraction(db, { campaignId: fb, pageId, threadKey: thread, steps: steps('11:00:00') });
  ids.c1 = await seedInteraction(db, {
    campaignId: chat,
    pageId,
    channel: 'messenger',
    threadKey: 'psid-p',
    customerId: 'psid-p',
    steps: steps('09:00:00'),
  });
  const comment = (id: string, message: string, createdAt: Date | null) => ({
    id: `${thread}${id}`,
    pageId,
    postId: `${pageId}_post`,
    parentId: thread,
    threadId: thread,
    fromId: 'customer',
    fromName: 'Customer',
    message,
    createdAt,
  });
  // Inserted out of order: the heap order must not decide.
  await db
    .insert(comments)
    .values([
      comment('_z', 'tie z', at('10:00:05')),
      comment('_c', 'tie c', at('10:00:05')),
      comment('', 'untimed', null),
      comment('_a', 'early', at('10:00:01')),
      comment('_b', 'tie b', at('10:00:05')),
      comment('_x', 'second interaction', at('11:00:00')),
      comment('_y', 'second interaction, later', at('11:05:00')),
    ]);
  await seedChat(db, {
    pageId,
    psid: 'psid-p',
    messages: chatTexts.map((text, n) => ({ text, at: n === 0 ? at('09:00:00') : at('09:00:07') })),
  });
});
afterAll(() => t.close());

describe('the recordings list’s first messages', () => {
  it('carries the first RECORDING_MESSAGES_CAP messages of each result, counting them all', async () => {
    const res = await t.call('GET', '/api/recordings', { token: admin.token });
    expect(res.status).toBe(200);
    const page = (await res.json()) as RecordingsPage;
    const byId = new Map(page.results.map((r) => [r.interaction.id, r]));
    expect(RECORDING_MESSAGES_CAP).toBe(3);
    const f1 = byId.get(ids.f1)!;
    // Ties at 10:00:05 by id: …_b before …_c before …_z.
    expect(f1.messages.map((m) => m.text)).toEqual(['untimed', 'early', 'tie b']);
    expect([f1.messageCount, f1.messagesTruncated]).toEqual([5, true]);
    const f2 = byId.get(ids.f2)!;
    expect(f2.messages.map((m) => m.text)).toEqual(['second interaction', 'second interaction, later']);
    expect([f2.messageCount, f2.messagesTruncated]).toEqual([2, false]);
    const c1 = byId.get(ids.c1)!;
    expect(c1.messages).toHaveLength(3);
    expect([c1.messageCount, c1.messagesTruncated]).toEqual([5, true]);
  });

  it('breaks ties at the cap by id, as the whole transcript orders them', async () => {
    const scope = recordingScope(admin.user, 'all');
    const transcript = await searchRecordings(t.store.db, scope, {}, { limit: 10, messageCap: 5_000 });
    for (const messageCap of [1, 2, 3, 4]) {
      const { results } = await searchRecordings(t.store.db, scope, {}, { limit: 10, messageCap });
      for (const r of results) {
        const all = transcript.results.find((x) => x.interaction.id === r.interaction.id)!;
        expect(
          r.messages.map((m) => m.id),
          `${r.interaction.id} cap ${messageCap}`,
        ).toEqual(all.messages.slice(0, messageCap).map((m) => m.id));
        expect(r.messageCount).toBe(all.messages.length);
      }
    }
    const chat = transcript.results.find((x) => x.interaction.id === ids.c1)!;
    expect(chat.messages.map((m) => m.text)[0]).toBe('first');
    expect([...chat.messages.slice(1).map((m) => m.id)]).toEqual(
      chat.messages
        .slice(1)
        .map((m) => m.id)
        .sort(),
    );
  });
});
