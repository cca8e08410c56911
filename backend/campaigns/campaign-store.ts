import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  type CreateCampaignInput,
  DEFAULT_MAX_PER_AGENT,
  DEFAULT_THRESHOLDS,
  type MemberInput,
  type UpdateCampaignInput,
} from '../../shared/api/campaigns.ts';
import type { Database } from '../store/database.ts';
import { campaignMembers, campaignSupervisors, campaigns, pages, users } from '../store/schema.ts';
import { type CampaignRow, toCampaign } from './campaign-view.ts';

export type SaveResult =
  | { ok: true; id: string }
  | {
      ok: false;
      code: 'PAGE_NOT_LINKED' | 'CHANNEL_TAKEN' | 'NOT_FOUND' | 'NOT_AN_AGENT' | 'NOT_A_SUPERVISOR';
      detail?: string;
    };

async function checkMembers(db: Database, members: MemberInput[]): Promise<string | null> {
  if (members.length === 0) return null;
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(
          users.id,
          members.map((m) => m.userId),
        ),
        eq(users.role, 'agent'),
      ),
    );
  const agents = new Set(found.map((u) => u.id));
  return members.find((m) => !agents.has(m.userId))?.userId ?? null;
}

/** The first id that is not an active supervisor, or null when all are. */
async function checkSupervisors(db: Database, ids: readonly string[]): Promise<string | null> {
  if (ids.length === 0) return null;
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...ids]), eq(users.role, 'supervisor'), eq(users.active, true)));
  const supervisors = new Set(found.map((u) => u.id));
  return ids.find((id) => !supervisors.has(id)) ?? null;
}

async function replaceSupervisors(db: Database, campaignId: string, ids: readonly string[]) {
  await db.delete(campaignSupervisors).where(eq(campaignSupervisors.campaignId, campaignId));
  const unique = [...new Set(ids)];
  if (unique.length)
    await db.insert(campaignSupervisors).values(unique.map((userId) => ({ campaignId, userId })));
}

async function replaceMembers(db: Database, campaignId: string, members: MemberInput[]) {
  await db.delete(campaignMembers).where(eq(campaignMembers.campaignId, campaignId));
  if (members.length) await db.insert(campaignMembers).values(members.map((m) => ({ campaignId, ...m })));
}

export async function createCampaign(
  db: Database,
  input: CreateCampaignInput,
  now: Date,
): Promise<SaveResult> {
  const [page] = await db.select({ id: pages.id }).from(pages).where(eq(pages.id, input.pageId)).limit(1);
  if (!page) return { ok: false, code: 'PAGE_NOT_LINKED' };
  const notAgent = await checkMembers(db, input.members ?? []);
  if (notAgent) return { ok: false, code: 'NOT_AN_AGENT', detail: notAgent };
  const notSupervisor = await checkSupervisors(db, input.supervisorIds ?? []);
  if (notSupervisor) return { ok: false, code: 'NOT_A_SUPERVISOR', detail: notSupervisor };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({
        name: input.name,
        pageId: input.pageId,
        channel: input.channel,
        strategy: input.strategy,
        schedule: input.schedule ?? [],
        timeZone: input.timeZone ?? 'UTC',
        thresholds: input.thresholds ?? DEFAULT_THRESHOLDS,
        maxPerAgent: input.maxInteractionsPerAgent ?? DEFAULT_MAX_PER_AGENT,
        enabled: input.enabled ?? true,
        cannedResponses: input.cannedResponses ?? [],
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: campaigns.id });
    if (!row) return { ok: false, code: 'CHANNEL_TAKEN' } as const;
    await replaceMembers(tx as unknown as Database, row.id, input.members ?? []);
    await replaceSupervisors(tx as unknown as Database, row.id, input.supervisorIds ?? []);
    return { ok: true, id: row.id } as const;
  });
}

/** Changes a campaign; disabling keeps every record (it only stops taking new work). */
export async function updateCampaign(
  db: Database,
  id: string,
  input: UpdateCampaignInput,
  now: Date,
): Promise<SaveResult> {
  if (input.members) {
    const notAgent = await checkMembers(db, input.members);
    if (notAgent) return { ok: false, code: 'NOT_AN_AGENT', detail: notAgent };
  }
  if (input.supervisorIds) {
    const notSupervisor = await checkSupervisors(db, input.supervisorIds);
    if (notSupervisor) return { ok: false, code: 'NOT_A_SUPERVISOR', detail: notSupervisor };
  }
  return db.transaction(async (tx) => {
    const { members, supervisorIds, maxInteractionsPerAgent, ...fields } = input;
    const [row] = await tx
      .update(campaigns)
      .set({
        ...fields,
        ...(maxInteractionsPerAgent !== undefined ? { maxPerAgent: maxInteractionsPerAgent } : {}),
        updatedAt: now,
      })
      .where(eq(campaigns.id, id))
      .returning({ id: campaigns.id });
    if (!row) return { ok: false, code: 'NOT_FOUND' } as const;
    if (members) await replaceMembers(tx as unknown as Database, id, members);
    if (supervisorIds) await replaceSupervisors(tx as unknown as Database, id, supervisorIds);
    return { ok: true, id } as const;
  });
}

export async function findCampaignRow(db: Database, id: string): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
  return row;
}

/**
 * Campaigns with their Page, members and supervisors, as the API shows them; `memberId` limits to
 * an agent's campaigns, `supervisorId` to a supervisor's.
 */
export async function loadCampaigns(
  db: Database,
  now: Date,
  filter: { id?: string; memberId?: string; supervisorId?: string } = {},
) {
  const rows = await db
    .select({
      campaign: campaigns,
      page: { name: pages.name, health: pages.health, healthReason: pages.healthReason },
    })
    .from(campaigns)
    .innerJoin(pages, eq(pages.id, campaigns.pageId))
    .where(filter.id ? eq(campaigns.id, filter.id) : undefined)
    .orderBy(asc(campaigns.name));
  if (rows.length === 0) return [];
  const members = await db
    .select({
      campaignId: campaignMembers.campaignId,
      userId: campaignMembers.userId,
      name: users.name,
      penalty: campaignMembers.penalty,
      position: campaignMembers.position,
    })
    .from(campaignMembers)
    .innerJoin(users, eq(users.id, campaignMembers.userId))
    .where(
      inArray(
        campaignMembers.campaignId,
        rows.map((r) => r.campaign.id),
      ),
    );
  const supervisors = await db
    .select({
      campaignId: campaignSupervisors.campaignId,
      userId: campaignSupervisors.userId,
      name: users.name,
    })
    .from(campaignSupervisors)
    .innerJoin(users, eq(users.id, campaignSupervisors.userId))
    .where(
      inArray(
        campaignSupervisors.campaignId,
        rows.map((r) => r.campaign.id),
      ),
    )
    .orderBy(asc(users.name));
  return rows
    .map((r) =>
      toCampaign(
        r.campaign,
        r.page,
        members.filter((m) => m.campaignId === r.campaign.id),
        supervisors.filter((s) => s.campaignId === r.campaign.id),
        now,
      ),
    )
    .filter((c) => !filter.memberId || c.members.some((m) => m.userId === filter.memberId))
    .filter((c) => !filter.supervisorId || c.supervisorIds.includes(filter.supervisorId));
}
