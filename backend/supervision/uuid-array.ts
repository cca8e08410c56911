/**
 * Ids as ONE array parameter (`= any($1::uuid[])`) instead of a list of parameters: one statement
 * text, and so one plan shape, whatever the number of campaigns. Only uuids pass (they come from
 * the database, but a literal built from text must never carry anything else).
 */
export function uuidArray(ids: readonly string[]): string {
  if (ids.some((id) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))) {
    throw new RangeError('Not a list of uuids.');
  }
  return `{${ids.join(',')}}`;
}
