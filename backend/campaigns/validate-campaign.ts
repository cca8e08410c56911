import type { MemberInput, ScheduleRow } from '../../shared/api/campaigns.ts';
import type { FieldIssue } from '../../shared/errors.ts';
import { validateSchedule } from '../domain/schedule/validate-schedule.ts';

/** What zod cannot check alone: the schedule against itself and the zone, members without repeats. */
export function campaignIssues(input: {
  schedule?: ScheduleRow[];
  timeZone?: string;
  members?: MemberInput[];
  cannedResponses?: { id: string }[];
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.schedule !== undefined || input.timeZone !== undefined) {
    const result = validateSchedule(input.schedule ?? [], input.timeZone ?? 'UTC');
    if (!result.ok) {
      for (const i of result.issues) {
        const path =
          i.index === null
            ? 'body.timeZone'
            : i.field === 'row'
              ? `body.schedule.${i.index}`
              : `body.schedule.${i.index}.${i.field}`;
        issues.push({ path, message: i.message });
      }
    }
  }
  const seen = new Set<string>();
  input.members?.forEach((m, index) => {
    if (seen.has(m.userId))
      issues.push({ path: `body.members.${index}.userId`, message: 'This agent is already a member.' });
    seen.add(m.userId);
  });
  const ids = new Set<string>();
  input.cannedResponses?.forEach((r, index) => {
    if (ids.has(r.id))
      issues.push({ path: `body.cannedResponses.${index}.id`, message: 'Two responses share this id.' });
    ids.add(r.id);
  });
  return issues;
}
