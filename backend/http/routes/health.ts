import { healthSchema } from '../../../shared/api/auth.ts';
import { defineRoute } from '../route.ts';

export const healthRoutes = [
  defineRoute({
    method: 'get',
    path: '/healthz',
    summary: 'Liveness and database check: 200 when the database answers, 503 otherwise.',
    access: 'public',
    response: healthSchema,
    handler: async ({ deps, c }) => {
      try {
        await deps.store.ping();
        return { status: 'ok' as const, database: deps.store.kind };
      } catch {
        return c.json({ status: 'unavailable' as const, database: deps.store.kind }, 503);
      }
    },
  }),
];
