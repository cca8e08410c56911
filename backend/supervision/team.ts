import { sql } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import { uuidArray } from './uuid-array.ts';

/** An agent's presence as the board shows it (no row yet: offline). */
export interface Presence {
  status: 'offline' | 'available' | 'break';
  breakReason: string | null;
  statusSince: Date | null;
  loginAt: Date | null;
}

/** A member of a watched campaign, with the status they set and what they hold anywhere. */
export interface TeamMember extends Presence {
  campaignId: string;
  agentId: string;
  name: string;
  /** Assigned or answered interactions held now, in any campaign: "busy" is about the agent. */
  heldAnywhere: number;
}

/** A member without what they hold (the day source counts that from its own rows). */
export type Member = Omit<TeamMember, 'heldAnywhere'>;

interface PresenceRow {
  status: Presence['status'] | null;
  break_reason: string | null;
  status_since: Date | string | null;
  login_at: Date | string | null;
}

const date = (v: Date | string | null) => (v === null ? null : new Date(v));
const presenceOf = (r: PresenceRow): Presence => ({
  status: r.status ?? 'offline',
  breakReason: r.break_reason,
  statusSince: date(r.status_since),
  loginAt: date(r.login_at),
});

/**
 * The active members of the campaigns with their presence (one query), and what each holds now in
 * any campaign (another, over the open interactions only: the open-thread partial index). Both
 * run at once on PostgreSQL's pool.
 */
export async function loadTeam(db: Database, campaignIds: readonly string[]): Promise<TeamMember[]> {
  if (campaignIds.length === 0) return [];
  const [members, held] = await Promise.all([
    loadMembers(db, campaignIds),
    db.execute(sql`
      select i.agent_id, count(*)::int as n from interactions i
      where i.state in ('queued', 'offered', 'assigned', 'answered')
        and i.state in ('assigned', 'answered') and i.agent_id is not null
      group by i.agent_id`),
  ]);
  const heldBy = new Map(
    (held as unknown as { rows: { agent_id: string; n: number }[] }).rows.map((r) => [
      r.agent_id,
      Number(r.n),
    ]),
  );
  return members.map((m) => ({ ...m, heldAnywhere: heldBy.get(m.agentId) ?? 0 }));
}

/**
 * The active members of the campaigns with their presence, by name — as ONE JSON value: on
 * PGlite every field of every row costs the driver a buffer copy, and 1,000 members as rows took
 * ~30 ms of the event loop every few seconds (the board reads them again, see day-source.ts).
 */
export async function loadMembers(db: Database, campaignIds: readonly string[]): Promise<Member[]> {
  if (campaignIds.length === 0) return [];
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_array(m.campaign_id, m.user_id, u.name, p.status, p.break_reason,
        p.status_since, p.login_at) order by u.name, m.user_id), '[]') as members
    from campaign_members m
    join users u on u.id = m.user_id and u.active
    left join agent_presence p on p.user_id = m.user_id
    where m.campaign_id = any(${uuidArray(campaignIds)}::uuid[])`);
  const [row] = (result as unknown as { rows: { members: MemberRow[] | string }[] }).rows;
  const members = typeof row?.members === 'string' ? (JSON.parse(row.members) as MemberRow[]) : row?.members;
  return (members ?? []).map(([campaignId, agentId, name, status, breakReason, statusSince, loginAt]) => ({
    campaignId,
    agentId,
    name,
    ...presenceOf({ status, break_reason: breakReason, status_since: statusSince, login_at: loginAt }),
  }));
}

type MemberRow = [
  campaignId: string,
  agentId: string,
  name: string,
  status: Presence['status'] | null,
  breakReason: string | null,
  statusSince: string | null,
  loginAt: string | null,
];

/** Some agents' presence (an event said it changed); those without a row are offline. */
export async function loadPresence(
  db: Database,
  agentIds: readonly string[],
): Promise<Map<string, Presence>> {
  const found = new Map<string, Presence>();
  if (agentIds.length === 0) return found;
  const result = await db.execute(sql`
    select p.user_id, p.status, p.break_reason, p.status_since, p.login_at
    from agent_presence p where p.user_id = any(${uuidArray(agentIds)}::uuid[])`);
  for (const r of (result as unknown as { rows: (PresenceRow & { user_id: string })[] }).rows)
    found.set(r.user_id, presenceOf(r));
  for (const id of agentIds)
    if (!found.has(id))
      found.set(id, { status: 'offline', breakReason: null, statusSince: null, loginAt: null });
  return found;
}
