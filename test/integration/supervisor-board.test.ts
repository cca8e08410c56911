import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewInteractions } from '../../backend/interactions/interaction-view.ts';
import { type UserRow, users } from '../../backend/store/schema.ts';
import { loadBoard } from '../../backend/supervision/board.ts';
import { boardMemoFor } from '../../backend/supervision/board-memo.ts';
import { daySourceCacheFor } from '../../backend/supervision/day-source.ts';
import type { AgentInfo, AuditPage, Board, DrillDown, LogoutResult } from '../../shared/api/supervisor.ts';
import type { DomainEvent } from '../../shared/events.ts';
import { seedCampaign, seedInteraction, seedPage, seedPresence } from '../harness/supervision-seed.ts';
import { createTestApp, type TestApp } from '../harness/test-app.ts';

/**
 * The board, drill-down and actions against a hand-worked day. Now is 12:00 UTC; the campaign's
 * thresholds are service level 60 s, dropout 900 s, chat time 600 s, ACD 1.
 *
 * | id | story                                                         | counts as                       |
 * | a  | queued 11:50, assigned 11:50 (Ana), answered 11:50:30, done 11:55 | answered within SL, completed |
 * | b  | queued 11:40, assigned 11:41 (Ana), answered 11:43            | answered (180 s), chat > 600 s  |
 * | c  | queued 11:58                                                  | waiting (oldest: 120 s)         |
 * | d  | queued 11:59, offered 11:59                                   | waiting                         |
 * | e  | queued 11:30, abandoned 11:35                                 | abandoned                       |
 * | f  | queued 11:50, assigned 11:51 (Bea)                            | active, unanswered              |
 * | y  | queued yesterday 10:00, completed yesterday 10:05 (Ana)       | not today: not counted          |
 *
 * Service level = 1 within / (2 answered + 1 abandoned) = 33.3 %; ASA = (30 s + 180 s) / 2 = 105 s;
 * waiting 2 > ACD 1 (alarm); longest waiting 120 s (ok: warn from half of dropout, 450 s).
 */
const NOW = new Date('2026-03-10T12:00:00Z');
const at = (hhmmss: string, day = '2026-03-10') => new Date(`${day}T${hhmmss}Z`);

