import { z } from 'zod';
import { failedRequest } from './graph-errors.ts';
import { idString } from './graph-json.ts';

/**
 * The Graph answers we read, checked and turned into our own shapes: camelCase, every id a string.
 * A body that does not match is a GraphError of class permanent, so callers handle one error type.
 */

export interface UserToken {
  accessToken: string;
  /** Seconds; absent when Facebook does not say (never-expiring tokens). */
  expiresIn?: number;
}

/** A Page the admin manages, from `/me/accounts`, with its Page token. */
export interface ManagedPage {
  id: string;
  name: string;
  accessToken: string;
  category?: string;
  /** The admin's tasks on the Page: MESSAGING, MODERATE, MANAGE... */
  tasks: string[];
}

export interface TokenDebugInfo {
  isValid: boolean;
  type?: string;
  appId?: string;
  userId?: string;
  profileId?: string;
  /** Unix seconds. 0 means the token never expires (Facebook's convention); null when not reported. */
  expiresAt: number | null;
  /** Unix seconds when data access (not login) lapses and the admin must consent again. */
  dataAccessExpiresAt?: number;
  scopes: string[];
  /**
   * `targetIds` lists the objects (Page ids) a grant covers; absent when Facebook did not narrow
   * the grant to particular objects, which is not the same as covering none.
   */
  granularScopes: { scope: string; targetIds?: string[] }[];
  error?: { code: number; subcode?: number; message: string };
}

export interface SubscribedApp {
  appId: string;
  name?: string;
  subscribedFields: string[];
}

export interface GraphPage {
  id: string;
  name: string;
}

export interface GraphComment {
  id: string;
  message?: string;
  /** As Graph writes it: ISO 8601 with a `+0000` offset. */
  createdTime: string;
  from?: { id: string; name?: string };
  /** Set on replies: the comment they answer. */
  parentId?: string;
}

export interface SendResult {
  /** Omitted by Facebook for sends addressed by `user_ref` or phone number. */
  recipientId?: string;
  messageId: string;
}

/** An id as Graph sends it, string or (short) number, always read as a string. */
const graphId = z.unknown().transform((value, ctx) => {
  const id = idString(value);
  if (id === undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected a Graph id' });
    return z.NEVER;
  }
  return id;
});

const paging = z
  .object({
    cursors: z.object({ after: z.string().optional() }).optional(),
    next: z.string().optional(),
  })
  .optional();

/** The cursor for the next page, only when Graph says there is one (`paging.next`). */
function nextCursor(p: z.output<typeof paging>): string | undefined {
  if (!p?.next) return undefined;
  if (p.cursors?.after) return p.cursors.after;
  try {
    return new URL(p.next).searchParams.get('after') ?? undefined;
  } catch {
    return undefined;
  }
}

export const userTokenSchema = z
  .object({ access_token: z.string().min(1), expires_in: z.number().optional() })
  .transform((r): UserToken => ({ accessToken: r.access_token, expiresIn: r.expires_in }));

export const managedPagesSchema = z
  .object({
    data: z.array(
      z.object({
        id: graphId,
        name: z.string(),
        access_token: z.string().min(1),
        category: z.string().optional(),
        tasks: z.array(z.string()).optional(),
      }),
    ),
    paging,
  })
  .transform((r) => ({
    pages: r.data.map(
      (p): ManagedPage => ({
        id: p.id,
        name: p.name,
        accessToken: p.access_token,
        category: p.category,
        tasks: p.tasks ?? [],
      }),
    ),
    after: nextCursor(r.paging),
  }));

export const tokenDebugSchema = z
  .object({
    data: z.object({
      is_valid: z.boolean(),
      type: z.string().optional(),
      app_id: graphId.optional(),
      user_id: graphId.optional(),
      profile_id: graphId.optional(),
      expires_at: z.number().optional(),
      data_access_expires_at: z.number().optional(),
      scopes: z.array(z.string()).optional(),
      granular_scopes: z
        .array(z.object({ scope: z.string(), target_ids: z.array(graphId).optional() }))
        .optional(),
      error: z
        .object({ code: z.number(), subcode: z.number().optional(), message: z.string().default('') })
        .optional(),
    }),
  })
  .transform(
    ({ data: d }): TokenDebugInfo => ({
      isValid: d.is_valid,
      type: d.type,
      appId: d.app_id,
      userId: d.user_id,
      profileId: d.profile_id,
      expiresAt: d.expires_at ?? null,
      dataAccessExpiresAt: d.data_access_expires_at,
      scopes: d.scopes ?? [],
      granularScopes: (d.granular_scopes ?? []).map((g) => ({ scope: g.scope, targetIds: g.target_ids })),
      error: d.error,
    }),
  );

/** Facebook has answered `success` both as a boolean and as the string "true". */
export const successSchema = z
  .object({ success: z.union([z.boolean(), z.enum(['true', 'false'])]) })
  .transform((r) => r.success === true || r.success === 'true');

export const subscribedAppsSchema = z
  .object({
    data: z.array(
      z.object({
        id: graphId,
        name: z.string().optional(),
        subscribed_fields: z.array(z.unknown()).optional(),
      }),
    ),
  })
  .transform((r) =>
    r.data.map(
      (a): SubscribedApp => ({
        appId: a.id,
        name: a.name,
        subscribedFields: (a.subscribed_fields ?? []).filter((f): f is string => typeof f === 'string'),
      }),
    ),
  );

export const pageSchema = z.object({ id: graphId, name: z.string() });

export const createdSchema = z.object({ id: graphId });

export const sendResultSchema = z
  .object({ recipient_id: graphId.optional(), message_id: z.string().min(1) })
  .transform((r): SendResult => ({ recipientId: r.recipient_id, messageId: r.message_id }));

export const attachmentUploadSchema = z
  .object({ attachment_id: graphId })
  .transform((r) => ({ attachmentId: r.attachment_id }));

export const commentsSchema = z
  .object({
    data: z.array(
      z.object({
        id: graphId,
        message: z.string().optional(),
        created_time: z.string(),
        from: z.object({ id: graphId, name: z.string().optional() }).optional(),
        parent: z.object({ id: graphId }).optional(),
      }),
    ),
    paging,
  })
  .transform((r) => ({
    comments: r.data.map(
      (c): GraphComment => ({
        id: c.id,
        message: c.message,
        createdTime: c.created_time,
        from: c.from,
        parentId: c.parent?.id,
      }),
    ),
    next: nextCursor(r.paging),
  }));

/** Checks a Graph body against its schema; a mismatch means Facebook (or the sandbox) changed shape. */
export function readResponse<S extends z.ZodType>(schema: S, body: unknown, request: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw failedRequest(request, {
    errorClass: 'permanent',
    graphMessage: `unexpected response (${where}${issue?.message ?? 'invalid'})`,
  });
}
