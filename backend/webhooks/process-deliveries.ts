import { sql } from 'drizzle-orm';
import { parseGraphJson } from '../facebook/graph-json.ts';
import type { ActionableWebhookEvent, WebhookEvent } from '../facebook/webhook-events.ts';
import { normalizeWebhook } from '../facebook/webhook-normalizer.ts';
import { Changes } from '../interactions/changes.ts';
import { enabledCampaign } from '../interactions/find-open.ts';
import { interactionEffects } from '../interactions/from-webhook.ts';
import type { Logger } from '../log/logger.ts';
import type { Database } from '../store/database.ts';
import { unroutedEvents } from '../store/schema.ts';
import { storableJson } from '../store/storable-json.ts';
import { nextTurn } from '../workers/worker-loop.ts';
import { applyEvent } from './apply-event.ts';
import { EventBatch, isBatchable } from './event-batch.ts';

const BATCH = 20;
// A round holds its claimed deliveries (and, on PGlite, the one connection the ingress also needs)
// until it commits: big bodies (Meta batches up to 1,000 events) are taken a few at a time.
const ROUND_BYTES = 32 * 1024;
const YIELD_EVERY = 20;
// Bind parameters per statement stay far below PostgreSQL's 65,535 even for 1,000-event bodies.
const KEYS_PER_STATEMENT = 5_000;

interface Claimed {
  id: number;
  body: string;
  received_at: Date;
}

/**
 * One round: claims up to BATCH stored deliveries, fewer when their bodies are large (rows other
 * instances hold are skipped), applies every event of each in one transaction, and marks the
 * deliveries processed in the same transaction — so a crash mid-way leaves them pending, and the
 * dedupe keys make the replay harmless. What is per round rather than per event (the linked Pages, the dedupe keys, the
 * campaign of each Page, the delivery statuses) is read or written once for the whole round.
 * Returns whether there may be more work.
 */
export async function processDeliveries(
  db: Database,
  logger: Logger,
): Promise<{ more: boolean; changes: Changes }> {
  let more = false;
  const changes = new Changes();
  await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    // Claimed and read in one statement: up to BATCH pending deliveries are locked, and as many as
    // fit in ROUND_BYTES (at least one) are taken. Locked but not taken: released at commit, still
    // pending, first in the next round.
    const result = await t.execute(sql`
      with candidates as (
        select id, octet_length(body) as bytes from webhook_deliveries
        where status = 'pending' order by id limit ${BATCH} for update skip locked
      ), sized as (
        select id, row_number() over (order by id) as n, sum(bytes) over (order by id) as total,
          count(*) over () as locked
        from candidates
      )
      select d.id, d.body, d.received_at, s.locked from sized s join webhook_deliveries d on d.id = s.id
      where s.n = 1 or s.total <= ${ROUND_BYTES} order by d.id`);
    const rows = (result as unknown as { rows: (Claimed & { locked: number | string })[] }).rows;
    if (rows.length === 0) return;
    const locked = Number(rows[0]!.locked);
    more = rows.length < locked || locked === BATCH;
    const parsed = rows.map((row) => ({ row, ...normalize(row, logger) }));
    const events = parsed.flatMap((p) => p.events);
    const { linked, fresh } = await firstTimesAndLinkedPages(
      t,
      events.flatMap((e) => (e.kind === 'ignored' ? [] : [e.dedupeKey])),
      [...new Set(events.map((e) => e.pageId))],
    );
    const campaignOf = memoCampaigns(t);
    const batch = new EventBatch(t, campaignOf);
    let applied = 0;
    for (const { row, events } of parsed) {
      const receivedAt = new Date(row.received_at);
      for (const event of events) {
        if (++applied % YIELD_EVERY === 0) await nextTurn(); // the ingress keeps reading meanwhile
        if (event.kind === 'ignored') continue;
        // Only the first occurrence: a redelivery, or the same event twice in this round, is skipped.
        if (!fresh.delete(event.dedupeKey)) continue;
        if (!linked.has(event.pageId)) {
          await t
            .insert(unroutedEvents)
            .values({ pageId: event.pageId, kind: event.kind, event, receivedAt });
          logger.warn('webhook event for a page that is not linked', {
            pageId: event.pageId,
            kind: event.kind,
          });
          continue;
        }
        const actionable = event as ActionableWebhookEvent;
        if (isBatchable(actionable)) {
          changes.merge(await batch.add(actionable));
          continue;
        }
        changes.merge(await batch.flush());
        await applyEvent(t, actionable, receivedAt);
        changes.merge(await interactionEffects(t, actionable, receivedAt, campaignOf));
      }
    }
    changes.merge(await batch.flush());
    await markDone(t, parsed);
  });
  return { more, changes };
}

