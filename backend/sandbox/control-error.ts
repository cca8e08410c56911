import type { Context } from 'hono';
import type { z } from 'zod';

/** A refused control API request: answered as `{"error":{"message"}}` with its status. */
export class ControlError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

/** The JSON body validated by `schema`, or a 400 that says what is wrong. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const raw = await c.req.json().catch(() => {
    throw new ControlError(400, 'The body must be JSON.');
  });
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    throw new ControlError(400, issues.join('; '));
  }
  return result.data;
}

export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new ControlError(404, `${what} not found.`);
  return value;
}