let t: TestApp;
let clock = NOW;
const events: DomainEvent[] = [];
let admin: { user: UserRow; token: string };
let sup: { user: UserRow; token: string };
let other: { user: UserRow; token: string };
let ana: { user: UserRow; token: string };
let bea: { user: UserRow; token: string };
let cai: { user: UserRow; token: string };
let pageId: string;
let campaignId: string;
let otherCampaignId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  t.deps.events.subscribe((e) => events.push(e));
  admin = await t.userWithSession('admin', 'Admin');
  sup = await t.userWithSession('supervisor', 'Sam Supervisor');
  other = await t.userWithSession('supervisor', 'Olga Other');
  ana = await t.userWithSession('agent', 'Ana');
  bea = await t.userWithSession('agent', 'Bea');
  cai = await t.userWithSession('agent', 'Cai');
  const db = t.store.db;
  pageId = await seedPage(db, 'Board Shop');
  campaignId = await seedCampaign(db, {
    pageId,
    name: 'Board comments',
    thresholds: { serviceLevel: 60, dropout: 900, chatTime: 600, acd: 1 },
    agents: [ana.user.id, bea.user.id],
    supervisors: [sup.user.id],
  });
  otherCampaignId = await seedCampaign(db, {
    pageId,
    name: 'Other chats',
    channel: 'messenger',
    agents: [cai.user.id],
    supervisors: [other.user.id],
  });
  await seedPresence(db, ana.user.id, 'available', at('08:00:00'));
  await seedPresence(db, bea.user.id, 'break', at('11:45:00'), 'Lunch');
  await seedPresence(db, cai.user.id, 'available', at('09:00:00'));
  const c = { campaignId, pageId };
  const A = ana.user.id;
  ids.a = await seedInteraction(db, {
    ...c,
    customerName: 'Alice',
    steps: [
      { state: 'queued', at: at('11:50:00') },
      { state: 'assigned', at: at('11:50:00'), agentId: A },
      { state: 'answered', at: at('11:50:30'), agentId: A },
      { state: 'completed', at: at('11:55:00'), agentId: A },
    ],
  });
  ids.b = await seedInteraction(db, {
    ...c,
    customerName: 'Bob',
    steps: [
      { state: 'queued', at: at('11:40:00') },
      { state: 'assigned', at: at('11:41:00'), agentId: A },
      { state: 'answered', at: at('11:43:00'), agentId: A },
    ],
  });
  ids.c = await seedInteraction(db, {
    ...c,
    customerName: 'Carol',
    customerId: 'c-1',
    steps: [{ state: 'queued', at: at('11:58:00') }],
  });
  ids.d = await seedInteraction(db, {
    ...c,
    customerId: 'd-1',
    steps: [
      { state: 'queued', at: at('11:59:00') },
      { state: 'offered', at: at('11:59:00') },
    ],
  });
  ids.e = await seedInteraction(db, {
    ...c,
    steps: [
      { state: 'queued', at: at('11:30:00') },
      { state: 'abandoned', at: at('11:35:00') },
    ],
  });
  ids.f = await seedInteraction(db, {
    ...c,
    steps: [
      { state: 'queued', at: at('11:50:00') },
      { state: 'assigned', at: at('11:51:00'), agentId: bea.user.id },
    ],
  });
  ids.y = await seedInteraction(db, {
    ...c,
    steps: [
      { state: 'queued', at: at('10:00:00', '2026-03-09') },
      { state: 'assigned', at: at('10:00:00', '2026-03-09'), agentId: A },
      { state: 'answered', at: at('10:01:00', '2026-03-09'), agentId: A },
      { state: 'completed', at: at('10:05:00', '2026-03-09'), agentId: A },
    ],
  });
  ids.other = await seedInteraction(db, {
    campaignId: otherCampaignId,
    pageId,
    channel: 'messenger',
    steps: [
      { state: 'queued', at: at('11:00:00') },
      { state: 'assigned', at: at('11:00:10'), agentId: cai.user.id },
    ],
  });
});
afterAll(() => t.close());

const json = async <T>(res: Response, status = 200): Promise<T> => {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body as T;
};

