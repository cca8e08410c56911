import type { Channel, StrategyName } from '../../shared/api/campaigns.ts';
import { isKnownTimeZone } from './time-zones.ts';

export const THRESHOLD_KEYS = ['serviceLevel', 'dropout', 'chatTime', 'acd'] as const;
export type ThresholdKey = (typeof THRESHOLD_KEYS)[number];

/** What the form holds: numbers as typed (strings), so a half-typed value is never silently 0. */
export interface CampaignDraft {
  name: string;
  pageId: string;
  channel: Channel;
  strategy: StrategyName;
  timeZone: string;
  schedule: { weekday: number; from: string; to: string }[];
  thresholds: Record<ThresholdKey, string>;
  maxInteractionsPerAgent: string;
  enabled: boolean;
  cannedResponses: { id: string; title: string; text: string }[];
  members: { userId: string; name: string; penalty: string }[];
  /** Supervisors who watch the campaign, in the order picked (sent as `supervisorIds`). */
  supervisors: { userId: string; name: string }[];
}

/** A problem found before sending: the server's path, and a catalog key the page translates. */
export interface DraftIssue {
  path: string;
  key: string;
  subs?: string[];
}

// The same limits as shared/api/campaigns.ts, so the admin hears about them before Save.
export const LIMITS = {
  name: 100,
  schedule: 50,
  title: 80,
  text: 2_000,
  responses: 200,
  members: 1_000,
  supervisors: 200,
  thresholds: {
    serviceLevel: [1, 86_400],
    dropout: [1, 7 * 86_400],
    chatTime: [1, 7 * 86_400],
    acd: [0, 100_000],
  } satisfies Record<ThresholdKey, [number, number]>,
  maxInteractionsPerAgent: [1, 50],
  penalty: [0, 100],
} as const;

const HHMM = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** Minutes since midnight for a valid HH:MM (24:00 is the end of the day), or null. */
export function minutesOf(hhmm: string): number | null {
  const m = HHMM.exec(hhmm.trim());
  if (!m) return null;
  return m[1] === undefined ? 24 * 60 : Number(m[1]) * 60 + Number(m[2]);
}

/** A whole number as typed, or null for anything else (blank, decimals, signs, letters). */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null;
}

function checkWhole(path: string, text: string, [min, max]: readonly [number, number]): DraftIssue[] {
  const n = wholeNumber(text);
  return n === null || n < min || n > max
    ? [{ path, key: 'errWholeNumberBetween', subs: [String(min), String(max)] }]
    : [];
}

function checkText(path: string, text: string, emptyKey: string, max: number): DraftIssue[] {
  const trimmed = text.trim();
  if (!trimmed) return [{ path, key: emptyKey }];
  return trimmed.length > max ? [{ path, key: 'errTooLong', subs: [String(max)] }] : [];
}

/**
 * Each opening row needs valid times with From before To; a row that overlaps an earlier row of the
 * same weekday is flagged on itself (`body.schedule.N`), as the server does.
 */
export function scheduleIssues(schedule: CampaignDraft['schedule']): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const ranges: ({ weekday: number; from: number; to: number } | null)[] = [];
  schedule.forEach((row, i) => {
    const from = minutesOf(row.from);
    const to = minutesOf(row.to);
    if (from === null) issues.push({ path: `body.schedule.${i}.from`, key: 'errTimeFormat' });
    if (to === null) issues.push({ path: `body.schedule.${i}.to`, key: 'errTimeFormat' });
    if (from !== null && to !== null && from >= to)
      issues.push({ path: `body.schedule.${i}.to`, key: 'errFromBeforeTo' });
    const range = from !== null && to !== null && from < to ? { weekday: row.weekday, from, to } : null;
    if (range) {
      const earlier = ranges.findIndex(
        (r) => r !== null && r.weekday === range.weekday && r.from < range.to && range.from < r.to,
      );
      if (earlier >= 0)
        issues.push({ path: `body.schedule.${i}`, key: 'errOverlap', subs: [String(earlier + 1)] });
    }
    ranges.push(range);
  });
  if (schedule.length > LIMITS.schedule)
    issues.push({ path: 'body.schedule', key: 'errTooMany', subs: [String(LIMITS.schedule)] });
  return issues;
}

/** Everything the server would refuse that the page can know; `pageId` only matters on create. */
export function draftIssues(draft: CampaignDraft, creating: boolean): DraftIssue[] {
  const issues: DraftIssue[] = [...checkText('body.name', draft.name, 'errNameRequired', LIMITS.name)];
  if (creating && !/^\d{1,32}$/.test(draft.pageId)) issues.push({ path: 'body.pageId', key: 'errPickPage' });
  const zone = draft.timeZone.trim();
  if (!zone) issues.push({ path: 'body.timeZone', key: 'errTimeZoneRequired' });
  else if (!isKnownTimeZone(zone)) issues.push({ path: 'body.timeZone', key: 'errTimeZoneUnknown' });
  issues.push(...scheduleIssues(draft.schedule));
  for (const key of Object.keys(LIMITS.thresholds) as ThresholdKey[])
    issues.push(...checkWhole(`body.thresholds.${key}`, draft.thresholds[key], LIMITS.thresholds[key]));
  issues.push(
    ...checkWhole(
      'body.maxInteractionsPerAgent',
      draft.maxInteractionsPerAgent,
      LIMITS.maxInteractionsPerAgent,
    ),
  );
  draft.cannedResponses.forEach((r, i) => {
    issues.push(...checkText(`body.cannedResponses.${i}.title`, r.title, 'errResponseTitle', LIMITS.title));
    issues.push(...checkText(`body.cannedResponses.${i}.text`, r.text, 'errResponseText', LIMITS.text));
  });
  draft.members.forEach((m, i) => {
    issues.push(...checkWhole(`body.members.${i}.penalty`, m.penalty, LIMITS.penalty));
  });
  return issues;
}
