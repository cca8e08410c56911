import { z } from 'zod';

export const STRATEGY_NAMES = [
  'ringall',
  'leastrecent',
  'fewestcalls',
  'random',
  'rrmemory',
  'linear',
  'wrandom',
] as const;
export const strategySchema = z.enum(STRATEGY_NAMES);
export type StrategyName = z.infer<typeof strategySchema>;

export const CHANNELS = ['facebook', 'messenger'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use 24-hour HH:MM, like 09:00 or 17:30.');

/** One opening period: a weekday (0 = Sunday) from HH:MM to HH:MM in the campaign's time zone. */
export const scheduleRowSchema = z.strictObject({
  weekday: z.number().int().min(0, 'Pick a weekday.').max(6, 'Pick a weekday.'),
  from: hhmm,
  to: hhmm,
});
export type ScheduleRow = z.infer<typeof scheduleRowSchema>;

/** Thresholds in seconds, except `acd`: the most customers waiting before the queue alarm. */
export const thresholdsSchema = z.strictObject({
  serviceLevel: z.number().int().min(1).max(86_400),
  dropout: z
    .number()
    .int()
    .min(1)
    .max(7 * 86_400),
  chatTime: z
    .number()
    .int()
    .min(1)
    .max(7 * 86_400),
  acd: z.number().int().min(0).max(100_000),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const cannedResponseSchema = z.strictObject({
  id: z.string().min(1).max(40),
  title: z.string().trim().min(1, 'Give it a title.').max(80),
  text: z.string().trim().min(1, 'Write the response.').max(2_000),
});
export type CannedResponse = z.infer<typeof cannedResponseSchema>;

/** A member agent: penalty 0..100 (a strict tier: lower is asked first) and position (member order). */
export const memberInputSchema = z.strictObject({
  userId: z.uuid({ message: 'Not a user id.' }),
  penalty: z.number().int().min(0).max(100),
  position: z.number().int().min(0).max(10_000),
});
export type MemberInput = z.infer<typeof memberInputSchema>;

export const DEFAULT_THRESHOLDS: Thresholds = { serviceLevel: 60, dropout: 900, chatTime: 1_800, acd: 10 };
export const DEFAULT_MAX_PER_AGENT = 3;

const editable = {
  name: z.string().trim().min(1, 'Name the campaign.').max(100),
  strategy: strategySchema,
  schedule: z.array(scheduleRowSchema).max(50),
  timeZone: z.string().min(1).max(64),
  thresholds: thresholdsSchema,
  maxInteractionsPerAgent: z.number().int().min(1).max(50),
  enabled: z.boolean(),
  cannedResponses: z.array(cannedResponseSchema).max(200),
  members: z.array(memberInputSchema).max(1_000),
  /** Users with role `supervisor` who watch this campaign (board, queue, recordings, actions). */
  supervisorIds: z.array(z.uuid({ message: 'Not a user id.' })).max(200),
};

/** Every editable field, each optional: what an update may carry, and the defaults a create may omit. */
const optionalFields = z.strictObject(editable).partial().shape;

/** `{name, pageId, channel, strategy}` is enough; everything else has a sensible default. */
export const createCampaignSchema = z.strictObject({
  ...optionalFields,
  name: editable.name,
  strategy: editable.strategy,
  pageId: z.string().regex(/^\d{1,32}$/, 'Pick a linked Page.'),
  channel: channelSchema,
});
export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;

export const updateCampaignSchema = z
  .strictObject(optionalFields)
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change.' });
export type UpdateCampaignInput = z.infer<typeof updateCampaignSchema>;

export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  pageId: z.string(),
  pageName: z.string(),
  /** The Page's token health, shown as ACTIVE TOKEN on every campaign of the Page. */
  pageHealth: z.enum(['active', 'invalid']),
  pageHealthReason: z.string().nullable(),
  channel: channelSchema,
  strategy: strategySchema,
  schedule: z.array(scheduleRowSchema),
  timeZone: z.string(),
  thresholds: thresholdsSchema,
  maxInteractionsPerAgent: z.number(),
  enabled: z.boolean(),
  cannedResponses: z.array(cannedResponseSchema),
  members: z.array(
    z.object({ userId: z.string(), name: z.string(), penalty: z.number(), position: z.number() }),
  ),
  /** The supervisors assigned to it, by name (ids as given to create / update). */
  supervisorIds: z.array(z.string()),
  supervisors: z.array(z.object({ userId: z.string(), name: z.string() })),
  /** Whether the schedule has it open now (closed hours keep interactions queued). */
  openNow: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignListSchema = z.object({ campaigns: z.array(campaignSchema) });
export const campaignIdParamsSchema = z.strictObject({ id: z.uuid({ message: 'Not a campaign id.' }) });