describe('GET /api/supervisor/board', () => {
  it('computes the hand-worked tiles, agents, queue and series of the supervisor’s campaign only', async () => {
    const board = await json<Board>(await t.call('GET', '/api/supervisor/board', { token: sup.token }));
    expect(board.generatedAt).toBe(NOW.toISOString());
    expect(board.campaigns.map((c) => c.campaign.id)).toEqual([campaignId]);
    const [b] = board.campaigns;
    expect(b!.dayStart).toBe('2026-03-10T00:00:00.000Z');
    expect(b!.tiles.serviceLevel).toEqual({
      pct: 33.3,
      formula: '1 answered within 60 s / (2 answered + 1 abandoned) = 33.3 %',
      answered: 2,
      answeredWithinSl: 1,
      abandoned: 1,
      level: 'alarm',
    });
    expect(b!.tiles.abandoned).toEqual({ value: 1, level: 'alarm' }); // 1 of 3 ≥ a fifth
    expect(b!.tiles.asa).toEqual({ ms: 105_000, level: 'warn' }); // above 60 s, within 120 s
    expect(b!.tiles.aht).toEqual({ ms: 300_000, level: 'ok' }); // a: 11:50 → 11:55
    expect(b!.tiles.waiting).toEqual({ value: 2, acd: 1, level: 'alarm' });
    expect(b!.tiles.longestWaiting).toEqual({
      ms: 120_000,
      oldestQueuedAt: at('11:58:00').toISOString(),
      level: 'ok', // warn from 450 s (half of dropout)
    });
    expect(b!.tiles.chatsOverTime).toEqual({ value: 1, interactionIds: [ids.b], level: 'alarm' });
    expect(b!.tiles.answered.value).toBe(2);
    expect(b!.tiles.completed.value).toBe(1);

    expect(b!.queue).toEqual([
      {
        interactionId: ids.c,
        customerId: 'c-1',
        customerName: 'Carol',
        channel: 'facebook',
        state: 'queued',
        queuedAt: at('11:58:00').toISOString(),
      },
      {
        interactionId: ids.d,
        customerId: 'd-1',
        customerName: null,
        channel: 'facebook',
        state: 'offered',
        queuedAt: at('11:59:00').toISOString(),
      },
    ]);

    expect(b!.agents).toEqual([
      {
        agentId: ana.user.id,
        name: 'Ana',
        status: 'busy',
        breakReason: null,
        statusSince: at('08:00:00').toISOString(),
        loginAt: at('08:00:00').toISOString(),
        channels: ['facebook'],
        activeByChannel: { facebook: 1, messenger: 0 },
        completedToday: 1, // y was yesterday
        activeInteractionIds: [ids.b],
      },
      {
        agentId: bea.user.id,
        name: 'Bea',
        status: 'break',
        breakReason: 'Lunch',
        statusSince: at('11:45:00').toISOString(),
        loginAt: at('11:45:00').toISOString(),
        channels: ['facebook'],
        activeByChannel: { facebook: 1, messenger: 0 },
        completedToday: 0,
        activeInteractionIds: [ids.f],
      },
    ]);

    // 15-minute buckets from midnight to 11:45, then now: 48 points; the last one is the tile.
    expect(b!.series.bucketMs).toBe(900_000);
    expect(b!.series.points).toHaveLength(48);
    expect(b!.series.points.at(-1)).toEqual({ at: NOW.toISOString(), serviceLevelPct: 33.3, waiting: 2 });
    // At 11:45: e abandoned (11:35), b answered at 11:43 (over 60 s) → 0 %; nobody waiting (b and
    // e left the queue, c d f not yet queued).
    const p1145 = b!.series.points.find((p) => p.at === at('11:45:00').toISOString());
    expect(p1145).toEqual({ at: at('11:45:00').toISOString(), serviceLevelPct: 0, waiting: 0 });
    expect(b!.series.points[0]).toEqual({
      at: at('00:15:00').toISOString(),
      serviceLevelPct: null,
      waiting: 0,
    });
  });

  it('gives admins every campaign, and the other supervisor only theirs', async () => {
    const all = await json<Board>(await t.call('GET', '/api/supervisor/board', { token: admin.token }));
    expect(all.campaigns.map((c) => c.campaign.name)).toEqual(['Board comments', 'Other chats']);
    const theirs = await json<Board>(await t.call('GET', '/api/supervisor/board', { token: other.token }));
    expect(theirs.campaigns.map((c) => c.campaign.id)).toEqual([otherCampaignId]);
    expect(theirs.campaigns[0]!.agents.map((a) => [a.name, a.status, a.channels])).toEqual([
      ['Cai', 'busy', ['messenger']],
    ]);
  });

  it('filters to one campaign, and answers 404 for a campaign the supervisor does not watch', async () => {
    const one = await json<Board>(
      await t.call('GET', `/api/supervisor/board?campaignId=${campaignId}`, { token: sup.token }),
    );
    expect(one.campaigns).toHaveLength(1);
    const res = await t.call('GET', `/api/supervisor/board?campaignId=${campaignId}`, { token: other.token });
    expect(res.status).toBe(404);
  });
});

