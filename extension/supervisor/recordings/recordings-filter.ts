import type { Channel } from '../../../shared/api/campaigns.ts';
import type { RecordingsFilter } from '../../../shared/api/recordings.ts';
import { dayAfter, localMidnight } from './local-dates.ts';

/** The filters as the form holds them: dates as a date input gives them (local calendar days). */
export interface RecordingsForm {
  from: string;
  to: string;
  campaignId: string;
  agentId: string;
  channel: '' | Channel;
  q: string;
}

export const EMPTY_FORM: RecordingsForm = {
  from: '',
  to: '',
  campaignId: '',
  agentId: '',
  channel: '',
  q: '',
};

export interface FormIssue {
  field: keyof RecordingsForm;
  /** A catalog key. */
  key: string;
}

/**
 * The API's filter for the form: a date range of local days becomes [midnight of the first day,
 * midnight after the last day) with this browser's offset (shared/api/recordings.ts); blank fields
 * are left out. Issues say what the backend would refuse, before asking it.
 */
export function filterOf(form: RecordingsForm): { filter: RecordingsFilter; issues: FormIssue[] } {
  const issues: FormIssue[] = [];
  const filter: RecordingsFilter = {};
  if (form.from) {
    const from = localMidnight(form.from);
    if (from) filter.from = from;
    else issues.push({ field: 'from', key: 'errDate' });
  }
  if (form.to) {
    const next = dayAfter(form.to);
    const to = next ? localMidnight(next) : null;
    if (to) filter.to = to;
    else issues.push({ field: 'to', key: 'errDate' });
  }
  if (form.from && form.to && filter.from && filter.to && form.to < form.from)
    issues.push({ field: 'to', key: 'errDateOrder' });
  if (form.campaignId) filter.campaignId = form.campaignId;
  if (form.agentId) filter.agentId = form.agentId;
  if (form.channel) filter.channel = form.channel;
  const q = form.q.trim();
  if (q.length > 0 && q.length < 3) issues.push({ field: 'q', key: 'errQueryTooShort' });
  else if (q.length > 200) issues.push({ field: 'q', key: 'errQueryTooLong' });
  else if (q) filter.q = q;
  return { filter, issues };
}
