import type { Context } from 'hono';
import { invalidParameter } from './graph-error.ts';

/**
 * Graph parameters, from wherever the client put them: Meta reads the query string and the body
 * alike, and the body may be JSON, form-urlencoded (objects then arrive as JSON strings, e.g.
 * `recipient={"id":"…"}`) or multipart (with files). The body wins over the query.
 */
export class GraphParams {
  private constructor(
    private readonly values: Record<string, unknown>,
    private readonly files: Record<string, File>,
  ) {}

  static async read(c: Context): Promise<GraphParams> {
    const values: Record<string, unknown> = { ...c.req.query() };
    const files: Record<string, File> = {};
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const type = c.req.header('content-type') ?? '';
      if (type.includes('application/json')) {
        const body = await c.req.json().catch(() => {
          throw invalidParameter('Invalid JSON body');
        });
        if (body && typeof body === 'object' && !Array.isArray(body)) Object.assign(values, body);
      } else if (type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded')) {
        for (const [key, value] of Object.entries(await c.req.parseBody())) {
          if (value instanceof File) files[key] = value;
          else if (typeof value === 'string') values[key] = value;
        }
      }
    }
    return new GraphParams(values, files);
  }

  /** A scalar parameter as text (numbers and booleans from JSON bodies included). */
  string(name: string): string | undefined {
    const value = this.values[name];
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  }

  /** An object parameter, given as a JSON object or as a JSON string in a form. */
  object(name: string): Record<string, unknown> | undefined {
    let value = this.values[name];
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        throw invalidParameter(`param ${name} must be a JSON object`);
      }
    }
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value))
      throw invalidParameter(`param ${name} must be a JSON object`);
    return value as Record<string, unknown>;
  }

  /** A list parameter: a JSON array, a JSON array string, or comma-separated text. */
  list(name: string): string[] | undefined {
    const value = this.values[name];
    if (Array.isArray(value)) return value.map(String);
    if (typeof value !== 'string') return undefined;
    const text = value.trim();
    if (text.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed)) return parsed.map(String);
      } catch {
        // fall through to comma splitting, as Meta accepts both
      }
    }
    return text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }

  file(name: string): File | undefined {
    return this.files[name];
  }

  /** The access token from the parameters or an `Authorization: Bearer|OAuth` header. */
  accessToken(c: Context): string | undefined {
    const fromParams = this.string('access_token');
    if (fromParams) return fromParams;
    const header = c.req.header('authorization');
    const match = header?.match(/^(?:Bearer|OAuth)\s+(\S+)$/i);
    return match?.[1];
  }

  /** Requested top-level field names (`fields=id,from{id,name},comments.limit(5)`), or undefined. */
  fields(): string[] | undefined {
    const raw = this.string('fields');
    return raw === undefined ? undefined : parseFields(raw);
  }
}

/** Top-level names of a Graph field expression; nested selections and modifiers are ignored. */
export function parseFields(expression: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of expression) {
    if (ch === '{' || ch === '(') depth++;
    else if (ch === '}' || ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      names.push(current);
      current = '';
      continue;
    }
    if (depth === 0 && ch !== '}' && ch !== ')') current += ch;
  }
  names.push(current);
  return names.map((n) => n.split('.')[0]!.trim()).filter(Boolean);
}

/** Keeps only the requested fields (in Meta's order: the object's own), or the defaults. */
export function pickFields(
  full: Record<string, unknown>,
  requested: string[] | undefined,
  defaults: readonly string[],
): Record<string, unknown> {
  const wanted = new Set(requested ?? defaults);
  wanted.add('id'); // Meta always returns the id of a node
  return Object.fromEntries(Object.entries(full).filter(([k, v]) => wanted.has(k) && v !== undefined));
}
