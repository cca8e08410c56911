import { createLogger } from '../../backend/log/logger.ts';
import { type RunningSandbox, startSandbox } from '../../backend/sandbox/sandbox.ts';
import { startServer } from '../../backend/server.ts';
import { serverConfig } from './lifecycle-helpers.ts';
import { freePort } from './postgres-server.ts';
import { TEST_FB_ENV } from './test-facebook-env.ts';

export const WORLD_ADMIN = { email: 'admin@example.test', password: 'admin password 123' };

export interface WorldOptions {
  /** One clock for both sides (epoch ms), so a test can move time for Facebook and the backend at once. */
  now?: () => number;
  /** Receives every log line of the backend (then logged at `info` unless WORLD_LOG_LEVEL says otherwise). */
  log?: (line: string) => void;
}

/**
 * A backend and a Graph sandbox that play together over real HTTP, as `npm start` runs them: the
 * backend's Graph and dialog URLs point at the sandbox, the sandbox signs webhooks to the backend.
 */
export async function startWorld(extraEnv: Record<string, string> = {}, opts: WorldOptions = {}) {
  const sandbox: RunningSandbox = await startSandbox({
    port: 0,
    appId: TEST_FB_ENV.FB_APP_ID,
    appSecret: TEST_FB_ENV.FB_APP_SECRET,
    verifyToken: TEST_FB_ENV.FB_VERIFY_TOKEN,
    delivery: { batchWindowMs: 10, retryBaseMs: 200 },
    ...(opts.now ? { now: opts.now } : {}),
  });
  const port = await freePort();
  const config = await serverConfig({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    FB_GRAPH_URL: sandbox.url,
    FB_DIALOG_URL: sandbox.url,
    ADMIN_EMAIL: WORLD_ADMIN.email,
    ADMIN_PASSWORD: WORLD_ADMIN.password,
    LOG_LEVEL: process.env.WORLD_LOG_LEVEL ?? (opts.log ? 'info' : 'silent'),
    ...extraEnv,
  });
  const now = opts.now;
  const backend = await startServer(
    config,
    createLogger(config.logLevel, opts.log),
    now ? { now: () => new Date(now()) } : {},
  );
  sandbox.sandbox.config.webhookUrl = `${backend.url}/webhooks/facebook`;

  const control = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox ${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const api = async (method: string, path: string, token?: string, body?: unknown) =>
    fetch(`${backend.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const login = async (email = WORLD_ADMIN.email, password = WORLD_ADMIN.password) =>
    (await (await api('POST', '/api/auth/login', undefined, { email, password })).json()).token as string;

  return {
    sandbox,
    backend,
    control,
    api,
    login,
    async stop() {
      await sandbox.stop();
      await backend.stop();
    },
  };
}

export type World = Awaited<ReturnType<typeof startWorld>>;

/** Polls until `check` returns a value (not undefined/false), or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Submits the sandbox's Login dialog form as a person would, ticking only `scopes` and `pageIds`
 * (all of them when omitted), and returns the redirect to our callback.
 */
export async function submitDialog(
  dialogUrl: string,
  choice: { scopes?: string[]; pageIds?: string[]; action?: 'continue' | 'cancel' } = {},
): Promise<string> {
  const html = await (await fetch(dialogUrl)).text();
  const action = new URL(html.match(/<form[^>]*action="([^"]+)"/)![1]!.replaceAll('&amp;', '&'), dialogUrl);
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    form.append(name!, value!.replaceAll('&amp;', '&').replaceAll('&quot;', '"'));
  }
  const all = (name: string) =>
    [...html.matchAll(new RegExp(`name="${name}" value="([^"]+)"`, 'g'))].map((m) => m[1]!);
  for (const s of choice.scopes ?? all('granted_scopes')) form.append('granted_scopes', s);
  for (const p of choice.pageIds ?? all('page_ids')) form.append('page_ids', p);
  form.append('action', choice.action ?? 'continue');
  const res = await fetch(action, { method: 'POST', body: form, redirect: 'manual' });
  const location = res.headers.get('location');
  if (!location)
    throw new Error(`the dialog did not redirect (${res.status}): ${(await res.text()).slice(0, 200)}`);
  return location;
}
