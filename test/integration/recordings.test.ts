import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingScope } from '../../backend/recordings/recording-filter.ts';
import { searchConditions, searchRecordings } from '../../backend/recordings/search-recordings.ts';
import type { UserRow } from '../../backend/store/schema.ts';
import type { RecordingsPage, RecordingTranscript } from '../../shared/api/recordings.ts';
import {
  seedCampaign,
  seedChat,
  seedComments,
  seedInteraction,
  seedPage,
} from '../harness/supervision-seed.ts';
import { createTestApp, type TestApp } from '../harness/test-app.ts';

/**
 * Recordings over a small, hand-made history:
 * - r1 (Facebook, yesterday, Ana): María López asks about order #1234; Ana answers with a photo.
 * - r2 (Facebook, today, Ana): Bob writes a formula; Ana thanks him.
 * - m1, m2 (Messenger, today, Cai): one person's chat holding two interactions, 10:00 and 11:00;
 *   each message belongs to the interaction open when it came.
 */
let t: TestApp;
type Person = { user: UserRow; token: string };
let admin: Person;
let supFb: Person;
let supChat: Person;
let ana: Person;
let cai: Person;
let fbCampaign: string;
let chatCampaign: string;
const ids: Record<string, string> = {};
const day = (d: string, hms: string) => new Date(`2026-03-${d}T${hms}Z`);

beforeAll(async () => {
  t = await createTestApp({}, { now: () => day('10', '12:00:00') });
  admin = await t.userWithSession('admin', 'Admin');
  supFb = await t.userWithSession('supervisor', 'Fiona');
  supChat = await t.userWithSession('supervisor', 'Carl');
  ana = await t.userWithSession('agent', 'Ana');
  cai = await t.userWithSession('agent', 'Cai');
  const db = t.store.db;
  const pageId = await seedPage(db, 'Rec Shop');
  fbCampaign = await seedCampaign(db, {
    pageId,
    name: 'Comments',
    agents: [ana.user.id],
    supervisors: [supFb.user.id],
  });
  chatCampaign = await seedCampaign(db, {
    pageId,
    name: 'Chats',
    channel: 'messenger',
    agents: [cai.user.id],
    supervisors: [supChat.user.id],
  });
  const done = (at: Date, agentId: string, end: Date) => [
    { state: 'queued' as const, at },
    { state: 'assigned' as const, at, agentId },
    { state: 'answered' as const, at: new Date(at.getTime() + 60_000), agentId },
    { state: 'completed' as const, at: end, agentId },
  ];
  ids.r1 = await seedInteraction(db, {
    campaignId: fbCampaign,
    pageId,
    threadKey: `${pageId}_t1`,
    customerId: 'cust-1',
    customerName: 'María López',
    steps: done(day('09', '15:00:00'), ana.user.id, day('09', '15:10:00')),
  });
  await seedComments(db, {
    pageId,
    threadKey: `${pageId}_t1`,
    comments: [
      { message: 'Where is my order #1234?', at: day('09', '15:00:00'), fromName: 'María López' },
      {
        message: 'It ships tomorrow, here is the label',
        at: day('09', '15:01:00'),
        agentId: ana.user.id,
        agentName: 'Ana',
        photoUrl: 'https://cdn.example.test/label.png',
      },
    ],
  });
  ids.r2 = await seedInteraction(db, {
    campaignId: fbCampaign,
    pageId,
    threadKey: `${pageId}_t2`,
    customerName: 'Bob',
    steps: done(day('10', '09:00:00'), ana.user.id, day('10', '09:05:00')),
  });
  await seedComments(db, {
    pageId,
    threadKey: `${pageId}_t2`,
    comments: [
      { message: '=HYPERLINK("http://evil.test","click")', at: day('10', '09:00:00'), fromName: 'Bob' },
      { message: 'Thanks, Bob\nsee you', at: day('10', '09:01:00'), agentId: ana.user.id, agentName: 'Ana' },
    ],
  });
  ids.m1 = await seedInteraction(db, {
    campaignId: chatCampaign,
    pageId,
    channel: 'messenger',
    threadKey: 'psid-7',
    customerId: 'psid-7',
    steps: done(day('10', '10:00:00'), cai.user.id, day('10', '10:10:00')),
  });
  ids.m2 = await seedInteraction(db, {
    campaignId: chatCampaign,
    pageId,
    channel: 'messenger',
    threadKey: 'psid-7',
    customerId: 'psid-7',
    steps: [
      { state: 'queued', at: day('10', '11:00:00') },
      { state: 'assigned', at: day('10', '11:00:05'), agentId: cai.user.id },
    ],
  });
  await seedChat(db, {
    pageId,
    psid: 'psid-7',
    messages: [
      { text: 'Hola, necesito ayuda', at: day('10', '10:00:00') },
      { text: 'Claro, dime', at: day('10', '10:01:00'), out: true, agentId: cai.user.id, agentName: 'Cai' },
      {
        text: 'Otra pregunta: 100%_done?',
        at: day('10', '11:00:00'),
        imageUrl: 'https://cdn.example.test/q.jpg',
      },
    ],
  });
});
afterAll(() => t.close());

