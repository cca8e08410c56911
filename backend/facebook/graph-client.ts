import { failedRequest } from './graph-errors.ts';
import { createGraphRequest, type GraphRequest, graphPath } from './graph-request.ts';
import {
  attachmentUploadSchema,
  commentsSchema,
  createdSchema,
  type GraphComment,
  type GraphPage,
  type ManagedPage,
  managedPagesSchema,
  pageSchema,
  readResponse,
  type SendResult,
  type SubscribedApp,
  sendResultSchema,
  subscribedAppsSchema,
  successSchema,
  type TokenDebugInfo,
  tokenDebugSchema,
  type UserToken,
  userTokenSchema,
} from './graph-responses.ts';
import type { GraphUsage } from './graph-usage.ts';
import { GRAPH_VERSION } from './graph-version.ts';
import type { AttachmentType, SendApiBody } from './send-api-body.ts';

export interface GraphClientOptions {
  /** Meta's https://graph.facebook.com or the sandbox, without the version. */
  graphUrl: string;
  /** Meta's https://www.facebook.com or the sandbox, for the login dialog. */
  dialogUrl: string;
  appId: string;
  appSecret: string;
  /** Per call, reading the body included. Default 15 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Told the rate-limit usage of every response that reports it. Must not throw. */
  onUsage?: (usage: GraphUsage, request: string) => void;
}

export type AttachmentByUrl = { type: AttachmentType; url: string };
export type AttachmentBytes = {
  type: AttachmentType;
  filename: string;
  contentType: string;
  data: Uint8Array;
};