function normalize(
  row: Claimed,
  logger: Logger,
): { events: WebhookEvent[]; error: string | null; failed: boolean } {
  let body: unknown;
  try {
    // A `\u0000` or lone surrogate escape would make this delivery's inserts, and its batch, fail forever.
    body = parseGraphJson(storableJson(row.body));
  } catch {
    // Signed by Meta yet not JSON: kept as failed for a person to look at, never retried forever.
    logger.warn('webhook body is not JSON', { deliveryId: row.id });
    return { events: [], error: 'body is not JSON', failed: true };
  }
  const { events, problems } = normalizeWebhook(body);
  if (problems.length)
    logger.warn('webhook problems', { deliveryId: row.id, problems: problems.slice(0, 20) });
  return { events, error: problems.length ? problems.slice(0, 5).join('; ') : null, failed: false };
}

/** Every claimed delivery is done, processed or failed, with its problems: one statement. */
async function markDone(db: Database, parsed: { row: Claimed; error: string | null; failed: boolean }[]) {
  const values = sql.join(
    parsed.map((p) => sql`(${p.row.id}::bigint, ${p.failed ? 'failed' : 'processed'}, ${p.error}::text)`),
    sql`, `,
  );
  await db.execute(sql`update webhook_deliveries d set status = v.status, attempts = d.attempts + 1,
    processed_at = now(), error = v.error from (values ${values}) as v(id, status, error) where d.id = v.id`);
}

/**
 * Records the dedupe keys and returns those seen for the first time (not a redelivery nor a
 * duplicate), with which of the round's Pages are linked: one statement for both in most rounds.
 */
async function firstTimesAndLinkedPages(
  db: Database,
  keys: string[],
  pageIds: string[],
): Promise<{ fresh: Set<string>; linked: Set<string> }> {
  const fresh = new Set<string>();
  const linked = new Set<string>();
  const unique = [...new Set(keys)];
  const pages = pageIds.length
    ? sql`select 'page' as kind, id as value from pages where id in (${sql.join(
        pageIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : undefined;
  for (let from = 0; from === 0 || from < unique.length; from += KEYS_PER_STATEMENT) {
    const chunk = unique.slice(from, from + KEYS_PER_STATEMENT);
    const alsoPages = from === 0 ? pages : undefined;
    if (chunk.length === 0 && !alsoPages) break;
    const result = await db.execute(
      chunk.length === 0
        ? alsoPages!
        : sql`with inserted as (insert into processed_events (dedupe_key)
          values ${sql.join(
            chunk.map((k) => sql`(${k})`),
            sql`, `,
          )} on conflict do nothing returning dedupe_key)
          select 'fresh' as kind, dedupe_key as value from inserted${alsoPages ? sql` union all ${alsoPages}` : sql``}`,
    );
    for (const r of (result as unknown as { rows: { kind: string; value: string }[] }).rows)
      (r.kind === 'fresh' ? fresh : linked).add(r.value);
  }
  return { fresh, linked };
}

/** The enabled campaign of a Page and channel, looked up once per round. */
function memoCampaigns(db: Database) {
  const seen = new Map<string, ReturnType<typeof enabledCampaign>>();
  return (pageId: string, channel: 'facebook' | 'messenger') => {
    const key = `${pageId}:${channel}`;
    let found = seen.get(key);
    if (!found) {
      found = enabledCampaign(db, pageId, channel);
      seen.set(key, found);
    }
    return found;
  };
}