describe('GET /api/supervisor/campaigns/:id/drill', () => {
  const drill = (q: string, token = sup.token, id = campaignId) =>
    t.call('GET', `/api/supervisor/campaigns/${id}/drill?${q}`, { token });

  it('lists the interactions behind each number, in the order the number is computed from', async () => {
    const ofMetric = async (q: string) =>
      (await json<DrillDown>(await drill(q))).interactions.map((i) => i.id);
    expect(await ofMetric('metric=waiting')).toEqual([ids.c, ids.d]);
    // The denominator: answered in answer order (b at 11:43, a at 11:50:30), then abandoned.
    expect(await ofMetric('metric=serviceLevel')).toEqual([ids.b, ids.a, ids.e]);
    expect(await ofMetric('metric=answeredWithinSl')).toEqual([ids.a]);
    expect(await ofMetric('metric=abandoned')).toEqual([ids.e]);
    expect(await ofMetric('metric=longestWaiting')).toEqual([ids.c]);
    expect(await ofMetric('metric=chatsOverTime')).toEqual([ids.b]);
    expect(await ofMetric(`metric=completedToday&agentId=${ana.user.id}`)).toEqual([ids.a]);
    expect(await ofMetric(`metric=activeFacebook&agentId=${bea.user.id}`)).toEqual([ids.f]);
    const full = await json<DrillDown>(await drill('metric=serviceLevel'));
    expect(full).toMatchObject({ campaignId, metric: 'serviceLevel', agentId: null, total: 3 });
    expect(full.interactions[0]).toMatchObject({ id: ids.b, customerName: 'Bob', state: 'answered' });
  });

  it('refuses an agent metric without an agent, and hides other campaigns and agents', async () => {
    expect((await drill('metric=active')).status).toBe(400);
    expect((await drill('metric=waiting', other.token)).status).toBe(404);
    expect((await drill(`metric=active&agentId=${cai.user.id}`)).status).toBe(404);
  });
});

