import type { Database } from '../store/database.ts';
import { webhookDeliveries } from '../store/schema.ts';

/** Durably records a verified body, exactly as received; processing happens later, elsewhere. */
export async function storeDelivery(db: Database, body: string, now: Date): Promise<number> {
  const [row] = await db
    .insert(webhookDeliveries)
    .values({ body, receivedAt: now })
    .returning({ id: webhookDeliveries.id });
  return row!.id;
}
