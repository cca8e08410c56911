/**
 * What a failed Graph call means for us. Decided by `code` and `error_subcode` only: message texts
 * differ for the same cause and are localised (chatwoot #14729 missed a 190 by matching strings),
 * and the HTTP status is mostly 400 whatever went wrong. FACEBOOK-PLATFORM.md §5.2 is the table.
 *
 * - token: the access token is dead; mark the Page unhealthy and stop sending until re-activation.
 * - permission: a permission or App Review feature is missing; an admin must re-grant.
 * - throttle: a rate limit; wait (`retryAfterMs`) and retry.
 * - transient: Facebook or the network failed; retry with backoff.
 * - window: the Messenger window closed for this message (10/2018278).
 * - recipient: this person cannot be messaged (blocked the Page, unknown PSID).
 * - permanent: retrying the same request will fail again.
 */
export type GraphErrorClass =
  | 'token'
  | 'permission'
  | 'throttle'
  | 'transient'
  | 'window'
  | 'recipient'
  | 'permanent';

const TOKEN_CODES = new Set([102, 190]);
// Auth subcodes mean a dead session whatever the code (php-graph-sdk checks them first too).
const TOKEN_SUBCODES = new Set([458, 459, 460, 463, 464, 467]);
const THROTTLE_CODES = new Set([4, 17, 32, 341, 613]);
const TRANSIENT_CODES = new Set([1, 2, 1200]);

const OUTSIDE_WINDOW = { code: 10, subcode: 2018278 };
const NO_MATCHING_USER = { code: 100, subcode: 2018001 };
const RECIPIENT_UNAVAILABLE_CODE = 551;
const POLICY_BLOCK_CODE = 368;

export function classifyGraphError(code?: number, subcode?: number, isTransient?: boolean): GraphErrorClass {
  // Throttle first: it is retried like a transient error, but must wait out the limit.
  if (code !== undefined && THROTTLE_CODES.has(code)) return 'throttle';
  // Then Meta's own verdict: an error it flags as transient is worth retrying whatever its code.
  if (isTransient === true) return 'transient';
  if (code === OUTSIDE_WINDOW.code && subcode === OUTSIDE_WINDOW.subcode) return 'window';
  if (code === RECIPIENT_UNAVAILABLE_CODE) return 'recipient';
  if (code === NO_MATCHING_USER.code && subcode === NO_MATCHING_USER.subcode) return 'recipient';
  if (
    (code !== undefined && TOKEN_CODES.has(code)) ||
    (subcode !== undefined && TOKEN_SUBCODES.has(subcode))
  ) {
    return 'token';
  }
  if (code !== undefined && TRANSIENT_CODES.has(code)) return 'transient';
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299)) return 'permission';
  return 'permanent';
}

export interface GraphErrorInit {
  errorClass: GraphErrorClass;
  code?: number;
  subcode?: number;
  type?: string;
  fbtraceId?: string;
  httpStatus?: number;
  userTitle?: string;
  userMessage?: string;
  /** Graph's own `message`, in English for developers (user texts are in userTitle/userMessage). */
  graphMessage?: string;
  retryAfterMs?: number;
  cause?: unknown;
}

/** A failed Graph call, classified. `retryable` says whether sending the same request again can help. */
export class GraphError extends Error {
  override readonly name = 'GraphError';
  readonly errorClass: GraphErrorClass;
  readonly code?: number;
  readonly subcode?: number;
  readonly type?: string;
  readonly fbtraceId?: string;
  readonly httpStatus?: number;
  readonly userTitle?: string;
  readonly userMessage?: string;
  readonly graphMessage?: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;

  constructor(message: string, init: GraphErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.errorClass = init.errorClass;
    this.code = init.code;
    this.subcode = init.subcode;
    this.type = init.type;
    this.fbtraceId = init.fbtraceId;
    this.httpStatus = init.httpStatus;
    this.userTitle = init.userTitle;
    this.userMessage = init.userMessage;
    this.graphMessage = init.graphMessage;
    this.retryable = init.errorClass === 'transient' || init.errorClass === 'throttle';
    this.retryAfterMs = init.retryAfterMs;
  }

  /** True for 368: Facebook blocked the Page for policy reasons. Pause it and alert a human. */
  get isPolicyBlock(): boolean {
    return this.code === POLICY_BLOCK_CODE;
  }
}

