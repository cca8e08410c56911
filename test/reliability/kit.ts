/**
 * What the reliability suites share: a Graph sandbox in the test process, backends in child
 * processes (so they can be killed the hard way), JSON helpers for both, and the secrets scan.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expect } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../backend/sandbox/sandbox.ts';
import type { DomainEvent } from '../../shared/events.ts';
import { type BackendProcess, type LogSink, spawnBackend } from '../harness/backend-process.ts';
import { freePort } from '../harness/postgres-server.ts';
import { TEST_FB_ENV } from '../harness/test-facebook-env.ts';

export const ADMIN = { email: 'admin@example.test', password: 'admin password 123' };
export const AGENT_PASSWORD = 'agent password 123';

export async function startTestSandbox(delivery: Parameters<typeof startSandbox>[0]['delivery'] = {}) {
  return startSandbox({
    port: 0,
    appId: TEST_FB_ENV.FB_APP_ID,
    appSecret: TEST_FB_ENV.FB_APP_SECRET,
    verifyToken: TEST_FB_ENV.FB_VERIFY_TOKEN,
    delivery: { batchWindowMs: 20, retryBaseMs: 200, maxAttempts: 30, ...delivery },
  });
}

/** The sandbox's control API, called in-process (no socket per call: bursts are thousands of calls). */
export function controlOf(sandbox: RunningSandbox) {
  return async <T = unknown>(method: string, p: string, body?: unknown): Promise<T> => {
    const res = await sandbox.sandbox.app.request(`/_sandbox${p}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox ${method} ${p}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/** A JSON call to a backend; answers status and parsed body (the text when not JSON). */
export async function call(
  base: string,
  method: string,
  p: string,
  token?: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: answers are read by shape; the assertions check them
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${p}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

/** `call` that insists on a 2xx. */
export async function ok(base: string, method: string, p: string, token?: string, body?: unknown) {
  const res = await call(base, method, p, token, body);
  if (res.status >= 300) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function login(base: string, email = ADMIN.email, password = ADMIN.password): Promise<string> {
  return (await ok(base, 'POST', '/api/auth/login', undefined, { email, password })).token as string;
}

export function tempDir(cleanups: (() => void)[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pagedesk-rel-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The environment of a backend child process: the sandbox plays Facebook, compressed timers,
 * `info` logs (captured, then scanned for secrets).
 */
export async function backendEnv(
  sandbox: RunningSandbox,
  db: { dataDir: string; databaseUrl?: string },
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  const port = await freePort();
  return {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: db.dataDir,
    ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    FB_GRAPH_URL: sandbox.url,
    FB_DIALOG_URL: sandbox.url,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'info',
    ROUTING_TICK_MS: '200',
    ...extra,
  };
}

export { type BackendProcess, type LogSink, spawnBackend };

/** Raw SQL against a PostgreSQL database, for counting what the backends stored. */
export function sqlClient(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  return {
    rows: async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await pool.query(text, params)).rows as T[],
    close: () => pool.end(),
  };
}

/** Polls until `check` gives a value (not undefined/false), or fails with `what` after `ms`. */
export async function until<T>(what: string, check: () => Promise<T | undefined | false>, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Issue 8, secrets: no captured log line holds a page token, a password or the app secret, in
 * clear or in the encodings a careless log call would produce (JSON string escaping, URL encoding).
 */
export function expectNoSecrets(logs: readonly string[], secrets: readonly string[]): void {
  const forms = secrets
    .filter((s) => s.length >= 8)
    .flatMap((s) => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)]);
  const leaks = logs.flatMap((line, n) =>
    forms
      .filter((f) => line.includes(f))
      .map((f) => `line ${n}: …${f.slice(0, 6)}… in ${line.slice(0, 200)}`),
  );
  expect(leaks).toEqual([]);
  // The scan looked at real output: an empty capture would pass vacuously.
  expect(logs.length).toBeGreaterThan(0);
}

/** The secrets every backend of these suites holds: the app secret and the token-sealing key. */
/**
 * The delivery statuses a socket heard for each reply (`reply.status`), in order, repeats folded:
 * what the agent's composer showed.
 */
export function replyStatuses(events: readonly DomainEvent[]): Map<number, string[]> {
  const seen = new Map<number, string[]>();
  for (const e of events) {
    if (e.type !== 'reply.status') continue;
    const list = seen.get(e.reply.id) ?? [];
    if (list.at(-1) !== e.reply.status) list.push(e.reply.status);
    seen.set(e.reply.id, list);
  }
  return seen;
}

export const APP_SECRETS = [TEST_FB_ENV.FB_APP_SECRET, TEST_FB_ENV.SECRET_KEY];
