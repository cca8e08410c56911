import { eq, inArray } from 'drizzle-orm';
import type { PresenceView } from '../../shared/api/interactions.ts';
import { announceReplies } from '../outbox/outgoing-view.ts';
import type { Emit } from '../realtime/emit.ts';
import type { Database } from '../store/database.ts';
import { agentPresence } from '../store/schema.ts';
import { viewInteractions } from './interaction-view.ts';

/** What a use case changed, collected inside its transaction and published after the commit. */
export class Changes {
  readonly changed = new Map<string, string | null>(); // interaction id → previous agent id
  readonly offered: { id: string; agentIds: string[] }[] = [];
  readonly withdrawn: { id: string; agentIds: string[] }[] = [];
  readonly messages: { id: string; agentId: string | null; campaignId: string }[] = [];
  readonly presence = new Set<string>();
  /** Outbox rows whose delivery state changed (queued, held, sent, failed, retried). */
  readonly replies = new Set<number>();
  /** Campaigns whose queue may move now (capacity freed, work queued, someone became available). */
  readonly route = new Set<string>();

  change(id: string, previousAgentId: string | null = null) {
    if (!this.changed.has(id) || previousAgentId) this.changed.set(id, previousAgentId);
  }

  merge(other: Changes) {
    for (const [id, prev] of other.changed) this.change(id, prev);
    this.offered.push(...other.offered);
    this.withdrawn.push(...other.withdrawn);
    this.messages.push(...other.messages);
    for (const a of other.presence) this.presence.add(a);
    for (const r of other.replies) this.replies.add(r);
    for (const c of other.route) this.route.add(c);
  }
}

/** Emits the events for what changed, with fresh views read after the commit. */
export async function publishChanges(db: Database, emit: Emit, changes: Changes): Promise<void> {
  const ids = [
    ...new Set([
      ...changes.changed.keys(),
      ...changes.offered.map((o) => o.id),
      ...changes.withdrawn.map((w) => w.id),
    ]),
  ];
  const views = new Map((await viewInteractions(db, ids)).map((v) => [v.id, v]));
  for (const w of changes.withdrawn) {
    const campaignId = views.get(w.id)?.campaignId;
    if (campaignId)
      emit({ type: 'interaction.withdrawn', interactionId: w.id, agentIds: w.agentIds, campaignId });
  }
  for (const [id, previousAgentId] of changes.changed) {
    const view = views.get(id);
    if (view)
      emit({
        type: 'interaction.changed',
        interaction: view,
        previousAgentId: previousAgentId === view.agentId ? null : previousAgentId,
      });
  }
  for (const o of changes.offered) {
    const view = views.get(o.id);
    if (view) emit({ type: 'interaction.offered', interaction: view, agentIds: o.agentIds });
  }
  for (const m of changes.messages)
    emit({ type: 'interaction.message', interactionId: m.id, agentId: m.agentId, campaignId: m.campaignId });
  if (changes.presence.size) {
    const rows = await db
      .select()
      .from(agentPresence)
      .where(inArray(agentPresence.userId, [...changes.presence]));
    for (const p of rows) emit({ type: 'agent.status', presence: presenceView(p) });
  }
  await announceReplies(db, emit, changes.replies);
}

export function presenceView(p: typeof agentPresence.$inferSelect): PresenceView {
  return {
    agentId: p.userId,
    status: p.status,
    breakReason: p.breakReason,
    since: p.statusSince.toISOString(),
  };
}

export async function readPresence(db: Database, agentId: string): Promise<PresenceView> {
  const [p] = await db.select().from(agentPresence).where(eq(agentPresence.userId, agentId)).limit(1);
  return p
    ? presenceView(p)
    : { agentId, status: 'offline', breakReason: null, since: new Date(0).toISOString() };
}
