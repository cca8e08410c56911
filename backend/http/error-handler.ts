import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorEnvelope } from '../../shared/errors.ts';
import { errorFields, type Logger } from '../log/logger.ts';
import { AppError } from './app-error.ts';

export function envelope(c: Context, err: AppError) {
  const body: ErrorEnvelope = {
    error: {
      code: err.code,
      message: err.message,
      requestId: c.get('requestId') ?? '',
      ...(err.fields ? { fields: err.fields } : {}),
    },
  };
  return c.json(body, err.status as ContentfulStatusCode);
}

/** The one exit for every error: expected ones keep their code, anything else is logged and is a 500. */
export function onError(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof AppError) return envelope(c, err);
    if (err instanceof HTTPException && err.status === 413) {
      return envelope(c, new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.'));
    }
    logger.error('unhandled error', { ...errorFields(err), method: c.req.method, path: c.req.path });
    return envelope(c, new AppError('INTERNAL', 'Something went wrong on our side; it has been logged.'));
  };
}

export function notFound(c: Context) {
  return envelope(c, new AppError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}.`));
}