describe('actions', () => {
  it('Info: details, campaigns, current interactions and today’s figures; logged', async () => {
    const info = await json<AgentInfo>(
      await t.call('GET', `/api/supervisor/agents/${ana.user.id}`, { token: sup.token }),
    );
    expect(info.agent).toMatchObject({ id: ana.user.id, name: 'Ana', active: true });
    expect(info.status).toBe('busy');
    expect(info.loginAt).toBe(at('08:00:00').toISOString());
    expect(info.campaigns).toEqual([{ id: campaignId, name: 'Board comments', channel: 'facebook' }]);
    expect(info.interactions.map((i) => i.id)).toEqual([ids.b]);
    expect(info.today).toEqual([{ campaignId, completed: 1, answered: 2, ahtMs: 300_000 }]);
    expect((await t.call('GET', `/api/supervisor/agents/${cai.user.id}`, { token: sup.token })).status).toBe(
      404,
    );
    // A supervisor is not an agent: no info about them.
    expect(
      (await t.call('GET', `/api/supervisor/agents/${other.user.id}`, { token: admin.token })).status,
    ).toBe(404);
  });

  it('Spy: the transcript without any change, logged once per call; other campaigns are hidden', async () => {
    const before = (await t.store.withSession((s) =>
      s.query('select * from interactions order by id'),
    )) as unknown[];
    const res = await json<{ interaction: { id: string } }>(
      await t.call('POST', `/api/supervisor/spy/${ids.b}`, { token: sup.token }),
    );
    expect(res.interaction.id).toBe(ids.b);
    const after = (await t.store.withSession((s) =>
      s.query('select * from interactions order by id'),
    )) as unknown[];
    expect(after).toEqual(before);
    expect((await t.call('POST', `/api/supervisor/spy/${ids.other}`, { token: sup.token })).status).toBe(404);
    expect((await t.call('GET', `/api/interactions/${ids.other}`, { token: sup.token })).status).toBe(404);
    expect((await t.call('GET', `/api/interactions/${ids.b}`, { token: sup.token })).status).toBe(200);
    expect((await t.call('GET', `/api/interactions/${ids.other}`, { token: admin.token })).status).toBe(200);
  });

  it('Pause: the agent goes on break "paused by supervisor" and hears it; offline agents cannot be paused', async () => {
    clock = new Date(NOW.getTime() + 1_000);
    const presence = await json<{ status: string; breakReason: string; since: string }>(
      await t.call('POST', `/api/supervisor/agents/${ana.user.id}/pause`, { token: sup.token }),
    );
    expect(presence).toMatchObject({
      status: 'break',
      breakReason: 'paused by supervisor',
      since: clock.toISOString(),
    });
    await expect
      .poll(() =>
        events.find(
          (e) =>
            e.type === 'agent.status' && e.presence.agentId === ana.user.id && e.presence.status === 'break',
        ),
      )
      .toBeTruthy();
    // Her answered chat stays hers.
    const held = await t.store.withSession((s) =>
      s.query<{ agent_id: string }>('select agent_id from interactions where id = $1', [ids.b]),
    );
    expect(held[0]!.agent_id).toBe(ana.user.id);
    expect(
      (await t.call('POST', `/api/supervisor/agents/${cai.user.id}/pause`, { token: sup.token })).status,
    ).toBe(404);
    await seedPresence(t.store.db, cai.user.id, 'offline', NOW);
    const offline = await t.call('POST', `/api/supervisor/agents/${cai.user.id}/pause`, {
      token: other.token,
    });
    expect(offline.status).toBe(409);
  });

  it('Logout: sessions end, offline, unanswered work back to the queue at its place, answered work kept', async () => {
    clock = new Date(NOW.getTime() + 2_000);
    // Bea holds f (assigned at 11:51, unanswered, first queued 11:50) and gets an answered one too.
    const g = await seedInteraction(t.store.db, {
      campaignId,
      pageId,
      steps: [
        { state: 'queued', at: at('11:52:00') },
        { state: 'assigned', at: at('11:52:00'), agentId: bea.user.id },
        { state: 'answered', at: at('11:53:00'), agentId: bea.user.id },
      ],
    });
    const result = await json<LogoutResult>(
      await t.call('POST', `/api/supervisor/agents/${bea.user.id}/logout`, { token: sup.token }),
    );
    expect(result.requeued).toEqual([ids.f]);
    expect(result.kept).toEqual([g]);
    expect(result.presence.status).toBe('offline');
    expect((await t.call('GET', '/api/me', { token: bea.token })).status).toBe(401);
    await expect
      .poll(() => events.find((e) => e.type === 'user.sessions-ended' && e.userId === bea.user.id))
      .toBeTruthy();
    // f waited since 11:50: it is now the head of the queue, ahead of c (11:58) and d (11:59).
    const board = await json<Board>(await t.call('GET', '/api/supervisor/board', { token: sup.token }));
    expect(board.campaigns[0]!.queue.map((q) => q.interactionId)).toEqual([ids.f, ids.c, ids.d]);
    expect(board.campaigns[0]!.agents.find((a) => a.agentId === bea.user.id)?.status).toBe('offline');
  });

  it('audits every action; admins page through it newest first', async () => {
    expect((await t.call('GET', '/api/audit', { token: sup.token })).status).toBe(403);
    const first = await json<AuditPage>(await t.call('GET', '/api/audit?limit=2', { token: admin.token }));
    expect(first.entries.map((e) => e.action)).toEqual(['logout', 'pause']);
    expect(first.entries[0]).toMatchObject({
      actor: { id: sup.user.id, name: 'Sam Supervisor', role: 'supervisor' },
      target: { id: bea.user.id, name: 'Bea' },
      detail: { requeued: [ids.f] },
    });
    const second = await json<AuditPage>(
      await t.call('GET', `/api/audit?limit=2&cursor=${first.nextCursor}`, { token: admin.token }),
    );
    expect(second.entries.map((e) => e.action)).toEqual(['spy', 'info']);
    expect(second.entries[0]).toMatchObject({ interactionId: ids.b, target: { id: ana.user.id } });
    const spies = await json<AuditPage>(await t.call('GET', '/api/audit?action=spy', { token: admin.token }));
    expect(spies.entries).toHaveLength(1);
    expect(spies.nextCursor).toBeNull();
    expect((await t.call('GET', '/api/audit?cursor=bogus', { token: admin.token })).status).toBe(400);
  });
});

