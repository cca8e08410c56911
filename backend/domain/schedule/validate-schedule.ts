import { parseTimeOfDay } from './time-of-day.ts';

export interface ScheduleIssue {
  /** 0-based index of the row in the list; null for the time zone. */
  index: number | null;
  field: 'weekday' | 'from' | 'to' | 'timeZone' | 'row';
  /** For the person editing the schedule. Rows are numbered from 1 there, as on screen. */
  message: string;
}

export type ScheduleValidation = { ok: true } | { ok: false; issues: ScheduleIssue[] };

/** A row as it arrives from a form: the shape is known, the values are not checked yet. */
export interface ScheduleRowInput {
  weekday: number;
  from: string;
  to: string;
}

/**
 * Checks a campaign's opening hours before they are stored, saying field by field what to fix.
 * An empty list is valid and means always open (see types.ts). Every problem is reported at once,
 * so the form can show them all; overlaps are only looked for between rows that are otherwise valid.
 */
export function validateSchedule(rows: readonly ScheduleRowInput[], timeZone: string): ScheduleValidation {
  const issues: ScheduleIssue[] = [];
  const zoneProblem = timeZoneProblem(timeZone);
  if (zoneProblem !== null) issues.push({ index: null, field: 'timeZone', message: zoneProblem });

  const valid: { index: number; weekday: number; from: number; to: number }[] = [];
  rows.forEach((row, index) => {
    const rowIssues: ScheduleIssue[] = [];
    if (!Number.isInteger(row.weekday) || row.weekday < 0 || row.weekday > 6) {
      rowIssues.push({
        index,
        field: 'weekday',
        message: 'Weekday must be a whole number from 0 (Sunday) to 6 (Saturday)',
      });
    }
    const from = parseTimeOfDay(row.from, 'no-end-of-day');
    const to = parseTimeOfDay(row.to, 'end-of-day-allowed');
    if (from === null) {
      rowIssues.push({
        index,
        field: 'from',
        message: 'From must be a time from 00:00 to 23:59, like 09:00',
      });
    }
    if (to === null) {
      rowIssues.push({ index, field: 'to', message: 'To must be a time from 00:01 to 24:00, like 17:30' });
    }
    if (from !== null && to !== null && from >= to) {
      rowIssues.push({
        index,
        field: 'from',
        message:
          'From must be before To. For hours past midnight, end this row at 24:00 and add a row for the next day from 00:00',
      });
    }
    issues.push(...rowIssues);
    if (rowIssues.length === 0 && from !== null && to !== null)
      valid.push({ index, weekday: row.weekday, from, to });
  });

  // Overlaps are reported on the later row, naming the earlier one, so each pair shows up once.
  for (const [i, later] of valid.entries()) {
    for (const earlier of valid.slice(0, i)) {
      if (earlier.weekday === later.weekday && earlier.from < later.to && later.from < earlier.to) {
        issues.push({ index: later.index, field: 'row', message: `Overlaps row ${earlier.index + 1}` });
      }
    }
  }
  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}

function timeZoneProblem(timeZone: string): string | null {
  // Intl would quietly take the server's own zone for a missing one.
  if (typeof timeZone !== 'string' || timeZone.trim() === '') {
    return 'Choose the time zone the hours are in, like Europe/Madrid';
  }
  // Fixed offsets are refused by name: they never follow daylight saving time, and whether Intl
  // accepts them depends on the Node version. (Etc/GMT+3 is a real IANA name and stays allowed.)
  if (/^([+\-\u2212]|(UTC|GMT)\s*[+\-\u2212])/i.test(timeZone.trim())) {
    return `Use a time zone name like Europe/Madrid rather than an offset ("${timeZone}"): an offset does not follow daylight saving time`;
  }
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return null;
  } catch {
    return `Unknown time zone "${timeZone}": use an IANA name like Europe/Madrid`;
  }
}
