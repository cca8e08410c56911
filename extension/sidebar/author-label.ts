import type { TranscriptMessage } from '../../shared/api/interactions.ts';
import { t } from '../ui/i18n.ts';

/** Who wrote a message, as the agent reads it: "Dora", "Ana (agent)", "Inbox Shop (Page)". */
export function authorLabel(author: TranscriptMessage['author'], pageName: string): string {
  switch (author.kind) {
    case 'agent':
      return t('agentAuthor', author.name ?? t('unknownAgent'));
    case 'page':
      return t('pageAuthor', author.name ?? pageName);
    default:
      return author.name ?? t('unknownCustomer');
  }
}

/** A message's time, short: today's as a time, older ones with their date. */
export function formatWhen(at: string | null, now = Date.now()): string {
  if (!at) return '';
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  const sameDay = new Date(now).toDateString() === d.toDateString();
  return sameDay
    ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}