describe('campaign supervisors', () => {
  it('are set by admins, shown on the campaign, and must be supervisors', async () => {
    const bad = await t.call('PATCH', `/api/campaigns/${campaignId}`, {
      token: admin.token,
      body: { supervisorIds: [ana.user.id] },
    });
    expect(bad.status).toBe(400);
    const ok = await json<{ supervisorIds: string[]; supervisors: { name: string }[] }>(
      await t.call('PATCH', `/api/campaigns/${campaignId}`, {
        token: admin.token,
        body: { supervisorIds: [sup.user.id, other.user.id] },
      }),
    );
    expect(ok.supervisors.map((s) => s.name)).toEqual(['Olga Other', 'Sam Supervisor']);
    await expect
      .poll(() => events.find((e) => e.type === 'campaign.changed' && e.campaignId === campaignId))
      .toBeTruthy();
    const list = await json<{ campaigns: { id: string }[] }>(
      await t.call('GET', '/api/campaigns', { token: other.token }),
    );
    expect(list.campaigns.map((c) => c.id).sort()).toEqual([campaignId, otherCampaignId].sort());
    await json(
      await t.call('PATCH', `/api/campaigns/${campaignId}`, {
        token: admin.token,
        body: { supervisorIds: [sup.user.id] },
      }),
    );
    const after = await json<{ campaigns: { id: string }[] }>(
      await t.call('GET', '/api/campaigns', { token: other.token }),
    );
    expect(after.campaigns.map((c) => c.id)).toEqual([otherCampaignId]);
    expect((await t.call('GET', `/api/campaigns/${campaignId}`, { token: other.token })).status).toBe(404);
  });
});

