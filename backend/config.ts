import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_DIALOG_URL, DEFAULT_GRAPH_URL } from './facebook/graph-version.ts';

/** A configuration problem, always naming the variable so the start fails with one clear line. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL (${protocols.join(' or ')})`,
  );

const envSchema = z.object({
  PORT: z.coerce.number().int('must be a whole number').min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/=_-]{43,}$/, 'must be at least 32 random bytes, base64 or base64url')
    .optional(),
  FB_APP_ID: z.string().regex(/^\d+$/, 'must be the numeric app id').optional(),
  FB_APP_SECRET: z
    .string()
    .regex(/^[0-9a-f]{32}$/i, 'must be the 32-hex-digit app secret')
    .optional(),
  FB_VERIFY_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
  FB_GRAPH_URL: url(['http:', 'https:']).optional(),
  FB_DIALOG_URL: url(['http:', 'https:']).optional(),
  ADMIN_EMAIL: z.email('must be an email address').optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`).default('info'),
  CORS_ORIGINS: z.string().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(72),
  HEALTH_CHECK_INTERVAL_S: z.coerce.number().int().min(5).max(86_400).default(900),
  ROUTING_TICK_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  WEBHOOK_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .max(100 * 1024 * 1024)
    .default(16 * 1024 * 1024),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
});

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  secretKey: string | undefined;
  facebook: {
    appId: string | undefined;
    appSecret: string | undefined;
    verifyToken: string | undefined;
    graphUrl: string;
    dialogUrl: string;
  };
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  logLevel: LogLevel;
  corsOrigins: string[];
  sessionTtlMs: number;
  bodyLimitBytes: number;
  webhookBodyLimitBytes: number;
  healthCheckIntervalMs: number;
  /** How often queues are re-examined (schedule openings) and lifecycle timers run. */
  routingTickMs: number;
}

/** Reads and validates the configuration; unset and empty variables take their defaults. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const e = parsed.data;
  const corsOrigins = (e.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) {
      throw new ConfigError('CORS_ORIGINS', `has "${origin}": give origins like https://example.com`);
    }
  }
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL ?? `http://127.0.0.1:${e.PORT}`,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    secretKey: e.SECRET_KEY,
    facebook: {
      appId: e.FB_APP_ID,
      appSecret: e.FB_APP_SECRET,
      verifyToken: e.FB_VERIFY_TOKEN,
      graphUrl: (e.FB_GRAPH_URL ?? DEFAULT_GRAPH_URL).replace(/\/+$/, ''),
      dialogUrl: (e.FB_DIALOG_URL ?? DEFAULT_DIALOG_URL).replace(/\/+$/, ''),
    },
    adminEmail: e.ADMIN_EMAIL?.toLowerCase(),
    adminPassword: e.ADMIN_PASSWORD,
    logLevel: e.LOG_LEVEL,
    corsOrigins,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    webhookBodyLimitBytes: e.WEBHOOK_BODY_LIMIT_BYTES,
    healthCheckIntervalMs: e.HEALTH_CHECK_INTERVAL_S * 1000,
    routingTickMs: e.ROUTING_TICK_MS,
  };
}

/** The Facebook app settings the backend cannot run without: it never accepts unsigned webhooks. */
export function requireFacebookApp(config: Config): {
  appId: string;
  appSecret: string;
  verifyToken: string;
} {
  const { appId, appSecret, verifyToken } = config.facebook;
  const hint = '(or run `npm start` without FB_APP_ID to use the Graph sandbox)';
  if (!appId) throw new ConfigError('FB_APP_ID', `is required ${hint}`);
  if (!appSecret)
    throw new ConfigError('FB_APP_SECRET', `is required: webhook signatures are always checked ${hint}`);
  if (!verifyToken) throw new ConfigError('FB_VERIFY_TOKEN', `is required ${hint}`);
  return { appId, appSecret, verifyToken };
}