/**
 * The fields of a Graph error body (`{"error":{message,type,code,error_subcode,...}}`), classified;
 * undefined when the body carries no error object.
 */
export function readGraphErrorBody(body: unknown): GraphErrorInit | undefined {
  if (!isRecord(body) || !isRecord(body.error)) return undefined;
  const e = body.error;
  const code = integer(e.code);
  const subcode = integer(e.error_subcode);
  return {
    errorClass: classifyGraphError(code, subcode, e.is_transient === true),
    code,
    subcode,
    type: text(e.type),
    fbtraceId: text(e.fbtrace_id),
    userTitle: text(e.error_user_title),
    userMessage: text(e.error_user_msg),
    graphMessage: text(e.message),
  };
}

/** One line for logs: what failed, Graph's words, and the ids support will ask for. */
export function graphErrorMessage(request: string, init: GraphErrorInit): string {
  const parts = [`Graph ${request} failed`];
  if (init.graphMessage) parts.push(`: ${init.graphMessage}`);
  const codes = [init.code, init.subcode].filter((c) => c !== undefined).join('/');
  if (codes) parts.push(` [code ${codes}]`);
  if (init.httpStatus !== undefined) parts.push(` [HTTP ${init.httpStatus}]`);
  if (init.fbtraceId) parts.push(` [fbtrace_id ${init.fbtraceId}]`);
  if (init.code === POLICY_BLOCK_CODE)
    parts.push(' (policy block: pause sending for this Page, alert a human)');
  return parts.join('');
}

/** The GraphError of a failed request, with the one-line message above. */
export function failedRequest(request: string, init: GraphErrorInit): GraphError {
  return new GraphError(graphErrorMessage(request, init), init);
}

const TOKEN_REASONS: Record<number, string> = {
  458: 'the app was removed from the account that connected it',
  459: 'the admin must log in on facebook.com to pass a security checkpoint',
  460: 'password changed',
  463: 'it expired',
  464: 'the admin account is not confirmed',
  467: 'the admin logged out or the token was revoked',
};

/** A short sentence an agent or admin can act on. Never depends on Graph's (localised) message text. */
export function describeGraphError(e: GraphError): string {
  switch (e.errorClass) {
    case 'token': {
      const reason = e.subcode === undefined ? undefined : TOKEN_REASONS[e.subcode];
      return `The page's access token is no longer valid${reason ? ` (${reason})` : ''}. Re-activate the page.`;
    }
    case 'permission':
      return 'Facebook refused because the app lacks a permission for this. An admin must re-activate the page and grant every requested permission.';
    case 'throttle': {
      const wait = e.retryAfterMs === undefined ? '' : ` in about ${formatMinutes(e.retryAfterMs)}`;
      return `Facebook is rate-limiting this app or page. Sending resumes automatically${wait}.`;
    }
    case 'transient':
      if (e.code === undefined && e.httpStatus === undefined) {
        return 'Facebook could not be reached (network error or timeout). The request will be retried.';
      }
      return e.code === 2
        ? 'Facebook had a temporary problem (it also answers this when the person blocked the page). The request will be retried a few times.'
        : 'Facebook had a temporary problem. The request will be retried.';
    case 'window':
      return 'The messaging window for this person has closed. Reply with the Human Agent tag within 7 days of their last message, or wait for them to write again.';
    case 'recipient':
      return e.code === RECIPIENT_UNAVAILABLE_CODE
        ? "This person can't be reached on Messenger right now (they may have blocked the page or turned off messages)."
        : "Facebook doesn't know this person for this page, so the message cannot be delivered.";
    case 'permanent':
      return describePermanent(e);
  }
}

function describePermanent(e: GraphError): string {
  if (e.code === POLICY_BLOCK_CODE) {
    return "Facebook has temporarily blocked this page from doing this for policy reasons. Sending is paused; check the page's notifications on Facebook.";
  }
  if (e.code === 506)
    return 'Facebook rejected this as a duplicate of an earlier post. Change the text and send again.';
  if (e.code === 100 && e.subcode === 2018292)
    return 'Facebook rejected the comment id for this private reply.';
  if (e.code === undefined)
    return `Facebook answered with something unexpected${e.httpStatus ? ` (HTTP ${e.httpStatus})` : ''}.`;
  return `Facebook rejected the request (code ${e.code}${e.subcode === undefined ? '' : `/${e.subcode}`}). Sending it again will not help.`;
}

function formatMinutes(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function integer(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}
