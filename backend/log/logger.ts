import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogLevel } from '../config.ts';

type Fields = Record<string, unknown>;
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** Carries the request id through every await of a request, so each log line of it names the id. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
}

// Keys whose values must never reach a log line, whatever the caller passes.
const SECRET_KEYS = /pass(word)?|token|secret|authorization|cookie|proof/i;

function redact(fields: Fields): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(fields)) out[k] = SECRET_KEYS.test(k) ? '[redacted]' : v;
  return out;
}

/** A structured JSON-lines logger; one object per line with time, level, msg and the request id. */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stdout.write(l),
) {
  const min = RANK[level];
  const emit = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields: Fields = {}) => {
    if (RANK[lvl] < min) return;
    const requestId = requestContext.getStore()?.requestId;
    const line = { time: new Date().toISOString(), level: lvl, msg, ...(requestId ? { requestId } : {}) };
    write(`${JSON.stringify({ ...line, ...redact(fields) })}\n`);
  };
  const logger: Logger = {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
  return logger;
}

export function errorFields(err: unknown): Fields {
  if (err instanceof Error) return { err: err.message, stack: err.stack };
  return { err: String(err) };
}
