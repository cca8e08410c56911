import { sql } from 'drizzle-orm';
import type { Store } from '../../backend/store/database.ts';
import type { Figure } from '../figure.ts';
import { type BenchDatabase, freshDatabase } from '../lib/bench-database.ts';
import { request } from '../lib/http-client.ts';
import { mapLimit, round } from '../lib/stats.ts';
import { messengerMessage, signedDelivery } from '../lib/webhook-bodies.ts';
import { startWorld } from '../lib/world.ts';

const ENTRIES_PER_BODY = 100;
const BODIES = 200; // 20,000 events
const WARMUP_BODIES = 20;
const CONCURRENCY = 8;
const ROWS_PER_RAW_INSERT = 10;

/**
 * ingest_events_per_s: signed webhook bodies of 100 entries each (Meta batches up to 1,000), 8 in
 * flight, against a backend with a linked Page; an event counts once the backend answered 200, which
 * it does only after the body is committed. raw_insert_per_s: the same bodies inserted straight into
 * a table of the same shape in the same database, 10 rows per INSERT, as many in flight — what the
 * database itself can take, with no HTTP, no signature check and no batching limits of a webhook.
 * (For PGlite the raw inserts run in this process once the backend has stopped: only one process
 * may hold the data dir.)
 */
export const ingestFigure: Figure = {
  name: 'ingest',
  keys: ['ingest_events_per_s', 'raw_insert_per_s'],
  async run(ctx) {
    const db = await freshDatabase(ctx.db, 'ingest');
    try {
      const world = await startWorld({ db, runDir: ctx.runDir, name: 'ingest', users: {} });
      const tag = String(Date.now() % 1_000_000).padStart(6, '0');
      const bodies = Array.from({ length: WARMUP_BODIES + BODIES }, (_, b) =>
        signedDelivery(
          Array.from({ length: ENTRIES_PER_BODY }, (_, e) => {
            const seq = `${tag}${String(b * ENTRIES_PER_BODY + e).padStart(7, '0')}`;
            return messengerMessage(world.page.id, seq, Date.now()).entry;
          }),
        ),
      );
      let accepted = 0;
      let refused = 0;
      const post = async (d: (typeof bodies)[number]) => {
        const res = await request('POST', `${world.backend.url}/webhooks/facebook`, d.body, d.headers);
        if (res.status === 200) return true;
        refused++;
        return false;
      };
      let ingest: number;
      let elapsedS: number;
      try {
        const first = performance.now();
        await mapLimit(bodies.slice(0, WARMUP_BODIES), CONCURRENCY, post);
        const t0 = performance.now();
        await mapLimit(bodies.slice(WARMUP_BODIES), CONCURRENCY, async (d) => {
          if (await post(d)) accepted += ENTRIES_PER_BODY;
        });
        ingest = accepted / ((performance.now() - t0) / 1000);
        elapsedS = (performance.now() - first) / 1000;
      } finally {
        await world.stop();
      }
      const processed = (await processedEvents(db)) / elapsedS;
      const raw = await rawInserts(
        db,
        bodies.slice(WARMUP_BODIES).map((d) => d.body.toString()),
      );
      ctx.log(`ingest: ${JSON.stringify({ ingest, accepted, refused, raw, processed })}`);
      return {
        values: { ingest_events_per_s: round(ingest, 0), raw_insert_per_s: round(raw, 0) },
        info: [
          {
            figure: 'ingest: events processed /s',
            value: round(processed, 0),
            unit: '/s',
            note: 'normalized into messages while accepting, over the same time (not a target)',
          },
        ],
      };
    } finally {
      await db.drop();
    }
  },
};

/** Events the processor had turned into messages, warm-up included, by the time the backend stopped. */
async function processedEvents(db: BenchDatabase): Promise<number> {
  const store = await db.open();
  try {
    const result = await store.db.execute(sql`select count(*)::int as n from messenger_messages`);
    const [row] = (result as unknown as { rows: { n: number }[] }).rows;
    return Number(row?.n ?? 0);
  } finally {
    await store.close();
  }
}

async function rawInserts(db: BenchDatabase, bodies: string[]): Promise<number> {
  const store: Store = await db.open();
  try {
    // The same shape as webhook_deliveries, its primary key and index included: the ingress pays for them.
    await store.db.execute(sql`create table bench_raw_deliveries (like webhook_deliveries including all)`);
    const batches: string[][] = [];
    for (let i = 0; i < bodies.length; i += ROWS_PER_RAW_INSERT)
      batches.push(bodies.slice(i, i + ROWS_PER_RAW_INSERT));
    const insert = async (batch: string[]) => {
      const now = new Date();
      await store.db.execute(
        sql`insert into bench_raw_deliveries (body, received_at) values ${sql.join(
          batch.map((b) => sql`(${b}, ${now})`),
          sql`, `,
        )}`,
      );
    };
    // Not timed, as the ingress's warm-up bodies are not: the pool's connections are opened (on
    // PostgreSQL each is a new server process) and the statement is planned once on each.
    await mapLimit(batches.slice(0, CONCURRENCY), CONCURRENCY, insert);
    const t0 = performance.now();
    await mapLimit(batches, CONCURRENCY, insert);
    const rate = (bodies.length * ENTRIES_PER_BODY) / ((performance.now() - t0) / 1000);
    await store.db.execute(sql`drop table bench_raw_deliveries`);
    return rate;
  } finally {
    await store.close();
  }
}
