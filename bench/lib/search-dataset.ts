import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../../backend/accounts/password.ts';
import { createSession } from '../../backend/accounts/sessions.ts';
import { loadSecretKey } from '../../backend/security/secret-key.ts';
import { createTokenCipher } from '../../backend/security/token-cipher.ts';
import type { Store } from '../../backend/store/database.ts';
import { migrate, readMigrations } from '../../backend/store/migrate.ts';
import { type BenchDatabase, type DbKind, keptDatabase } from './bench-database.ts';
import { BENCH_FB_ENV } from './facebook-app.ts';
import { BENCH_PASSWORD } from './seed-users.ts';

export const DATASET = {
  interactions: 100_000,
  messagesPerInteraction: 10, // 1,000,000 messages: comments or Messenger messages
  pages: 5, // a comments and a Messenger campaign each
  agents: 100,
  days: 90,
};
/** Bump when the generator changes: a kept data set of another version is generated again. */
const GENERATOR = 'search-dataset v1';

export const WORDS = [
  'shoes',
  'order',
  'delivery',
  'size',
  'refund',
  'exchange',
  'black',
  'white',
  'leather',
  'boots',
  'sandals',
  'discount',
  'invoice',
  'tracking',
  'package',
  'store',
  'weekend',
  'warranty',
  'colour',
  'return',
  'address',
  'payment',
  'coupon',
  'heel',
  'laces',
  'sneakers',
  'winter',
  'summer',
  'broken',
  'thanks',
];
export const FIRST_NAMES = [
  'Ana',
  'Bruno',
  'Carla',
  'Diego',
  'Elena',
  'Fabio',
  'Greta',
  'Hugo',
  'Iris',
  'Jonas',
];
export const LAST_NAMES = [
  'Costa',
  'Silva',
  'Moreau',
  'Weber',
  'Rossi',
  'Novak',
  'Berg',
  'Lopez',
  'Khan',
  'Ito',
];
/** Order numbers run over this range: each appears in the messages of about 11 interactions. */
export const ORDER_BASE = 10_000;
export const ORDER_SPAN = 90_000;

/**
 * The recordings data set: 100,000 interactions over 90 days in 10 campaigns, 1,000,000 messages,
 * generated once with set-based SQL (generate_series) and kept between runs — a PGlite data dir in
 * .bench-cache/, or a database `<db>_bench_search` next to DATABASE_URL's — with a marker row naming
 * the generator and the migrations it was made with. Secondary indexes are dropped for the load
 * and rebuilt after it, as a bulk load is done.
 */
export async function searchDataset(kind: DbKind, cacheDir: string, log: (line: string) => void) {
  const version = createHash('sha256')
    .update(GENERATOR)
    .update(JSON.stringify(DATASET))
    .update(
      readMigrations()
        .map((m) => m.tag)
        .join(','),
    )
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(cacheDir, 'search-pglite');
  let db = await keptDatabase(kind, 'search', dir);
  let store = await db.open();
  try {
    if ((await markerOf(store)) !== version) {
      log(`search data set: generating (${version})`);
      await store.close();
      db = await resetDataset(kind, db, dir);
      store = await db.open();
      const t0 = Date.now();
      await generate(store, version);
      log(`search data set: generated in ${Math.round((Date.now() - t0) / 1000)} s`);
    }
    const [admin] = (
      (await store.db.execute(sql`select id from users where email = 'admin@bench.test'`)) as unknown as {
        rows: { id: string }[];
      }
    ).rows;
    const { token } = await createSession(store.db, admin!.id, new Date(), 3600_000);
    const picks = (await store.db.execute(sql`
      select c.id as campaign_id, m.user_id as agent_id from campaigns c
      join campaign_members m on m.campaign_id = c.id order by c.name, m.position`)) as unknown as {
      rows: { campaign_id: string; agent_id: string }[];
    };
    return { db, adminToken: token, members: picks.rows };
  } finally {
    await store.close();
  }
}

async function markerOf(store: Store): Promise<string | null> {
  const result = (await store.db.execute(
    sql`select to_regclass('bench_dataset') is not null as present`,
  )) as unknown as { rows: { present: boolean }[] };
  if (!result.rows[0]?.present) return null;
  const rows = (await store.db.execute(sql`select version from bench_dataset`)) as unknown as {
    rows: { version: string }[];
  };
  return rows.rows[0]?.version ?? null;
}

async function resetDataset(kind: DbKind, db: BenchDatabase, dir: string): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    fs.rmSync(dir, { recursive: true, force: true });
    return keptDatabase(kind, 'search', dir);
  }
  const store = await db.open();
  try {
    await store.db.execute(sql`drop schema public cascade`);
    await store.db.execute(sql`create schema public`);
  } finally {
    await store.close();
  }
  return db;
}

