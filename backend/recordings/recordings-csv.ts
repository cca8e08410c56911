import { RECORDINGS_CSV_COLUMNS } from '../../shared/api/recordings.ts';
import type { SearchPage } from './search-recordings.ts';

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell a spreadsheet
 * would run as a formula (starting with = + - @, or a tab or carriage return that some strip first)
 * is prefixed with ' and quoted: customers write these messages, and an export must never execute
 * them (OWASP, "CSV injection").
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? '';
  const formula = /^[=+\-@\t\r]/.test(text);
  if (formula) text = `'${text}`;
  return formula || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The rows of one page of results: one per message, or one with empty message cells. */
export function csvRows(page: SearchPage): string {
  let out = '';
  for (const r of page.results) {
    const i = r.interaction;
    const base = [
      i.id,
      i.campaignName,
      i.channel,
      i.state,
      i.customerId,
      i.customerName,
      r.agentName,
      i.queuedAt,
      i.answeredAt,
      i.endedAt,
    ];
    if (r.messages.length === 0) out += csvLine([...base, '', '', '', '', '', '']);
    for (const m of r.messages)
      out += csvLine([
        ...base,
        m.id,
        m.at,
        m.author.kind,
        m.author.name,
        m.text,
        m.attachments.flatMap((a) => (a.url ? [a.url] : [])).join(' '),
      ]);
  }
  return out;
}

/**
 * The export as a stream: a page of interactions is read only when the client has taken the
 * previous one (pull), so a large export holds one page in memory, never the whole result. Starts
 * with a UTF-8 byte order mark, which spreadsheet programs need to read non-ASCII text right.
 */
export function csvStream(
  next: (cursor: string | undefined) => Promise<SearchPage>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(RECORDINGS_CSV_COLUMNS)}`));
        return;
      }
      const page = await next(cursor);
      if (page.results.length) controller.enqueue(encoder.encode(csvRows(page)));
      if (!page.nextCursor) controller.close();
      else cursor = page.nextCursor;
    },
  });
}
