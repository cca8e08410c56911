import { z } from 'zod';

/** Request bodies of the control API (`/_sandbox/…`), validated before anything changes. */

const text = (max: number) => z.string().max(max);
const httpUrl = z.url({ protocol: /^https?$/ });
const numericId = z.string().regex(/^\d{5,20}$/, 'Ids are digit strings.');

export const createPageSchema = z.strictObject({
  name: text(100).trim().min(1),
  adminUserId: numericId.optional(),
});

export const createUserSchema = z.strictObject({ name: text(100).trim().min(1) });

export const createPostSchema = z.strictObject({
  message: text(63206),
  photoUrl: httpUrl.optional(),
});

export const customerCommentSchema = z.strictObject({
  customer: z.strictObject({ name: text(100).trim().min(1), id: numericId.optional() }),
  message: text(8000),
  parentId: z.string().optional(),
  photoUrl: httpUrl.optional(),
});

export const editCommentSchema = z.strictObject({ message: text(8000) });

export const customerMessageSchema = z
  .strictObject({
    customer: z.strictObject({ name: text(100).trim().min(1), psid: numericId.optional() }),
    text: text(2000).optional(),
    attachments: z
      .array(z.strictObject({ type: z.enum(['image', 'video', 'audio', 'file', 'sticker']), url: httpUrl }))
      .max(10)
      .optional(),
    quickReply: z.union([z.string(), z.strictObject({ payload: z.string() })]).optional(),
    replyToMid: z.string().optional(),
  })
  .refine((m) => (m.text ?? '').length > 0 || (m.attachments?.length ?? 0) > 0, {
    message: 'A message needs text or attachments.',
  });

export const blockSchema = z.strictObject({ blocked: z.boolean().default(true) });

export const invalidateSchema = z.strictObject({
  subcode: z.union([
    z.literal(458),
    z.literal(459),
    z.literal(460),
    z.literal(463),
    z.literal(464),
    z.literal(467),
  ]),
});

export const humanAgentSchema = z.strictObject({ enabled: z.boolean() });

export const faultSchema = z.strictObject({
  kind: z.enum(['5xx', '613', '1200', 'latency']),
  durationMs: z
    .number()
    .int()
    .positive()
    .max(7 * 24 * 3600 * 1000),
  latencyMs: z.number().int().nonnegative().max(60_000).optional(),
  paths: z.array(z.string().min(1)).optional(),
});

export const clockSchema = z.strictObject({ advanceMs: z.number().int().nonnegative() });

export const webhookSchema = z.strictObject({
  url: httpUrl.nullable().optional(),
  duplicateRate: z.number().min(0).max(1).optional(),
});