async function generate(store: Store, version: string) {
  await migrate(store);
  const run = (q: ReturnType<typeof sql>) => store.db.execute(q);
  // Constants of this file, written into the statements as SQL arrays.
  const array = (words: string[]) => sql.raw(`array[${words.map((w) => `'${w}'`).join(', ')}]`);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const cipher = createTokenCipher(
    loadSecretKey({ secretKey: BENCH_FB_ENV.SECRET_KEY, dataDir: os.tmpdir() }).key,
  );
  const { interactions: N, messagesPerInteraction: M, pages: P, agents: A, days } = DATASET;
  await run(
    sql`insert into users (email, name, role, password_hash) values ('admin@bench.test', 'Bench Admin', 'admin', ${passwordHash})`,
  );
  await run(sql`insert into users (email, name, role, password_hash)
    select 'agent' || g || '@bench.test', 'Agent ' || g, 'agent', ${passwordHash} from generate_series(0, ${A - 1}) g`);
  for (let p = 0; p < P; p++) {
    const id = String(104857600000100 + p);
    await run(
      sql`insert into pages (id, name, token_ciphertext) values (${id}, ${`Recorded Page ${p + 1}`}, ${cipher.encrypt(`EAAbench${p}`, id)})`,
    );
  }
  await run(sql`insert into campaigns (name, page_id, channel, strategy, thresholds)
    select 'Campaign ' || lpad(n::text, 2, '0'), p.id, case when n % 2 = 0 then 'facebook' else 'messenger' end,
      'rrmemory', '{"serviceLevel":60,"dropout":900,"chatTime":1800,"acd":10}'::jsonb
    from generate_series(0, ${2 * P - 1}) n join (select id, row_number() over (order by id) - 1 as k from pages) p on p.k = n / 2`);
  // Agent k works in campaign k % 10.
  await run(sql`insert into campaign_members (campaign_id, user_id, position)
    select c.id, u.id, u.k / ${2 * P}
    from (select id, row_number() over (order by name) - 1 as k from campaigns) c
    join (select id, (substring(email from 'agent(\\d+)@'))::int as k from users where role = 'agent') u
      on u.k % ${2 * P} = c.k`);

  const indexes = (await run(sql`
    select indexname, indexdef from pg_indexes i
    where schemaname = 'public' and tablename in ('interactions', 'comments', 'messenger_messages', 'posts')
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`)) as unknown as {
    rows: { indexname: string; indexdef: string }[];
  };
  for (const i of indexes.rows) await run(sql.raw(`drop index "${i.indexname}"`));

  // Interaction g: campaign g % 10, a member of it as agent, queued at a spread-out time in the last
  // 90 days, completed five minutes later. Messenger threads are PSIDs, comment threads comment ids.
  await run(sql`
    insert into interactions (campaign_id, page_id, channel, thread_key, customer_id, customer_name, state,
      agent_id, first_queued_at, assigned_at, answered_at, ended_at, last_customer_at)
    select c.id, c.page_id, c.channel,
      case when c.channel = 'messenger' then '72' || lpad(g::text, 14, '0') else c.post || '_' || lpad(g::text, 16, '0') end,
      '72' || lpad(g::text, 14, '0'),
      (${array(FIRST_NAMES)})[1 + (g * 7) % 10] || ' ' || (${array(LAST_NAMES)})[1 + (g * 13 / 10) % 10],
      'completed', m.user_id, q.at, q.at + interval '20 seconds', q.at + interval '1 minute', q.at + interval '5 minutes',
      q.at + interval '4 minutes'
    from generate_series(0, ${N - 1}) g
    cross join lateral (select now() - interval '1 day' * ${days} * ((g::bigint * 7919) % ${N})::float8 / ${N} as at) q
    join (select id, page_id, channel, '1221' || lpad((row_number() over (order by name))::text, 11, '0') as post,
            row_number() over (order by name) - 1 as k from campaigns) c on c.k = g % ${2 * P}
    join (select campaign_id, user_id, position from campaign_members) m
      on m.campaign_id = c.id and m.position = (g / ${2 * P}) % ${A / (2 * P)}`);
  const text = sql`(case when j % 2 = 0 then 'Hello, about order ' || (${ORDER_BASE} + ((g::bigint * 31 + j) * 2654435761) % ${ORDER_SPAN})::text || ': '
        else 'Thanks for writing: ' end)
      || (${array(WORDS)})[1 + ((g::bigint * 17 + j * 5) % ${WORDS.length})] || ' '
      || (${array(WORDS)})[1 + ((g::bigint * 23 + j * 11) % ${WORDS.length})] || ' '
      || (${array(WORDS)})[1 + ((g::bigint * 29 + j * 3) % ${WORDS.length})]`;
  await run(sql`
    insert into messenger_messages (mid, page_id, psid, direction, text, sent_at)
    select 'm_bench_' || i.thread_key || '_' || j, i.page_id, i.thread_key,
      case when j % 2 = 0 then 'in' else 'out' end, ${text}, i.first_queued_at + interval '20 seconds' * j
    from (select *, (substring(thread_key from 3))::int as g from interactions where channel = 'messenger') i,
      generate_series(0, ${M - 1}) j`);
  await run(sql`
    insert into posts (id, page_id, message, created_at)
    select distinct page_id || '_' || split_part(thread_key, '_', 1), page_id, 'New arrivals this week',
      now() - interval '1 day' * ${days + 1}
    from interactions where channel = 'facebook'`);
  await run(sql`
    insert into comments (id, page_id, post_id, parent_id, thread_id, from_id, from_name, from_page, message, created_at)
    select case when j = 0 then i.thread_key else i.thread_key || '_' || j end, i.page_id,
      i.page_id || '_' || split_part(i.thread_key, '_', 1),
      case when j = 0 then i.page_id || '_' || split_part(i.thread_key, '_', 1) else i.thread_key end,
      i.thread_key, case when j % 2 = 0 then i.customer_id else i.page_id end,
      case when j % 2 = 0 then i.customer_name else 'Recorded Page' end, j % 2 = 1, ${text},
      i.first_queued_at + interval '20 seconds' * j
    from (select *, (substring(thread_key from '_0*(\\d+)$'))::int as g from interactions where channel = 'facebook') i,
      generate_series(0, ${M - 1}) j`);
  for (const i of indexes.rows) await run(sql.raw(i.indexdef));
  await run(sql`analyze`);
  await run(sql`create table bench_dataset (version text not null)`);
  await run(sql`insert into bench_dataset values (${version})`);
}