describe('the shared day source', () => {
  it('is brought up to date from events, reading again only what they name; names every five seconds', async () => {
    clock = new Date(NOW.getTime() + 10_000);
    const board = async () =>
      (await json<Board>(await t.call('GET', '/api/supervisor/board', { token: sup.token }))).campaigns[0]!;
    const queueOf = async () => (await board()).queue.map((q) => q.interactionId);
    const before = await queueOf();
    // Written behind the app's back: no event, so the rows in memory stand…
    const h = await seedInteraction(t.store.db, {
      campaignId,
      pageId,
      steps: [{ state: 'queued', at: new Date(NOW.getTime() + 5_000) }],
    });
    expect(await queueOf()).toEqual(before);
    // …until an event about it arrives (from any instance, through NOTIFY): that one is read again…
    const [view] = await viewInteractions(t.store.db, [h]);
    t.deps.emit({ type: 'interaction.changed', interaction: view!, previousAgentId: null });
    await expect.poll(queueOf).toEqual([...before, h]);
    // …and a changed campaign has its whole day read again.
    const i = await seedInteraction(t.store.db, {
      campaignId,
      pageId,
      steps: [{ state: 'queued', at: new Date(NOW.getTime() + 6_000) }],
    });
    expect(await queueOf()).toEqual([...before, h]);
    t.deps.emit({ type: 'campaign.changed', campaignId });
    await expect.poll(queueOf).toEqual([...before, h, i]);
    // An interaction that leaves the queue leaves it on the board with its event.
    const abandonedBefore = (await board()).tiles.abandoned.value;
    await t.store.withSession(async (q) => {
      await q.query(`update interactions set state = 'abandoned', ended_at = $2 where id = $1`, [h, clock]);
      await q.query(
        `insert into interaction_transitions (interaction_id, state, at) values ($1, 'abandoned', $2)`,
        [h, clock],
      );
    });
    const [gone] = await viewInteractions(t.store.db, [h]);
    t.deps.emit({ type: 'interaction.changed', interaction: gone!, previousAgentId: null });
    await expect.poll(queueOf).toEqual([...before, i]);
    expect((await board()).tiles.abandoned.value).toBe(abandonedBefore + 1);
    // A rename emits no event: names are read again once they are five seconds old.
    await t.store.db.update(users).set({ name: 'Ana Renamed' }).where(eq(users.id, ana.user.id));
    const nameOfAna = async () => (await board()).agents.find((a) => a.agentId === ana.user.id)?.name;
    expect(await nameOfAna()).toBe('Ana');
    clock = new Date(clock.getTime() + 5_000);
    await expect.poll(nameOfAna).toBe('Ana Renamed');
  });

  it('shows an agent’s new status on the next board, and what they hold as busy', async () => {
    const rowOfAna = async () =>
      (
        await json<Board>(await t.call('GET', '/api/supervisor/board', { token: sup.token }))
      ).campaigns[0]!.agents.find((a) => a.agentId === ana.user.id);
    expect((await rowOfAna())?.breakReason).toBe('paused by supervisor'); // see Pause
    await json(
      await t.call('POST', '/api/agent/status', {
        token: ana.token,
        body: { status: 'break', reason: 'Coffee' },
      }),
    );
    await expect.poll(async () => (await rowOfAna())?.breakReason).toBe('Coffee');
    expect((await rowOfAna())?.status).toBe('break');
    await json(
      await t.call('POST', '/api/agent/status', { token: ana.token, body: { status: 'available' } }),
    );
    // Available while holding b (answered): busy.
    await expect.poll(async () => (await rowOfAna())?.status).toBe('busy');
    // b completed (its event names it): she holds nothing more, available.
    await t.store.withSession(async (q) => {
      await q.query(`update interactions set state = 'completed', ended_at = $2 where id = $1`, [
        ids.b,
        clock,
      ]);
      await q.query(
        `insert into interaction_transitions (interaction_id, state, at, agent_id) values ($1, 'completed', $2, $3)`,
        [ids.b, clock, ana.user.id],
      );
    });
    const [done] = await viewInteractions(t.store.db, [ids.b!]);
    t.deps.emit({ type: 'interaction.changed', interaction: done!, previousAgentId: null });
    await expect.poll(async () => (await rowOfAna())?.status).toBe('available');
  });

  it('prepares the next board right after a change, off the request: the same as one computed afresh', async () => {
    const cache = daySourceCacheFor(t.deps.events);
    const memo = boardMemoFor(cache);
    // Mid-minute, so that no whole minute (a turn of every board) passes during the test.
    clock = new Date(Math.floor(clock.getTime() / 60_000) * 60_000 + 60_000 + 20_000);
    const board = async () => json<Board>(await t.call('GET', '/api/supervisor/board', { token: sup.token }));
    await board();
    const before = memo.computedAt(campaignId)!;
    await json(
      await t.call('POST', '/api/agent/status', {
        token: ana.token,
        body: { status: 'break', reason: 'Tea' },
      }),
    );
    // Read from its event and computed with no board asked for.
    await expect.poll(() => memo.computedAt(campaignId)).toBeGreaterThan(before);
    const prepared = memo.computedAt(campaignId)!;
    clock = new Date(clock.getTime() + 5_000);
    const next = await board();
    expect(memo.computedAt(campaignId)).toBe(prepared);
    expect(next.campaigns[0]!.agents.find((a) => a.agentId === ana.user.id)?.breakReason).toBe('Tea');
    // What a board computed from nothing kept says at that instant.
    const fresh = await loadBoard(t.store.db, sup.user, clock);
    expect(next).toEqual(JSON.parse(JSON.stringify(fresh)));
  });
});
