import { describeGraphError, GraphError } from '../facebook/graph-errors.ts';
import { AppError } from './app-error.ts';

/** Runs Graph work for a route; a Facebook failure becomes a clear 502 rather than a 500. */
export async function withGraph<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof GraphError) throw new AppError('FACEBOOK_ERROR', describeGraphError(err));
    throw err;
  }
}