async function search(query: string, token = admin.token): Promise<RecordingsPage> {
  const res = await t.call('GET', `/api/recordings${query}`, { token });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body as RecordingsPage;
}
const idsOf = (page: RecordingsPage) => page.results.map((r) => r.interaction.id);

describe('GET /api/recordings', () => {
  it('lists every interaction newest first, each with its own messages, authors and attachment URLs', async () => {
    const page = await search('');
    expect(idsOf(page)).toEqual([ids.m2, ids.m1, ids.r2, ids.r1]);
    const r1 = page.results.find((r) => r.interaction.id === ids.r1)!;
    expect(r1.agentName).toBe('Ana');
    expect(r1.interaction).toMatchObject({
      campaignName: 'Comments',
      pageName: 'Rec Shop',
      customerName: 'María López',
    });
    expect(r1.messages).toEqual([
      {
        id: `${r1.interaction.threadKey}`,
        author: { kind: 'customer', name: 'María López', agentId: null },
        text: 'Where is my order #1234?',
        attachments: [],
        at: day('09', '15:00:00').toISOString(),
        removed: false,
      },
      {
        id: `${r1.interaction.threadKey}_1`,
        author: { kind: 'agent', name: 'Ana', agentId: ana.user.id },
        text: 'It ships tomorrow, here is the label',
        attachments: [{ type: 'image', url: 'https://cdn.example.test/label.png' }],
        at: day('09', '15:01:00').toISOString(),
        removed: false,
      },
    ]);
    expect(r1.messageCount).toBe(2);
    expect(r1.messagesTruncated).toBe(false);
    // One person's chat, two interactions: each has the messages that came while it was open.
    const m1 = page.results.find((r) => r.interaction.id === ids.m1)!;
    const m2 = page.results.find((r) => r.interaction.id === ids.m2)!;
    expect(m1.messages.map((m) => [m.author.kind, m.text])).toEqual([
      ['customer', 'Hola, necesito ayuda'],
      ['agent', 'Claro, dime'],
    ]);
    expect(m2.messages.map((m) => m.text)).toEqual(['Otra pregunta: 100%_done?']);
    expect(m2.messages[0]!.attachments).toEqual([{ type: 'image', url: 'https://cdn.example.test/q.jpg' }]);
  });

  it('counts all of a result’s messages, also those past the ones it carries', async () => {
    const scope = recordingScope(admin.user, 'all');
    for (const messageCap of [1, 2, 20]) {
      const { results } = await searchRecordings(t.store.db, scope, {}, { limit: 10, messageCap });
      const two = [Math.min(2, messageCap), 2, messageCap < 2];
      expect(
        results.map((r) => [r.interaction.id, r.messages.length, r.messageCount, r.messagesTruncated]),
        `cap ${messageCap}`,
      ).toEqual([
        [ids.m2, 1, 1, false],
        [ids.m1, ...two],
        [ids.r2, ...two],
        [ids.r1, ...two],
      ]);
    }
  });

  it('pages with an opaque cursor and the same filters', async () => {
    const first = await search('?limit=3');
    expect(idsOf(first)).toEqual([ids.m2, ids.m1, ids.r2]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await search(`?limit=3&cursor=${first.nextCursor}`);
    expect(idsOf(second)).toEqual([ids.r1]);
    expect(second.nextCursor).toBeNull();
    expect((await t.call('GET', '/api/recordings?cursor=nonsense', { token: admin.token })).status).toBe(400);
  });

  it('filters by dates, campaign, agent and channel', async () => {
    expect(idsOf(await search('?from=2026-03-10'))).toEqual([ids.m2, ids.m1, ids.r2]);
    expect(idsOf(await search('?to=2026-03-10'))).toEqual([ids.r1]);
    expect(idsOf(await search('?from=2026-03-10T10:30:00%2B00:00&to=2026-03-10T11:30:00Z'))).toEqual([
      ids.m2,
    ]);
    expect(idsOf(await search(`?campaignId=${fbCampaign}`))).toEqual([ids.r2, ids.r1]);
    expect(idsOf(await search(`?agentId=${cai.user.id}`))).toEqual([ids.m2, ids.m1]);
    expect(idsOf(await search('?channel=facebook&from=2026-03-10'))).toEqual([ids.r2]);
    expect((await t.call('GET', '/api/recordings?from=yesterday', { token: admin.token })).status).toBe(400);
  });

  it('matches free text in messages and customer names, as a literal case-insensitive substring', async () => {
    expect(idsOf(await search('?q=ORDER%20%231234'))).toEqual([ids.r1]);
    expect(idsOf(await search('?q=maría'))).toEqual([ids.r1]); // the name only
    expect(idsOf(await search('?q=bob'))).toEqual([ids.r2]); // name and message: listed once
    expect(idsOf(await search('?q=otra%20pregunta'))).toEqual([ids.m2]); // not m1, same chat
    expect(idsOf(await search('?q=necesito'))).toEqual([ids.m1]);
    expect(idsOf(await search('?q=100%25_'))).toEqual([ids.m2]); // % and _ are literal
    expect(idsOf(await search('?q=1%25_'))).toEqual([]);
    expect(idsOf(await search(`?q=ships&agentId=${cai.user.id}`))).toEqual([]);
    expect((await t.call('GET', '/api/recordings?q=ab', { token: admin.token })).status).toBe(400);
  });

  it('finds the same results whether the text is rare (index candidates) or common (checked per interaction)', async () => {
    const scope = recordingScope(admin.user, 'all');
    const paths = new Set<string>();
    for (const q of [
      'order',
      'bob',
      'maría',
      'otra pregunta',
      'necesito',
      'ana',
      'o',
      'the',
      '100%_d',
      'nothing like this',
    ]) {
      const rare = await searchConditions(t.store.db, scope, { q });
      const common = await searchConditions(t.store.db, scope, { q }, 1);
      const names = await searchConditions(t.store.db, scope, { q }, { messages: 1000, names: 1 });
      if (rare) expect(rare.text, q).toBe('listed');
      if (rare) expect(common?.text, q).not.toBe('listed');
      for (const c of [common, names]) if (c) paths.add(c.text);
      const opts = { limit: 10, messageCap: 5 };
      const ids = async (c: typeof rare) =>
        c
          ? (await searchRecordings(t.store.db, scope, { q }, opts, c)).results.map((r) => r.interaction.id)
          : [];
      const expected = await ids(rare);
      expect(await ids(common), q).toEqual(expected);
      expect(await ids(names), q).toEqual(expected);
    }
    // Common messages (every interaction checked), and a common name beside listed messages.
    expect([...paths].sort()).toEqual(['checked', 'listed', 'names']);
  });

  it('shows supervisors their campaigns, agents their own; other filters cannot widen that', async () => {
    expect(idsOf(await search('', supFb.token))).toEqual([ids.r2, ids.r1]);
    expect(idsOf(await search('', supChat.token))).toEqual([ids.m2, ids.m1]);
    expect(idsOf(await search(`?campaignId=${chatCampaign}`, supFb.token))).toEqual([]);
    expect(idsOf(await search('?q=necesito', supFb.token))).toEqual([]);
    expect(idsOf(await search('', ana.token))).toEqual([ids.r2, ids.r1]);
    expect(idsOf(await search(`?agentId=${cai.user.id}`, ana.token))).toEqual([]);
  });
});

describe('GET /api/recordings/:id', () => {
  it('gives the whole transcript with the post, within the viewer’s scope only', async () => {
    const res = await t.call('GET', `/api/recordings/${ids.m1}`, { token: supChat.token });
    expect(res.status).toBe(200);
    const transcript = (await res.json()) as RecordingTranscript;
    expect(transcript.messages.map((m) => m.text)).toEqual(['Hola, necesito ayuda', 'Claro, dime']);
    expect(transcript.post).toBeNull();
    expect((await t.call('GET', `/api/recordings/${ids.m1}`, { token: supFb.token })).status).toBe(404);
    expect((await t.call('GET', `/api/recordings/${ids.m1}`, { token: ana.token })).status).toBe(404);
    expect((await t.call('GET', `/api/recordings/${ids.r1}`, { token: ana.token })).status).toBe(200);
    // A comment thread's transcript carries the post it hangs on.
    await t.store.withSession((s) =>
      s.query(
        `insert into posts (id, page_id, message, created_at)
         select page_id || '_post', page_id, 'New arrivals', now() from interactions where id = $1`,
        [ids.r1],
      ),
    );
    const r1 = (await (
      await t.call('GET', `/api/recordings/${ids.r1}`, { token: admin.token })
    ).json()) as RecordingTranscript;
    expect(r1.post).toEqual({ id: expect.stringMatching(/_post$/), message: 'New arrivals', photoUrl: null });
    expect(r1.messages).toHaveLength(2);
  });
});

describe('count and CSV export', () => {
  it('counts what the filters match', async () => {
    const count = async (q: string, token = admin.token) =>
      ((await (await t.call('GET', `/api/recordings/count${q}`, { token })).json()) as { total: number })
        .total;
    expect(await count('')).toBe(4);
    expect(await count('?q=pregunta')).toBe(1);
    expect(await count('', supFb.token)).toBe(2);
  });

  it('streams one escaped row per message, guards formulas, and says how many interactions come', async () => {
    const res = await t.call('GET', `/api/recordings/export.csv?campaignId=${fbCampaign}`, {
      token: admin.token,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="recordings-2026-03-10.csv"');
    expect(res.headers.get('x-total-count')).toBe('2');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte order mark
    const text = new TextDecoder().decode(bytes); // drops the mark
    expect(text.startsWith('interaction_id,campaign,channel,state,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    // Header, r2's two messages, r1's two messages; the agent's reply holds a line break, quoted.
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.test"",""click"")",`);
    expect(text).toContain('"Thanks, Bob\nsee you"');
    expect(text).toContain(`${ids.r1},Comments,facebook,completed,cust-1,María López,Ana,`);
    expect(text).toContain(',https://cdn.example.test/label.png\r\n');
    expect(text.split('\r\n').filter((l) => l.startsWith(ids.r1!))).toHaveLength(2);
  });

  it('exports only what the viewer may read', async () => {
    const res = await t.call('GET', '/api/recordings/export.csv', { token: supChat.token });
    expect(res.headers.get('x-total-count')).toBe('2');
    const text = await res.text();
    expect(text).not.toContain(ids.r1!);
    expect(text).toContain(ids.m2!);
  });
});
