import { z } from 'zod';

/** The closed set of error codes the backend answers with, and the HTTP status of each. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  MISSING_PERMISSIONS: 422,
  FACEBOOK_TOKEN_INVALID: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  FACEBOOK_ERROR: 502,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const errorCodeSchema = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

/** One field that failed validation, with a message a person can read. */
export const fieldIssueSchema = z.object({ path: z.string(), message: z.string() });

/** The body of every error answer: `{ "error": { code, message, requestId } }`. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    requestId: z.string(),
    fields: z.array(fieldIssueSchema).optional(),
  }),
});

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
export type FieldIssue = z.infer<typeof fieldIssueSchema>;
