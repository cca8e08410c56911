import { z } from 'zod';

/** A linked Facebook Page as admins see it: never its token. */
export const pageSchema = z.object({
  id: z.string(),
  name: z.string(),
  health: z.enum(['active', 'invalid']),
  healthReason: z.string().nullable(),
  healthCheckedAt: z.string().nullable(),
  healthChangedAt: z.string(),
  humanAgentEnabled: z.boolean(),
  scopes: z.array(z.string()),
});
export type Page = z.infer<typeof pageSchema>;

export const pageListSchema = z.object({ pages: z.array(pageSchema) });

export const pageIdParamsSchema = z.strictObject({ id: z.string().regex(/^\d{1,32}$/, 'Not a Page id.') });

export const updatePageSchema = z.strictObject({ humanAgentEnabled: z.boolean() });

export const activationStartSchema = z.object({ id: z.string(), dialogUrl: z.string() });

export const activationIdParamsSchema = z.strictObject({ id: z.uuid({ message: 'Not an activation id.' }) });

export const activationSchema = z.discriminatedUnion('status', [
  z.object({ status: z.enum(['pending', 'done']) }),
  z.object({ status: z.literal('failed'), error: z.string() }),
  z.object({
    status: z.literal('ready'),
    pages: z.array(
      z.object({ id: z.string(), name: z.string(), linked: z.boolean(), tasks: z.array(z.string()) }),
    ),
  }),
]);
export type Activation = z.infer<typeof activationSchema>;

export const pickPageSchema = z.strictObject({ pageId: z.string().regex(/^\d{1,32}$/, 'Not a Page id.') });

export const importTokenSchema = z.strictObject({
  accessToken: z.string().trim().min(20, 'That is too short to be an access token.').max(2048),
});

export const importTokenResultSchema = z.object({
  linked: z.array(pageSchema),
  refused: z.array(
    z.object({ pageId: z.string().nullable(), name: z.string().nullable(), reason: z.string() }),
  ),
});

/** One missing permission, named with what it is for and how to grant it. */
export const missingPermissionSchema = z.object({
  scope: z.string(),
  purpose: z.string(),
  howToGrant: z.string(),
});
