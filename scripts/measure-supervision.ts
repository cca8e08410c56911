/**
 * Measures the supervisor board and the recordings search on a generated dataset, for tuning (the
 * benchmark of record is `npm run bench`, issue 7). Usage:
 *
 *   node --import tsx scripts/measure-supervision.ts [--pg] [--interactions 100000] [--messages-per 10]
 *
 * `--pg` starts a throwaway PostgreSQL server (Debian's binaries); otherwise an in-memory PGlite.
 * Generates 1,000 agents in 50 campaigns, N interactions over 30 days (a few hundred open today)
 * with their transitions, and N × messages-per messages; then prints p50/p95 of each query.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createLogger } from '../backend/log/logger.ts';
import { createEventBus } from '../backend/realtime/event-bus.ts';
import { recordingScope } from '../backend/recordings/recording-filter.ts';
import { searchConditions, searchRecordings } from '../backend/recordings/search-recordings.ts';
import { type Store, storeFromPglite, storeFromPool } from '../backend/store/database.ts';
import { migrate } from '../backend/store/migrate.ts';
import { PGLITE_EXTENSIONS } from '../backend/store/pglite-extensions.ts';
import { campaignBoard, loadBoard, loadWatchedDay } from '../backend/supervision/board.ts';
import { loadDayInteractions } from '../backend/supervision/day-data.ts';
import { daySourceCacheFor } from '../backend/supervision/day-source.ts';
import { loadTeam } from '../backend/supervision/team.ts';
import { earliestDayStart, loadWatchedCampaigns } from '../backend/supervision/watched-campaigns.ts';
import { startPostgres } from '../test/harness/postgres-server.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const N = arg('interactions', 100_000);
const PER = arg('messages-per', 10);
const usePg = process.argv.includes('--pg');
const NOW = new Date();

async function open(): Promise<{ store: Store; stop: () => Promise<void> }> {
  if (!usePg) {
    const store = storeFromPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
    return { store, stop: () => store.close() };
  }
  const server = await startPostgres();
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query('create database measure');
  await admin.end();
  const store = storeFromPool(new pg.Pool({ connectionString: server.url('measure'), max: 4 }));
  return {
    store,
    stop: async () => {
      await store.close();
      await server.stop();
    },
  };
}

const WORDS = [
  'order',
  'delivery',
  'refund',
  'please',
  'thanks',
  'price',
  'size',
  'color',
  'shipping',
  'return',
  'hola',
  'gracias',
  'pedido',
  'envío',
  'talla',
  'cuando',
  'llega',
  'ayuda',
  'broken',
  'invoice',
];

async function generate(store: Store) {
  const q = (text: string) => store.withSession((s) => s.exec(text));
  const t0 = Date.now();
  await q(`
    insert into users (id, email, name, role, password_hash)
      select ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'agent' || g || '@m.test', 'Agent ' || g, 'agent', 'x'
      from generate_series(1, 1000) g;
    insert into users (id, email, name, role, password_hash)
      select ('00000000-0000-4000-9000-' || lpad(g::text, 12, '0'))::uuid, 'sup' || g || '@m.test', 'Sup ' || g, 'supervisor', 'x'
      from generate_series(1, 50) g;
    insert into users (id, email, name, role, password_hash)
      values ('00000000-0000-4000-a000-000000000001', 'admin@m.test', 'Admin', 'admin', 'x');
    insert into pages (id, name, token_ciphertext) select (1000 + g)::text, 'Page ' || g, 'x' from generate_series(1, 25) g;
    insert into campaigns (id, name, page_id, channel, strategy, thresholds)
      select ('00000000-0000-4000-b000-' || lpad(g::text, 12, '0'))::uuid, 'Campaign ' || g, (1000 + (g + 1) / 2)::text,
        case when g % 2 = 0 then 'messenger' else 'facebook' end, 'linear',
        '{"serviceLevel":60,"dropout":900,"chatTime":1800,"acd":10}'::jsonb
      from generate_series(1, 50) g;
    insert into campaign_members (campaign_id, user_id, position)
      select ('00000000-0000-4000-b000-' || lpad((1 + (g - 1) / 20)::text, 12, '0'))::uuid,
        ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, g % 20
      from generate_series(1, 1000) g;
    insert into campaign_supervisors (campaign_id, user_id)
      select ('00000000-0000-4000-b000-' || lpad(g::text, 12, '0'))::uuid, ('00000000-0000-4000-9000-' || lpad(g::text, 12, '0'))::uuid
      from generate_series(1, 50) g;
    insert into agent_presence (user_id, status, status_since, login_at, last_seen_at)
      select ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid,
        case when g % 10 = 0 then 'break' when g % 7 = 0 then 'offline' else 'available' end, now() - interval '1 hour', now(), now()
      from generate_series(1, 1000) g;`);
  // Interactions: campaign c = 1 + i % 50, agent one of its 20 members; the newest 500 are open.
  await q(`
    create temporary table gen as
      select g as n, 1 + g % 50 as c, 1 + (g % 50) * 20 + (g / 50) % 20 as a,
        now() - (g::float8 / ${N}) * interval '30 days' as t0
      from generate_series(1, ${N}) g;
    insert into interactions (id, campaign_id, page_id, channel, thread_key, customer_id, customer_name, state, agent_id,
        first_queued_at, assigned_at, answered_at, ended_at, last_customer_at)
      select ('00000000-0000-4000-c000-' || lpad(n::text, 12, '0'))::uuid,
        ('00000000-0000-4000-b000-' || lpad(c::text, 12, '0'))::uuid, (1000 + (c + 1) / 2)::text,
        case when c % 2 = 0 then 'messenger' else 'facebook' end,
        case when c % 2 = 0 then 'psid' || (n / 2) else 't' || n end,
        'cust' || n, 'Customer ' || md5(n::text),
        case when n <= 300 then 'answered' when n <= 500 then 'queued' else 'completed' end,
        case when n > 300 and n <= 500 then null
          else ('00000000-0000-4000-8000-' || lpad(a::text, 12, '0'))::uuid end,
        t0 + case when n % 2 = 0 and c % 2 = 0 then interval '0' else interval '0' end,
        case when n > 300 and n <= 500 then null else t0 + interval '20 seconds' end,
        case when n > 300 and n <= 500 then null else t0 + interval '50 seconds' end,
        case when n <= 500 then null else t0 + interval '10 minutes' end,
        t0
      from gen;
    insert into interaction_transitions (interaction_id, state, at, agent_id)
      select i.id, s.state, i.first_queued_at + s.off, case when s.state = 'queued' then null else i.agent_id end
      from interactions i
      cross join lateral (values ('queued', interval '0'), ('assigned', interval '20 seconds'),
        ('answered', interval '50 seconds'), ('completed', interval '10 minutes')) s(state, off)
      where s.state = 'queued' or (i.agent_id is not null and (s.state <> 'completed' or i.state = 'completed'));`);
  console.log(`  users, campaigns, ${N} interactions: ${Date.now() - t0} ms`);
  const t1 = Date.now();
  const words = `array[${WORDS.map((w) => `'${w}'`).join(',')}]`;
  // Messages: PER per interaction; text of 8 words, one of them a rare token (an order number).
  const text = (n: string) => {
    const k = `(${n})::bigint`;
    return `(
      select string_agg(case when w = 4 then '#' || (${k} * 7919 % 1000000)::text
        else (${words})[1 + ((${k} * 31 + w * 17) * 2654435761 % 20)] || substr(md5((${k} * 13 + w)::text), 1, (w % 3))
        end, ' ') from generate_series(1, 8) w)`;
  };
  await q(`
    insert into comments (id, page_id, post_id, parent_id, thread_id, from_id, from_name, from_page, message, created_at, agent_id, agent_name)
      select case when m = 0 then i.thread_key else i.thread_key || '_' || m end, i.page_id, i.page_id || '_p',
        case when m = 0 then i.page_id || '_p' else i.thread_key end, i.thread_key,
        case when m % 2 = 1 then i.page_id else i.customer_id end, i.customer_name, m % 2 = 1,
        ${text('(g.n * 16 + m)')}, i.first_queued_at + m * interval '30 seconds',
        case when m % 2 = 1 then i.agent_id end, case when m % 2 = 1 then 'Agent' end
      from gen g join interactions i on i.id = ('00000000-0000-4000-c000-' || lpad(g.n::text, 12, '0'))::uuid
      cross join generate_series(0, ${PER - 1}) m
      where i.channel = 'facebook';`);
  await q(`
    insert into messenger_messages (mid, page_id, psid, direction, text, sent_at, agent_id, agent_name)
      select 'm' || g.n || '_' || m, i.page_id, i.thread_key, case when m % 2 = 1 then 'out' else 'in' end,
        ${text('(g.n * 16 + m)')}, i.first_queued_at + m * interval '30 seconds',
        case when m % 2 = 1 then i.agent_id end, case when m % 2 = 1 then 'Agent' end
      from gen g join interactions i on i.id = ('00000000-0000-4000-c000-' || lpad(g.n::text, 12, '0'))::uuid
      cross join generate_series(0, ${PER - 1}) m
      where i.channel = 'messenger';
    analyze;`);
  console.log(`  ${N * PER} messages: ${Date.now() - t1} ms`);
}

async function time(label: string, runs: number, fn: (i: number) => Promise<unknown>) {
  await fn(0); // warm
  const ms: number[] = [];
  let last: unknown;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn(i + 1);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const p = (x: number) => ms[Math.min(ms.length - 1, Math.floor(x * ms.length))]!.toFixed(1);
  // The machine may be shared: min shows the intrinsic cost, p50/p95 what this run met.
  const min = ms[0]!.toFixed(1).padStart(7);
  console.log(
    `${label.padEnd(52)} min ${min} p50 ${p(0.5).padStart(7)} p95 ${p(0.95).padStart(7)} ms`,
    describe(last),
  );
}
const describe = (v: unknown) =>
  v && typeof v === 'object' && 'results' in v
    ? `(${(v as { results: unknown[] }).results.length} results)`
    : '';

const { store, stop } = await open();
try {
  console.log(`${usePg ? 'PostgreSQL' : 'PGlite'}: generating…`);
  await migrate(store);
  await generate(store);
  const db = store.db;
  const adminScope = recordingScope({ id: 'x', role: 'admin' }, 'all');
  const campaign = (c: number) => `00000000-0000-4000-b000-${String(c).padStart(12, '0')}`;
  const agent = (c: number) => `00000000-0000-4000-8000-${String(1 + (c - 1) * 20 + 3).padStart(12, '0')}`;
  const from = new Date(NOW.getTime() - 7 * 86_400_000).toISOString();
  const search = (filter: Record<string, string>) =>
    searchConditions(db, adminScope, filter).then((c) =>
      searchRecordings(db, adminScope, filter, { limit: 25, messageCap: 20 }, c),
    );
  if (process.argv.includes('--explain')) {
    const { explainNext } = await import('./explain-hook.ts');
    const day = explainNext(store);
    await loadWatchedDay(db, { id: '00000000-0000-4000-a000-000000000001', role: 'admin' }, new Date());
    day.stop();
  }
  if (process.argv.includes('--explain-search')) {
    const { explainNext } = await import('./explain-hook.ts');
    for (const q of ['delivery', '#123456']) {
      console.log(`── q = ${q}`);
      const hook = explainNext(store);
      await searchConditions(db, adminScope, { q }).then((c) =>
        searchRecordings(db, adminScope, { q }, { limit: 25, messageCap: 20 }, c),
      );
      hook.stop();
    }
  }
  const RUNS = 40;
  await time('search: 7 days + campaign + agent', RUNS, (i) =>
    search({ from, campaignId: campaign(1 + (i % 50)), agentId: agent(1 + (i % 50)) }),
  );
  await time('search: 7 days + campaign', RUNS, (i) => search({ from, campaignId: campaign(1 + (i % 50)) }));
  await time('search: no filter (admin, newest 25)', RUNS, () => search({}));
  await time('search: supervisor scope (their campaign)', RUNS, (i) =>
    searchRecordings(
      db,
      recordingScope({ id: 'x', role: 'supervisor' }, [campaign(1 + (i % 50))]),
      {},
      {
        limit: 25,
        messageCap: 20,
      },
    ),
  );
  await time('full text: rare token (#order number)', RUNS, (i) =>
    search({ q: `#${((i * 37 + 5) * 16 * 7919) % 1000000}` }),
  );
  await time('full text: common word ("delivery")', RUNS, () => search({ q: 'delivery' }));
  await time('full text: common word + campaign + 7 days', RUNS, (i) =>
    search({ q: 'refund', campaignId: campaign(1 + (i % 50)), from }),
  );
  await time('full text: customer name fragment', RUNS, (i) =>
    search({ q: `Customer ${String(i).padStart(2, '0')}`.slice(0, 12) }),
  );
  await time('full text: no match', RUNS, () => search({ q: 'zzqqxx' }));
  const adminUser = { id: '00000000-0000-4000-a000-000000000001', role: 'admin' as const };
  const watched = await loadWatchedCampaigns(db, 'all', new Date());
  const ids = watched.map((c) => c.id);
  await time('  board part: campaigns', 20, () => loadWatchedCampaigns(db, 'all', new Date()));
  await time('  board part: day interactions + transitions', 20, () =>
    loadDayInteractions(db, ids, earliestDayStart(watched, new Date())),
  );
  await time('  board part: teams', 20, () => loadTeam(db, ids));
  const day = await loadWatchedDay(db, adminUser, new Date());
  await time('  board part: computing (no I/O)', process.argv.includes('--profile') ? 300 : 20, async () =>
    day.campaigns.map((c) => campaignBoard(day, c)),
  );
  await time('board: admin, 50 campaigns, 1000 agents', 20, () =>
    loadBoard(db, { id: '00000000-0000-4000-a000-000000000001', role: 'admin' }, new Date()),
  );
  const bus = await createEventBus(store, createLogger('silent'));
  const cache = daySourceCacheFor(bus);
  await time('board: admin, shared rows cached (no change since)', 20, () =>
    loadBoard(db, adminUser, new Date(), { cache }),
  );
  await time('board: admin, cache invalidated before each', 20, () => {
    cache.invalidate();
    return loadBoard(db, adminUser, new Date(), { cache });
  });
  await bus.close();
  await time('board: one supervisor (1 campaign, 20 agents)', 20, () =>
    loadBoard(db, { id: '00000000-0000-4000-9000-000000000001', role: 'supervisor' }, new Date()),
  );
} finally {
  await stop();
}
