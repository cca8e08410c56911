import { AppError } from './app-error.ts';

/**
 * Keyset cursors: the sort key of the last row of a page, opaque to clients (base64url JSON), so
 * the next page starts strictly after it whatever was inserted meanwhile.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key back, checked against the expected shape; anything else is the client's mistake. */
export function decodeCursor<T extends readonly ('string' | 'number')[]>(
  cursor: string,
  shape: T,
): { [K in keyof T]: T[K] extends 'number' ? number : string } {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  if (
    !Array.isArray(key) ||
    key.length !== shape.length ||
    key.some((v, i) => typeof v !== shape[i] || (typeof v === 'number' && !Number.isFinite(v)))
  ) {
    invalidCursor();
  }
  return key as never;
}

export function invalidCursor(): never {
  throw new AppError('BAD_REQUEST', 'This cursor is not valid: start again from the first page.', [
    { path: 'query.cursor', message: 'Pass back the nextCursor of the previous page unchanged.' },
  ]);
}
