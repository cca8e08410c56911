/**
 * Cursor paging as Graph does it: `limit`, opaque `after`/`before` cursors (base64 of the item id),
 * `paging.cursors{before,after}` and a `next` URL that repeats the request with the new cursor.
 * Id-based cursors stay correct when items are added between two page reads.
 */
export interface PageRequest {
  limit?: string | undefined;
  after?: string | undefined;
  before?: string | undefined;
}

export interface Paged<T> {
  data: T[];
  paging?: { cursors: { before: string; after: string }; next?: string; previous?: string };
}

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;

export function cursorOf(id: string): string {
  return Buffer.from(id).toString('base64url');
}

function idOf(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString();
}

/**
 * One page of `items` (already in order). `linkTo(params)` builds the URL of a neighbour page from
 * the cursor parameters to set.
 */
export function paginate<T>(
  items: readonly T[],
  idOfItem: (item: T) => string,
  req: PageRequest,
  linkTo: (cursor: { after?: string; before?: string }) => string,
): { slice: T[]; paging?: Paged<T>['paging'] } {
  const parsed = Number.parseInt(req.limit ?? '', 10);
  const limit = Number.isFinite(parsed) && parsed > 0 ? Math.min(parsed, MAX_LIMIT) : DEFAULT_LIMIT;
  let start = 0;
  let end = items.length;
  if (req.after) {
    const i = items.findIndex((item) => idOfItem(item) === idOf(req.after!));
    start = i < 0 ? items.length : i + 1;
    end = Math.min(items.length, start + limit);
  } else if (req.before) {
    const i = items.findIndex((item) => idOfItem(item) === idOf(req.before!));
    end = Math.max(i, 0); // an unknown cursor yields an empty page
    start = Math.max(0, end - limit);
  } else {
    end = Math.min(items.length, limit);
  }
  const slice = items.slice(start, end);
  if (slice.length === 0) return { slice };
  const before = cursorOf(idOfItem(slice[0]!));
  const after = cursorOf(idOfItem(slice[slice.length - 1]!));
  return {
    slice,
    paging: {
      cursors: { before, after },
      ...(end < items.length ? { next: linkTo({ after }) } : {}),
      ...(start > 0 ? { previous: linkTo({ before }) } : {}),
    },
  };
}