export interface GraphClient {
  /** The Facebook Login dialog an admin is sent to; `state` must be checked on the way back. */
  dialogUrl(params: { redirectUri: string; state: string; scopes: string[] }): string;
  /** Trades the dialog's `code` for a short-lived user token; `redirectUri` must equal the dialog's. */
  exchangeCode(code: string, redirectUri: string): Promise<UserToken>;
  /** Trades a short-lived user token for a ~60-day one, whose Page tokens never expire. */
  exchangeLongLived(shortToken: string): Promise<UserToken>;
  /** Every Page the user token manages, with its Page token. Empty when the admin granted no Page. */
  listPages(userToken: string): Promise<ManagedPage[]>;
  /** Health of any token of our app, checked with the app token. */
  debugToken(inputToken: string): Promise<TokenDebugInfo>;
  /** Subscribes our app to the Page's webhooks (`feed`, `messages`...). */
  subscribeApp(pageId: string, pageToken: string, fields: string[]): Promise<void>;
  subscribedApps(pageId: string, pageToken: string): Promise<SubscribedApp[]>;
  getPage(pageId: string, token: string): Promise<GraphPage>;
  /** A public reply under a comment, as the Page. */
  replyToComment(
    commentId: string,
    pageToken: string,
    reply: { message?: string; attachmentUrl?: string },
  ): Promise<{ id: string }>;
  sendMessage(pageId: string, pageToken: string, body: SendApiBody): Promise<SendResult>;
  /** Uploads once, for reuse by `attachment_id`: from a public URL, or bytes sent as multipart. */
  uploadAttachment(
    pageId: string,
    pageToken: string,
    source: AttachmentByUrl | AttachmentBytes,
  ): Promise<{ attachmentId: string }>;
  /**
   * One page of an object's comments, replies included (`filter=stream`), oldest first.
   * `next` is the cursor to pass as `after` for the following page; absent on the last one.
   */
  getComments(
    objectId: string,
    token: string,
    page?: { after?: string; limit?: number },
  ): Promise<{ comments: GraphComment[]; next?: string }>;
  /** The raw call underneath: adds the version, token, appsecret_proof and timeout; throws GraphError. */
  request: GraphRequest;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** `/me/accounts` pages of 100: 20 of them is 2,000 Pages, far beyond any one admin; stops a cursor loop. */
const MAX_ACCOUNT_PAGES = 20;

export function createGraphClient(opts: GraphClientOptions): GraphClient {
  const request = createGraphRequest({
    graphUrl: opts.graphUrl,
    appSecret: opts.appSecret,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetch: opts.fetch ?? fetch,
    onUsage: opts.onUsage,
  });
  const appToken = `${opts.appId}|${opts.appSecret}`;

  return {
    request,

    dialogUrl({ redirectUri, state, scopes }) {
      const url = new URL(`${opts.dialogUrl.replace(/\/+$/, '')}/${GRAPH_VERSION}/dialog/oauth`);
      url.searchParams.set('client_id', opts.appId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('state', state);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('scope', scopes.join(','));
      return url.toString();
    },

    async exchangeCode(code, redirectUri) {
      const query = { client_id: opts.appId, client_secret: opts.appSecret, redirect_uri: redirectUri, code };
      const body = await request('GET', 'oauth/access_token', { query });
      return readResponse(userTokenSchema, body, 'GET oauth/access_token');
    },

    async exchangeLongLived(shortToken) {
      const query = {
        grant_type: 'fb_exchange_token',
        client_id: opts.appId,
        client_secret: opts.appSecret,
        fb_exchange_token: shortToken,
      };
      const body = await request('GET', 'oauth/access_token', { query });
      return readResponse(userTokenSchema, body, 'GET oauth/access_token');
    },

    async listPages(userToken) {
      const pages: ManagedPage[] = [];
      const seenCursors = new Set<string>();
      let after: string | undefined;
      for (let i = 0; i < MAX_ACCOUNT_PAGES; i++) {
        const query = { fields: 'id,name,access_token,category,tasks', limit: 100, after };
        const body = await request('GET', 'me/accounts', { token: userToken, query });
        const result = readResponse(managedPagesSchema, body, 'GET me/accounts');
        pages.push(...result.pages);
        if (result.after === undefined || seenCursors.has(result.after)) break;
        seenCursors.add(result.after);
        after = result.after;
      }
      return pages;
    },

    async debugToken(inputToken) {
      const query = { input_token: inputToken };
      const body = await request('GET', 'debug_token', { token: appToken, query });
      return readResponse(tokenDebugSchema, body, 'GET debug_token');
    },

    async subscribeApp(pageId, pageToken, fields) {
      const path = graphPath(pageId, 'subscribed_apps');
      const form = { subscribed_fields: fields.join(',') };
      const body = await request('POST', path, { token: pageToken, form });
      if (!readResponse(successSchema, body, `POST ${path}`)) {
        throw failedRequest(`POST ${path}`, {
          errorClass: 'permanent',
          graphMessage: 'Facebook did not confirm the subscription',
        });
      }
    },

    async subscribedApps(pageId, pageToken) {
      const path = graphPath(pageId, 'subscribed_apps');
      const body = await request('GET', path, { token: pageToken });
      return readResponse(subscribedAppsSchema, body, `GET ${path}`);
    },

    async getPage(pageId, token) {
      const path = graphPath(pageId);
      const body = await request('GET', path, { token, query: { fields: 'id,name' } });
      return readResponse(pageSchema, body, `GET ${path}`);
    },

    async replyToComment(commentId, pageToken, reply) {
      if (!reply.message && !reply.attachmentUrl) {
        throw new TypeError('a comment reply needs a message or an attachmentUrl');
      }
      const path = graphPath(commentId, 'comments');
      const form = { message: reply.message, attachment_url: reply.attachmentUrl };
      const body = await request('POST', path, { token: pageToken, form });
      return readResponse(createdSchema, body, `POST ${path}`);
    },

    async sendMessage(pageId, pageToken, json) {
      const path = graphPath(pageId, 'messages');
      const body = await request('POST', path, { token: pageToken, json });
      return readResponse(sendResultSchema, body, `POST ${path}`);
    },

    async uploadAttachment(pageId, pageToken, source) {
      const path = graphPath(pageId, 'message_attachments');
      const body =
        'url' in source
          ? await request('POST', path, {
              token: pageToken,
              json: {
                message: {
                  attachment: { type: source.type, payload: { url: source.url, is_reusable: true } },
                },
              },
            })
          : await request('POST', path, { token: pageToken, form: multipartAttachment(source) });
      return readResponse(attachmentUploadSchema, body, `POST ${path}`);
    },

    async getComments(objectId, token, page = {}) {
      const path = graphPath(objectId, 'comments');
      const query = {
        fields: 'id,message,created_time,from{id,name},parent{id}',
        filter: 'stream',
        order: 'chronological',
        limit: page.limit,
        after: page.after,
      };
      const body = await request('GET', path, { token, query });
      return readResponse(commentsSchema, body, `GET ${path}`);
    },
  };
}

/** Facebook's upload form: the attachment as a `message` JSON field, the bytes as `filedata`. */
function multipartAttachment(source: AttachmentBytes): FormData {
  const form = new FormData();
  form.set('message', JSON.stringify({ attachment: { type: source.type, payload: { is_reusable: true } } }));
  // Copied because a Blob refuses views that may sit on a SharedArrayBuffer (Node Buffers may).
  const bytes = new Uint8Array(source.data);
  form.set('filedata', new Blob([bytes], { type: source.contentType }), source.filename);
  return form;
}
