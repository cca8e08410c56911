import { and, eq, inArray } from 'drizzle-orm';
import type { SupervisorScope, Viewer } from '../realtime/audience.ts';
import type { Database } from '../store/database.ts';
import { campaignMembers, campaignSupervisors, type UserRow } from '../store/schema.ts';

/**
 * Which campaigns a user watches: admins all of them, supervisors those assigned to them, agents
 * none (they see only their own work, decided elsewhere). `'all'` keeps admins' queries unfiltered.
 */
export type CampaignScope = 'all' | readonly string[];

export async function campaignScope(
  db: Database,
  user: Pick<UserRow, 'id' | 'role'>,
): Promise<CampaignScope> {
  if (user.role === 'admin') return 'all';
  if (user.role === 'agent') return [];
  const rows = await db
    .select({ id: campaignSupervisors.campaignId })
    .from(campaignSupervisors)
    .where(eq(campaignSupervisors.userId, user.id));
  return rows.map((r) => r.id);
}

export function inScope(scope: CampaignScope, campaignId: string): boolean {
  return scope === 'all' || scope.includes(campaignId);
}

/** Does this admin or supervisor watch the campaign? */
export async function watchesCampaign(
  db: Database,
  user: Pick<UserRow, 'id' | 'role'>,
  campaignId: string,
): Promise<boolean> {
  if (user.role === 'admin') return true;
  if (user.role !== 'supervisor') return false;
  const [row] = await db
    .select({ id: campaignSupervisors.campaignId })
    .from(campaignSupervisors)
    .where(and(eq(campaignSupervisors.userId, user.id), eq(campaignSupervisors.campaignId, campaignId)))
    .limit(1);
  return row !== undefined;
}

/** Supervisors' scopes for the real-time audience, in two queries however many supervisors. */
export async function loadSupervisorScopes(
  db: Database,
  supervisorIds: readonly string[],
): Promise<Map<string, SupervisorScope>> {
  const scopes = new Map<string, { campaignIds: Set<string>; agentIds: Set<string> }>();
  if (supervisorIds.length === 0) return scopes;
  for (const id of supervisorIds) scopes.set(id, { campaignIds: new Set(), agentIds: new Set() });
  const rows = await db
    .select({ supervisorId: campaignSupervisors.userId, campaignId: campaignSupervisors.campaignId })
    .from(campaignSupervisors)
    .where(inArray(campaignSupervisors.userId, [...supervisorIds]));
  for (const r of rows) scopes.get(r.supervisorId)?.campaignIds.add(r.campaignId);
  const campaignIds = [...new Set(rows.map((r) => r.campaignId))];
  if (campaignIds.length) {
    const members = await db
      .select({ campaignId: campaignMembers.campaignId, agentId: campaignMembers.userId })
      .from(campaignMembers)
      .where(inArray(campaignMembers.campaignId, campaignIds));
    const byCampaign = new Map<string, string[]>();
    for (const m of members)
      byCampaign.set(m.campaignId, [...(byCampaign.get(m.campaignId) ?? []), m.agentId]);
    for (const scope of scopes.values())
      for (const c of scope.campaignIds) for (const a of byCampaign.get(c) ?? []) scope.agentIds.add(a);
  }
  return scopes;
}

/** The viewer a socket acts as: supervisors carry their scope. */
export async function viewerFor(db: Database, user: Pick<UserRow, 'id' | 'role'>): Promise<Viewer> {
  if (user.role !== 'supervisor') return { userId: user.id, role: user.role };
  const scope = (await loadSupervisorScopes(db, [user.id])).get(user.id);
  return { userId: user.id, role: user.role, ...(scope ? { scope } : {}) };
}

/** Does this admin or supervisor watch the agent (a member of one of their campaigns)? */
export async function watchesAgent(
  db: Database,
  user: Pick<UserRow, 'id' | 'role'>,
  agentId: string,
): Promise<boolean> {
  if (user.role === 'admin') return true;
  if (user.role !== 'supervisor') return false;
  const [row] = await db
    .select({ id: campaignMembers.userId })
    .from(campaignMembers)
    .innerJoin(campaignSupervisors, eq(campaignSupervisors.campaignId, campaignMembers.campaignId))
    .where(and(eq(campaignMembers.userId, agentId), eq(campaignSupervisors.userId, user.id)))
    .limit(1);
  return row !== undefined;
}
