import { z } from 'zod';
import {
  RECORDING_MESSAGES_CAP,
  RECORDING_TRANSCRIPT_CAP,
  recordingIdParamsSchema,
  recordingsFilterSchema,
  recordingsQuerySchema,
} from '../../../shared/api/recordings.ts';
import { recordingScope } from '../../recordings/recording-filter.ts';
import { csvStream } from '../../recordings/recordings-csv.ts';
import { countRecordings, searchConditions, searchRecordings } from '../../recordings/search-recordings.ts';
import type { Database } from '../../store/database.ts';
import type { UserRow } from '../../store/schema.ts';
import { campaignScope } from '../../supervision/scope.ts';
import { AppError } from '../app-error.ts';
import { defineRoute } from '../route.ts';

const anything = z.unknown();
/** Interactions per chunk of the CSV export. */
const EXPORT_PAGE = 200;

async function scopeOf(db: Database, user: UserRow) {
  return recordingScope(user, await campaignScope(db, user));
}

/** Recordings: admins read all, supervisors their campaigns, agents their own (the filters narrow further). */
export const recordingRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/recordings',
    summary: 'Search recordings by dates, campaign, agent, channel and free text; newest first, paginated.',
    access: 'authenticated',
    query: recordingsQuerySchema,
    response: anything,
    handler: async ({ deps, user, query }) => {
      const { cursor, limit, ...filter } = query;
      return searchRecordings(deps.store.db, await scopeOf(deps.store.db, user!), filter, {
        cursor,
        limit,
        messageCap: RECORDING_MESSAGES_CAP,
      }).then(({ results, nextCursor }) => ({ results: results.map(({ post: _, ...r }) => r), nextCursor }));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/recordings/count',
    summary: 'How many recordings match the filters (for the export progress).',
    access: 'authenticated',
    query: recordingsFilterSchema,
    response: anything,
    handler: async ({ deps, user, query }) => {
      const db = deps.store.db;
      return {
        total: await countRecordings(db, await searchConditions(db, await scopeOf(db, user!), query)),
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/recordings/export.csv',
    summary:
      'The matching recordings as CSV, one row per message, streamed; X-Total-Count is the interaction count.',
    access: 'authenticated',
    query: recordingsFilterSchema,
    response: z.string(),
    produces: 'text/csv',
    handler: async ({ deps, user, query }) => {
      const db = deps.store.db;
      const scope = await scopeOf(db, user!);
      const conditions = await searchConditions(db, scope, query);
      const total = await countRecordings(db, conditions);
      const stream = csvStream((cursor) =>
        searchRecordings(
          db,
          scope,
          query,
          { cursor, limit: EXPORT_PAGE, messageCap: RECORDING_TRANSCRIPT_CAP },
          conditions,
        ),
      );
      const day = deps.now().toISOString().slice(0, 10);
      return new Response(stream, {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="recordings-${day}.csv"`,
          'x-total-count': String(total),
          'cache-control': 'no-store',
        },
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/recordings/:id',
    summary: 'One recording with its whole transcript, read-only.',
    access: 'authenticated',
    params: recordingIdParamsSchema,
    response: anything,
    handler: async ({ deps, user, params }) => {
      const db = deps.store.db;
      const page = await searchRecordings(
        db,
        await scopeOf(db, user!),
        {},
        { limit: 1, messageCap: RECORDING_TRANSCRIPT_CAP, interactionId: params.id, withPost: true },
      );
      const found = page.results[0];
      if (!found) throw new AppError('NOT_FOUND', 'No such recording.');
      return found;
    },
  }),
];
