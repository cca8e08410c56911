import { idString } from './graph-json.ts';
import { type EpochUnit, epochMs } from './graph-time.ts';

/**
 * Defensive readers for webhook payload fields. Webhook bodies are untrusted `unknown` values: every
 * field is checked for its type, and a present-but-wrong field is reported (with its path) instead of
 * being trusted or thrown on. Absent optional fields are not problems.
 */

export type JsonRecord = Readonly<Record<string, unknown>>;

/** Receives one line per malformed part: where it is, and what is wrong with it. */
export type ReportProblem = (path: string, message: string) => void;

/** Where a reader is in the payload, so its problems name the exact place. */
export interface Site {
  path: string;
  report: ReportProblem;
}

export function at(site: Site, key: string | number): Site {
  return {
    path: typeof key === 'number' ? `${site.path}[${key}]` : `${site.path}.${key}`,
    report: site.report,
  };
}

/** A plain JSON object (not null, not an array), or undefined. */
export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

/**
 * The record's own property. Inherited ones are ignored so that a key like `constructor` or a polluted
 * Object.prototype can never pose as payload data.
 */
export function own(record: JsonRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Null counts as absent: Meta sends `"payload": null` on fallback attachments. */
export function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

/** A short, log-safe description of a value for problem lines (never the whole value). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  switch (typeof value) {
    case 'string':
      return `the string ${quote(value)}`;
    case 'number':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    case 'bigint': {
      const digits = String(value);
      return `bigint ${digits.length > 40 ? `${digits.slice(0, 40)}…` : digits}`;
    }
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** A JSON-quoted, truncated copy of payload text, so problem lines stay one short line. */
export function quote(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

// ---------------------------------------------------------------------------------------------------
// Ids

/**
 * Real ids are digits (`1234567890321`), digit pairs (`{post}_{comment}`) or mids (`m_…`, `mid.$…`),
 * and placeholders in Meta's own examples (`PAGE_ID`, `<PSID>`). All are printable ASCII without
 * spaces; the bound keeps a hostile payload from turning ids into megabyte-long keys.
 */
const ID_TEXT = /^[\x21-\x7e]{1,512}$/;

/** Why `value` (which `toId` refused) is not a usable id. */
function idProblem(value: unknown): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || !Number.isInteger(value)) return `${describe(value)} is not an integer`;
    if (value < 0) return `${describe(value)} is negative`;
    // JSON.parse has already rounded it: the real id is lost. parseGraphJson keeps such ids as strings.
    return `${describe(value)} is too large to be exact (parse the body with parseGraphJson)`;
  }
  if (typeof value === 'string') {
    return value.length === 0
      ? 'is empty'
      : `${describe(value)} is not a printable id of up to 512 characters`;
  }
  if (typeof value === 'bigint') return `${describe(value)} is negative`;
  return `expected an id, got ${describe(value)}`;
}

/** An id as a string (numbers and bigints converted), or undefined when it is not a valid id. */
export function toId(value: unknown): string | undefined {
  const id = idString(value);
  return id !== undefined && ID_TEXT.test(id) ? id : undefined;
}

/**
 * Reads `record[key]` as an id. A present but invalid value is reported; an absent one is reported only
 * when `required`. Undefined means the caller has no id.
 */
export function readId(record: JsonRecord, key: string, site: Site, required: boolean): string | undefined {
  const value = own(record, key);
  if (isAbsent(value)) {
    if (required) site.report(at(site, key).path, 'missing');
    return undefined;
  }
  const id = toId(value);
  if (id === undefined) site.report(at(site, key).path, idProblem(value));
  return id;
}

/** Reads the id inside an object field: `sender.id`, `recipient.id`, `reply_to.mid`. */
export function readNestedId(
  record: JsonRecord,
  key: string,
  innerKey: string,
  site: Site,
  required: boolean,
): string | undefined {
  const value = own(record, key);
  if (isAbsent(value)) {
    if (required) site.report(at(site, key).path, 'missing');
    return undefined;
  }
  const inner = asRecord(value);
  if (!inner) {
    site.report(at(site, key).path, `expected an object, got ${describe(value)}`);
    return undefined;
  }
  return readId(inner, innerKey, at(site, key), required);
}

// ---------------------------------------------------------------------------------------------------
// Text, URLs, times

/** Reads an optional string; anything else present is reported and dropped. */
export function readString(record: JsonRecord, key: string, site: Site): string | undefined {
  const value = own(record, key);
  if (isAbsent(value)) return undefined;
  if (typeof value === 'string') return value;
  site.report(at(site, key).path, `expected a string, got ${describe(value)}`);
  return undefined;
}

const MAX_URL_LENGTH = 8192;

/** Why `text` is not an http(s) URL we would show an agent, or undefined when it is one. */
function httpUrlProblem(text: string): string | undefined {
  if (text.length > MAX_URL_LENGTH) return `is longer than ${MAX_URL_LENGTH} characters`;
  for (let i = 0; i < text.length; i++) {
    // The URL parser silently strips tabs and newlines, which would hide a `java\nscript:` scheme.
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f) return `${quote(text)} contains whitespace or control characters`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `${quote(text)} is not a URL`;
  }
  // Agents open these links: javascript:, data: and file: URLs must never reach the UI.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${quote(text)} is not http(s)`;
  return undefined;
}

/**
 * Reads an optional http(s) URL, returned exactly as sent: fbcdn URLs carry signed query strings that
 * re-encoding could break.
 */
export function readUrl(record: JsonRecord, key: string, site: Site): string | undefined {
  const value = own(record, key);
  return isAbsent(value) ? undefined : toHttpUrl(value, at(site, key));
}

/** `value` as an http(s) URL, or undefined (reported unless it is ''). */
export function toHttpUrl(value: unknown, site: Site): string | undefined {
  if (typeof value !== 'string') {
    site.report(site.path, `expected a URL, got ${describe(value)}`);
    return undefined;
  }
  if (value === '') return undefined;
  const problem = httpUrlProblem(value);
  if (problem === undefined) return value;
  site.report(site.path, problem);
  return undefined;
}

/** Reads an optional time in `unit` (or an ISO string) as epoch ms; a malformed one is reported. */
export function readTime(record: JsonRecord, key: string, unit: EpochUnit, site: Site): number | undefined {
  const value = own(record, key);
  if (isAbsent(value)) return undefined;
  const ms = epochMs(value, unit);
  if (ms === undefined) site.report(at(site, key).path, `expected a time, got ${describe(value)}`);
  return ms;
}

/** Reads an optional array; anything else present is reported and treated as empty. */
export function readArray(record: JsonRecord, key: string, site: Site): readonly unknown[] {
  const value = own(record, key);
  if (isAbsent(value)) return [];
  if (Array.isArray(value)) return value;
  site.report(at(site, key).path, `expected an array, got ${describe(value)}`);
  return [];
}

/**
 * A copy of `fields` without its undefined values, so optional event fields are absent rather than
 * present-and-undefined (which JSON and strict equality treat differently).
 */
export function definedOnly<T extends Record<string, unknown>>(
  fields: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/** `kind|page|…`; absent parts stay as empty slots so positions never shift between events. */
export function dedupeKey(...parts: (string | number | undefined)[]): string {
  return parts.map((part) => (part === undefined ? '' : String(part))).join('|');
}
