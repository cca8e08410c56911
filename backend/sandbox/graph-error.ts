/**
 * Graph API errors with Meta's envelope: `{"error":{message,type,code,error_subcode?,fbtrace_id}}`
 * (FACEBOOK-PLATFORM.md §5.1). Thrown by Graph handlers and turned into a response in one place
 * (graph-response.ts), which adds the `fbtrace_id`. Wording is Meta's where a real body was seen
 * (cited per function); the rest imitates Meta's style and is marked "wording unverified" so
 * nobody mistakes it for a captured string. Clients must classify on code/subcode, never on text.
 */
export interface GraphErrorBody {
  message: string;
  type: 'OAuthException' | 'GraphMethodException' | 'FacebookApiException';
  code: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_title?: string;
  error_user_msg?: string;
}

export class GraphError extends Error {
  constructor(
    readonly body: GraphErrorBody,
    readonly status: 400 | 403 | 500 = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = 'GraphError';
  }
}

const oauth = (code: number, message: string, extra: Partial<GraphErrorBody> = {}, status: 400 | 403 = 400) =>
  new GraphError({ message, type: 'OAuthException', code, ...extra }, status);

// ── Tokens ─────────────────────────────────────────────────────────────────────────────────────

/** Real Meta text for a request with no token at all. */
export const accessTokenRequired = () => oauth(104, 'An access token is required to request this resource.');

/** Real Meta text for a token string Meta never issued. */
export const cannotParseToken = () => oauth(190, 'Invalid OAuth access token - Cannot parse access token');

/** Messages per invalidation subcode (§5.2 table; 460 text from chatwoot #1046, others wording unverified). */
export function invalidationMessage(subcode: number, ctx: { userId: string; appId: string }): string {
  const prefix = 'Error validating access token: ';
  switch (subcode) {
    case 458:
      return `${prefix}User ${ctx.userId} has not authorized application ${ctx.appId}.`;
    case 459:
      return `${prefix}You cannot access the app till you log in to www.facebook.com and follow the instructions given.`;
    case 460:
      return `${prefix}The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.`;
    case 463:
      return `${prefix}Session has expired.`;
    case 464:
      return `${prefix}Sessions for the user ${ctx.userId} are not allowed because the user is not a confirmed user.`;
    default:
      return `${prefix}The session is invalid because the user logged out.`;
  }
}

export const tokenInvalidated = (subcode: number, ctx: { userId: string; appId: string }) =>
  oauth(190, invalidationMessage(subcode, ctx), { error_subcode: subcode });

export const expiredMessage = (expiresAt: number, now: number) =>
  `Error validating access token: Session has expired on ${utcStamp(expiresAt)}. The current time is ${utcStamp(now)}.`;

export const tokenExpired = (expiresAt: number, now: number) =>
  oauth(190, expiredMessage(expiresAt, now), { error_subcode: 463 });

/** Real text after the admin unticks the Page on a new login (chatwoot #14729). */
export const pageNoLongerGranted = () =>
  oauth(
    190,
    "Any of the pages_read_engagement, pages_manage_metadata, pages_read_user_content, pages_manage_ads, pages_show_list or pages_messaging permission(s) must be granted before impersonating a user's page.",
  );

/** Real text (chatwoot #5147) when the app requires the proof and none was sent. */
export const appsecretProofMissing = () =>
  new GraphError({
    message: 'API calls from the server require appsecret_proof argument',
    type: 'GraphMethodException',
    code: 100,
  });

/** Real Meta text for a proof that does not match the token. */
export const appsecretProofInvalid = () =>
  new GraphError({
    message: 'Invalid appsecret_proof provided in the API argument',
    type: 'GraphMethodException',
    code: 100,
  });

/** Real Meta text for an `APPID|SECRET` token whose secret is wrong. */
export const invalidAppTokenSignature = () => oauth(190, 'Invalid OAuth access token signature.');

// ── OAuth code exchange (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow;
//    the 3600x subcodes are from memory of real responses, wording unverified) ──────────────────────

export const invalidClientId = () => oauth(101, 'Error validating application. Invalid application ID.');

/** Real Meta text (code 1) for a wrong `client_secret`. */
export const invalidClientSecret = () => oauth(1, 'Error validating client secret.');

export const invalidCode = () => oauth(100, 'Invalid verification code format.');

export const codeExpired = () => oauth(100, 'This authorization code has expired.', { error_subcode: 36007 });

export const redirectUriMismatch = () =>
  oauth(
    100,
    'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
    { error_subcode: 36008 },
  );

