import { THRESHOLD_KEYS } from './campaign-validation.ts';

/** How many rows each list of the form shows now: a row index past the end has no place. */
export interface ListLengths {
  schedule: number;
  cannedResponses: number;
  members: number;
}

const FIELDS = new Set([
  'body.name',
  'body.pageId',
  'body.channel',
  'body.strategy',
  'body.timeZone',
  ...THRESHOLD_KEYS.map((k) => `body.thresholds.${k}`),
  'body.maxInteractionsPerAgent',
  'body.enabled',
  'body.schedule',
  'body.cannedResponses',
  'body.members',
  'body.supervisorIds',
]);

/** The fields each row shows its own message beside; any other part of a row speaks on the row. */
const ROW_FIELDS: Record<keyof ListLengths, readonly string[]> = {
  schedule: ['weekday', 'from', 'to'],
  cannedResponses: ['title', 'text'],
  members: ['penalty'],
};

const ROW = /^body\.(schedule|cannedResponses|members)\.(\d+)(?:\.(.+))?$/;

/**
 * Where the form shows an issue with this server path: the path itself for a field it renders
 * (`body.schedule.2.to`), the row for other parts of a row (`body.members.0.userId` → `body.members.0`),
 * or null when the form has no place for it (shown above the form instead).
 */
export function slotOf(path: string, lengths: ListLengths): string | null {
  if (FIELDS.has(path)) return path;
  // The picker shows the whole list: an issue with one id (`body.supervisorIds.1`) speaks there.
  if (path.startsWith('body.supervisorIds.')) return 'body.supervisorIds';
  const m = ROW.exec(path);
  if (!m) return null;
  const list = m[1] as keyof ListLengths;
  const index = Number(m[2]);
  if (index >= lengths[list]) return `body.${list}`;
  const row = `body.${list}.${index}`;
  return m[3] !== undefined && ROW_FIELDS[list].includes(m[3]) ? `${row}.${m[3]}` : row;
}
