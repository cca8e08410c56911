import { and, eq, sql } from 'drizzle-orm';
import { type MessagingPolicy, messagingPolicy } from '../domain/messaging-window.ts';
import type { PageRow } from '../pages/page-store.ts';
import type { Database } from '../store/database.ts';
import { messengerMessages } from '../store/schema.ts';

/**
 * Where a Page stands with one person on Messenger now: the facts (their last message, whether the
 * Page wrote) read here, the rule applied by the pure `messagingPolicy`. The sender, the reply route
 * and the transcript all ask this one function.
 */
export async function messengerPolicy(
  db: Database,
  page: Pick<PageRow, 'id' | 'humanAgentEnabled'>,
  psid: string,
  now: Date,
): Promise<MessagingPolicy> {
  const [row] = await db
    .select({
      lastIn: sql<
        string | Date | null
      >`max(${messengerMessages.sentAt}) filter (where ${messengerMessages.direction} = 'in')`,
      outs: sql<number>`count(*) filter (where ${messengerMessages.direction} = 'out')`.mapWith(Number),
    })
    .from(messengerMessages)
    .where(and(eq(messengerMessages.pageId, page.id), eq(messengerMessages.psid, psid)));
  const lastIn = row?.lastIn ? new Date(row.lastIn).getTime() : null;
  return messagingPolicy(lastIn, now.getTime(), page.humanAgentEnabled, (row?.outs ?? 0) > 0);
}