export const codeUsed = () => oauth(100, 'This authorization code has been used.', { error_subcode: 36009 });

// ── Objects, paths, parameters ─────────────────────────────────────────────────────────────────

/** Real Meta text (GraphMethodException 100/33) for an id that does not exist or is not visible. */
export const unsupportedRequest = (method: string, id: string) =>
  new GraphError({
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: 'GraphMethodException',
    code: 100,
    error_subcode: 33,
  });

export const nonexistingField = (field: string, nodeType: string) =>
  oauth(100, `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`);

export const unknownPath = (path: string) => oauth(2500, `Unknown path components: ${path}`);

export const missingParameter = (name: string) => oauth(100, `(#100) The parameter ${name} is required`);

export const invalidParameter = (message: string, subcode?: number) =>
  oauth(100, `(#100) ${message}`, subcode ? { error_subcode: subcode } : {});

// ── Permissions ────────────────────────────────────────────────────────────────────────────────

export const pageTokenRequired = () =>
  oauth(210, '(#210) A page access token is required to request this resource.', {}, 403);

/** Generic missing-permission error (code 200; wording seen widely, context unverified). */
export const notAuthorized = () =>
  oauth(200, "(#200) The user hasn't authorized the application to perform this action", {}, 403);

export const requiresPermission = (code: number, permission: string) =>
  oauth(code, `(#${code}) Requires ${permission} permission to manage the object`, {}, 403);

/** Real text (graph-error-100-missing-permission.json) for reads without pages_read_engagement. */
export const readPermissionMissing = () =>
  oauth(
    100,
    "(#100) Object does not exist, cannot be loaded due to missing permission or reviewable feature, or does not support this operation. This endpoint requires the 'pages_read_engagement' permission or the 'Page Public Content Access' feature or the 'Page Public Metadata Access' feature. Refer to https://developers.facebook.com/docs/apps/review/login-permissions#manage-pages, https://developers.facebook.com/docs/apps/review/feature#reference-PAGES_ACCESS and https://developers.facebook.com/docs/apps/review/feature#page-public-metadata-access for details.",
  );

/** Real text for `subscribed_apps` without the permission a field needs (jgorset/facebook-messenger #280). */
export const subscribePermissionMissing = (field: string, permission: string) =>
  oauth(
    200,
    `(#200) To subscribe to the ${field} field, one of these permissions is needed: ${permission}`,
    {},
    403,
  );

/** Code 10, the generic "permission denied"; used when the Human Agent feature is off (wording unverified). */
export const capabilityMissing = () =>
  oauth(10, '(#10) Application does not have the capability to make this API call.', {}, 403);

// ── Send API (FACEBOOK-PLATFORM.md §3, §5.2) ──────────────────────────────────────────────────

export const outsideWindow = () =>
  oauth(10, '(#10) This message is sent outside of allowed window.', { error_subcode: 2018278 });

export const noMatchingUser = () => oauth(100, '(#100) No matching user found', { error_subcode: 2018001 });

export const invalidCommentId = () =>
  oauth(100, '(#100) Invalid comment_id parameter', { error_subcode: 2018292 });

/**
 * A second private reply to one comment. Meta documents "one message per comment" but no error
 * body for breaking it; code 10900 "Activity already replied to" is what the private_replies edge
 * answered, the closest documented code.
 */
export const alreadyRepliedPrivately = () => oauth(10900, '(#10900) Activity already replied to');

/** The recipient blocked the Page or turned messages off (§5.2: 551/1545041). */
export const personUnavailable = () =>
  oauth(551, "(#551) This person isn't available right now.", { error_subcode: 1545041 });

// ── Faults injected by the control API (§5.2, §5.3) ───────────────────────────────────────────

export const unexpectedError = () =>
  new GraphError(
    {
      message: 'An unexpected error has occurred. Please retry your request later.',
      type: 'OAuthException',
      is_transient: true,
      code: 2,
    },
    500,
  );

export const rateLimited = (usageHeader: string) =>
  new GraphError(
    { message: '(#613) Calls to this api have exceeded the rate limit.', type: 'OAuthException', code: 613 },
    400,
    { 'X-Business-Use-Case-Usage': usageHeader },
  );

export const temporarySendFailure = () =>
  oauth(1200, '(#1200) Temporary send message failure. Please try again later.', { is_transient: true });

function utcStamp(ms: number): string {
  const d = new Date(ms);
  const day = d.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = d.toLocaleDateString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${day}, ${pad(d.getUTCDate())}-${month}-${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}
