import { epochMs } from './graph-time.ts';
import type { NormalizedWebhook, WebhookEvent } from './webhook-events.ts';
import { normalizeFeedValue } from './webhook-feed.ts';
import {
  asRecord,
  at,
  describe,
  isAbsent,
  own,
  quote,
  type ReportProblem,
  readArray,
  readId,
  readString,
  type Site,
} from './webhook-fields.ts';
import { normalizeMessagingEvent } from './webhook-messaging.ts';

/**
 * Turns a Page webhook body (already parsed, ideally with parseGraphJson so long ids stay exact) into
 * normalized events. Pure, and never throws whatever the input: each malformed entry, change or
 * Messenger event becomes one `problems` line naming its path and is skipped, and everything else in
 * the batch is still normalized, because one bad part must not lose a customer's message.
 *
 * Iterates every entry (one POST may mix Pages, so each event carries its entry's `pageId`) and, in
 * each, every `changes[]` (`feed`; other fields are `ignored`), `messaging[]` and `standby[]`.
 */
export function normalizeWebhook(body: unknown): NormalizedWebhook {
  const problems = problemList();
  const events: WebhookEvent[] = [];
  guard({ path: 'body', report: problems.report }, () => normalizeBody(body, events, problems.report));
  return { events, problems: problems.lines() };
}

function normalizeBody(body: unknown, events: WebhookEvent[], report: ReportProblem): void {
  const root = asRecord(body);
  if (!root) {
    report('body', `expected an object, got ${describe(body)}`);
    return;
  }
  // Instagram and WhatsApp bodies share the envelope but not the semantics of ids: refuse them whole.
  const object = own(root, 'object');
  if (object !== 'page') {
    report(
      'object',
      isAbsent(object) ? 'missing (expected "page")' : `expected "page", got ${describe(object)}`,
    );
    return;
  }
  const entries = own(root, 'entry');
  if (!Array.isArray(entries)) {
    report('entry', isAbsent(entries) ? 'missing' : `expected an array, got ${describe(entries)}`);
    return;
  }
  for (let i = 0; i < entries.length; i++) {
    const site = { path: `entry[${i}]`, report };
    guard(site, () => normalizeEntry(entries[i], site, events));
  }
}

function normalizeEntry(raw: unknown, site: Site, events: WebhookEvent[]): void {
  const entry = asRecord(raw);
  if (!entry) {
    site.report(site.path, `expected an object, got ${describe(raw)}`);
    return;
  }
  const pageId = readId(entry, 'id', site, true);
  if (pageId === undefined) return;

  // Feed entries give `time` in seconds and Messenger entries in milliseconds.
  const time = own(entry, 'time');
  if (!isAbsent(time) && epochMs(time, 'ms') === undefined) {
    site.report(at(site, 'time').path, `expected a time, got ${describe(time)}`);
  }
  const feedTime = epochMs(time, 's');
  const messagingTime = epochMs(time, 'ms');

  if (['changes', 'messaging', 'standby'].every((key) => isAbsent(own(entry, key)))) {
    site.report(site.path, 'has no changes, messaging or standby');
    return;
  }

  const changes = readArray(entry, 'changes', site);
  for (let j = 0; j < changes.length; j++) {
    const changeSite = at(at(site, 'changes'), j);
    guard(changeSite, () => push(events, normalizeChange(changes[j], changeSite, pageId, feedTime)));
  }
  for (const [key, standby] of [
    ['messaging', false],
    ['standby', true],
  ] as const) {
    const list = readArray(entry, key, site);
    for (let j = 0; j < list.length; j++) {
      const eventSite = { ...at(at(site, key), j), pageId, entryTime: messagingTime, standby };
      guard(eventSite, () => push(events, normalizeMessagingEvent(list[j], eventSite)));
    }
  }
}

function normalizeChange(
  raw: unknown,
  site: Site,
  pageId: string,
  entryTime: number | undefined,
): WebhookEvent | undefined {
  const change = asRecord(raw);
  if (!change) {
    site.report(site.path, `expected an object, got ${describe(raw)}`);
    return undefined;
  }
  const field = readString(change, 'field', site);
  if (field === undefined) {
    if (isAbsent(own(change, 'field'))) site.report(at(site, 'field').path, 'missing');
    return undefined;
  }
  if (field !== 'feed') {
    // Pages can subscribe to mention, ratings, leadgen, ...; Pagedesk subscribes to feed only.
    return {
      kind: 'ignored',
      pageId,
      field: field.slice(0, 64),
      reason: `change field ${quote(field)} is not handled`,
    };
  }
  return normalizeFeedValue(own(change, 'value'), { ...at(site, 'value'), pageId, entryTime });
}

function push(events: WebhookEvent[], event: WebhookEvent | undefined): void {
  if (event !== undefined) events.push(event);
}

/**
 * Last line of defence for "never throws": the readers above check every type, so this only catches
 * hostile inputs (throwing getters, proxies) or a bug; the part is skipped, the batch goes on.
 */
function guard(site: Site, work: () => void): void {
  try {
    work();
  } catch (error) {
    site.report(site.path, `internal error, skipped: ${errorText(error)}`);
  }
}

function errorText(error: unknown): string {
  try {
    return error instanceof Error ? quote(error.message, 120) : describe(error);
  } catch {
    return 'an unprintable error';
  }
}

/**
 * A batch of 1000 malformed updates must not turn into 1000 log lines: past the cap, problems are
 * counted, not listed.
 */
const MAX_PROBLEMS = 100;

function problemList(): { report: ReportProblem; lines: () => string[] } {
  const lines: string[] = [];
  let unlisted = 0;
  return {
    report(path, message) {
      if (lines.length < MAX_PROBLEMS) lines.push(`${path}: ${message}`);
      else unlisted++;
    },
    lines: () => (unlisted > 0 ? [...lines, `…and ${unlisted} more problems`] : lines),
  };
}
