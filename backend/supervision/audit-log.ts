import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { AuditAction, AuditEntry, AuditPage, AuditQuery } from '../../shared/api/supervisor.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import type { Database } from '../store/database.ts';
import { auditLog, users } from '../store/schema.ts';

export interface AuditInput {
  at: Date;
  actorId: string;
  action: AuditAction;
  targetUserId?: string | null;
  interactionId?: string | null;
  detail?: Record<string, unknown>;
}

/** Writes who did what to whom; the action's own effects are committed separately. */
export async function recordAudit(db: Database, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    at: entry.at,
    actorId: entry.actorId,
    action: entry.action,
    targetUserId: entry.targetUserId ?? null,
    interactionId: entry.interactionId ?? null,
    detail: entry.detail ?? {},
  });
}

/** Newest first, keyset-paginated on (at, id) with the audit_log_at_idx index. */
export async function listAudit(db: Database, q: AuditQuery): Promise<AuditPage> {
  const where: (SQL | undefined)[] = [
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
    q.targetUserId ? eq(auditLog.targetUserId, q.targetUserId) : undefined,
  ];
  if (q.cursor) {
    const [atMs, id] = decodeCursor(q.cursor, ['number', 'number'] as const);
    const at = new Date(atMs);
    where.push(or(lt(auditLog.at, at), and(eq(auditLog.at, at), lt(auditLog.id, id))));
  }
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const people = [...new Set(page.flatMap((r) => [r.actorId, r.targetUserId]).filter((id) => id !== null))];
  const named = new Map(
    (people.length
      ? await db
          .select({ id: users.id, name: users.name, role: users.role })
          .from(users)
          .where(inArray(users.id, people))
      : []
    ).map((u) => [u.id, u]),
  );
  const entries: AuditEntry[] = page.map((r) => {
    const actor = r.actorId ? named.get(r.actorId) : undefined;
    const target = r.targetUserId ? named.get(r.targetUserId) : undefined;
    return {
      id: String(r.id),
      at: r.at.toISOString(),
      action: r.action,
      actor: actor ? { id: actor.id, name: actor.name, role: actor.role } : null,
      target: target ? { id: target.id, name: target.name } : null,
      interactionId: r.interactionId,
      detail: r.detail,
    };
  });
  const last = page[page.length - 1];
  return {
    entries,
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.at.getTime(), last.id]) : null,
  };
}
