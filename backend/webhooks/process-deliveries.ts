import { sql } from 'drizzle-orm';
import { parseGraphJson } from '../facebook/graph-json.ts';
import type { ActionableWebhookEvent } from '../facebook/webhook-events.ts';
import { normalizeWebhook } from '../facebook/webhook-normalizer.ts';
import { Changes } from '../interactions/changes.ts';
import { interactionEffects } from '../interactions/from-webhook.ts';
import type { Logger } from '../log/logger.ts';
import type { Database } from '../store/database.ts';
import { processedEvents, unroutedEvents } from '../store/schema.ts';
import { storableJson } from '../store/storable-json.ts';
import { applyEvent } from './apply-event.ts';

const BATCH = 20;

interface Claimed {
  id: number;
  body: string;
  received_at: Date;
}

/**
 * One round: claims up to BATCH stored deliveries (rows other instances hold are skipped), applies
 * every event of each in one transaction, and marks the delivery processed in the same transaction
 * — so a crash mid-way leaves it pending, and the dedupe keys make the replay harmless.
 * Returns whether there may be more work.
 */
export async function processDeliveries(
  db: Database,
  logger: Logger,
): Promise<{ more: boolean; changes: Changes }> {
  let claimed = 0;
  const changes = new Changes();
  await db.transaction(async (tx) => {
    const result = await tx.execute(sql`
      select id, body, received_at from webhook_deliveries
      where status = 'pending' order by id limit ${BATCH} for update skip locked`);
    const rows = (result as unknown as { rows: Claimed[] }).rows;
    claimed = rows.length;
    for (const row of rows) await processOne(tx as unknown as Database, row, logger, changes);
  });
  return { more: claimed === BATCH, changes };
}

async function processOne(db: Database, row: Claimed, logger: Logger, changes: Changes) {
  let body: unknown;
  try {
    // A `\u0000` or lone surrogate escape would make this delivery's inserts, and its batch, fail forever.
    body = parseGraphJson(storableJson(row.body));
  } catch {
    // Signed by Meta yet not JSON: kept as failed for a person to look at, never retried forever.
    await db.execute(sql`update webhook_deliveries set status = 'failed', attempts = attempts + 1,
      error = 'body is not JSON', processed_at = now() where id = ${row.id}`);
    logger.warn('webhook body is not JSON', { deliveryId: row.id });
    return;
  }
  const { events, problems } = normalizeWebhook(body);
  if (problems.length)
    logger.warn('webhook problems', { deliveryId: row.id, problems: problems.slice(0, 20) });
  const linked = await linkedPages(db, events);
  const receivedAt = new Date(row.received_at);
  for (const event of events) {
    if (event.kind === 'ignored') continue;
    if (!(await firstTime(db, event.dedupeKey))) continue;
    if (!linked.has(event.pageId)) {
      await db.insert(unroutedEvents).values({ pageId: event.pageId, kind: event.kind, event, receivedAt });
      logger.warn('webhook event for a page that is not linked', { pageId: event.pageId, kind: event.kind });
      continue;
    }
    await applyEvent(db, event as ActionableWebhookEvent, receivedAt);
    changes.merge(await interactionEffects(db, event as ActionableWebhookEvent, receivedAt));
  }
  await db.execute(sql`update webhook_deliveries set status = 'processed', attempts = attempts + 1,
    processed_at = now(), error = ${problems.length ? problems.slice(0, 5).join('; ') : null} where id = ${row.id}`);
}

async function linkedPages(db: Database, events: { pageId: string }[]): Promise<Set<string>> {
  const ids = [...new Set(events.map((e) => e.pageId))];
  if (ids.length === 0) return new Set();
  const result = await db.execute(
    sql`select id from pages where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Set((result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id));
}

/** Records the dedupe key; false when the event was already applied (a redelivery or a duplicate). */
async function firstTime(db: Database, dedupeKey: string): Promise<boolean> {
  const inserted = await db.insert(processedEvents).values({ dedupeKey }).onConflictDoNothing().returning();
  return inserted.length > 0;
}
