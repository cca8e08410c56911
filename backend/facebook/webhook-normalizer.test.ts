import { describe, expect, it } from 'vitest';
import { normalizeWebhook } from './webhook-normalizer.ts';

const PAGE = '104857600000001';
const OTHER_PAGE = '204857600000002';

function messageEntry(pageId: string, mid: string, time = 1767226600500): Record<string, unknown> {
  return {
    id: pageId,
    time,
    messaging: [
      {
        sender: { id: '7210000000000001' },
        recipient: { id: pageId },
        timestamp: time - 100,
        message: { mid, text: `text of ${mid}` },
      },
    ],
  };
}

function commentEntry(pageId: string, commentId: string): Record<string, unknown> {
  return {
    id: pageId,
    time: 1767226600,
    changes: [
      {
        field: 'feed',
        value: {
          item: 'comment',
          verb: 'add',
          comment_id: commentId,
          post_id: `${pageId}_1`,
          parent_id: `${pageId}_1`,
          from: { id: '7210000000000001', name: 'Ana' },
          created_time: 1767226600,
          message: 'hi',
        },
      },
    ],
  };
}

describe('the body envelope', () => {
  it('refuses bodies that are not objects', () => {
    expect(normalizeWebhook(null)).toEqual({ events: [], problems: ['body: expected an object, got null'] });
    expect(normalizeWebhook([1]).problems).toEqual(['body: expected an object, got an array of 1']);
    expect(normalizeWebhook('{"object":"page"}').problems).toEqual([
      'body: expected an object, got the string "{\\"object\\":\\"page\\"}"',
    ]);
    expect(normalizeWebhook(undefined).problems).toEqual(['body: expected an object, got undefined']);
  });

  it('refuses objects other than page whole, since their ids mean other things', () => {
    const instagram = { object: 'instagram', entry: [messageEntry(PAGE, 'm_1')] };
    expect(normalizeWebhook(instagram)).toEqual({
      events: [],
      problems: ['object: expected "page", got the string "instagram"'],
    });
  });

  it('requires entry to be an array', () => {
    expect(normalizeWebhook({ object: 'page' }).problems).toEqual(['entry: missing']);
    expect(normalizeWebhook({ object: 'page', entry: {} }).problems).toEqual([
      'entry: expected an array, got an object',
    ]);
  });

  it('skips malformed entries by index and keeps the good ones', () => {
    const { events, problems } = normalizeWebhook({
      object: 'page',
      entry: [
        messageEntry(PAGE, 'm_1'),
        null,
        { ...messageEntry(PAGE, 'm_x'), id: -1 },
        { id: PAGE, time: 1 },
        { ...messageEntry(PAGE, 'm_y'), messaging: 'nope' },
        messageEntry(OTHER_PAGE, 'm_2'),
      ],
    });
    expect(events.map((e) => e.kind === 'message.received' && [e.pageId, e.mid])).toEqual([
      [PAGE, 'm_1'],
      [OTHER_PAGE, 'm_2'],
    ]);
    expect(problems).toEqual([
      'entry[1]: expected an object, got null',
      'entry[2].id: number -1 is negative',
      'entry[3]: has no changes, messaging or standby',
      'entry[4].messaging: expected an array, got the string "nope"',
    ]);
  });

  it("reports a bad entry.time but still uses the event's own timestamp", () => {
    const { events, problems } = normalizeWebhook({
      object: 'page',
      entry: [{ ...messageEntry(PAGE, 'm_1', 1767226600500), time: -5 }],
    });
    expect(problems).toEqual(['entry[0].time: expected a time, got number -5']);
    expect(events).toEqual([expect.objectContaining({ mid: 'm_1', timestamp: 1767226600400 })]);
  });

  it('skips a message whose timestamp and entry.time are both unusable', () => {
    const { events, problems } = normalizeWebhook({ object: 'page', entry: [messageEntry(PAGE, 'm_1', -5)] });
    expect(events).toEqual([]);
    expect(problems).toEqual([
      'entry[0].time: expected a time, got number -5',
      'entry[0].messaging[0].timestamp: expected a time, got number -105',
      'entry[0].messaging[0]: skipped: no usable timestamp or entry.time',
    ]);
  });

  it('reads changes, messaging and standby from the same entry', () => {
    const entry = {
      ...commentEntry(PAGE, 'c_1'),
      messaging: messageEntry(PAGE, 'm_1').messaging,
      standby: messageEntry(PAGE, 'm_2').messaging,
    };
    const { events, problems } = normalizeWebhook({ object: 'page', entry: [entry] });
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.kind, 'standby' in e ? e.standby : '-'])).toEqual([
      ['comment.added', '-'],
      ['message.received', false],
      ['message.received', true],
    ]);
  });

  it('reports a change without field and a change that is not an object', () => {
    const { events, problems } = normalizeWebhook({
      object: 'page',
      entry: [{ id: PAGE, time: 1, changes: [{ value: {} }, 7, { field: 'feed', value: [] }] }],
    });
    expect(events).toEqual([]);
    expect(problems).toEqual([
      'entry[0].changes[0].field: missing',
      'entry[0].changes[1]: expected an object, got number 7',
      'entry[0].changes[2].value: expected an object, got an array of 0',
    ]);
  });

  it('gives the same events and keys for the same body every time', () => {
    const body = { object: 'page', entry: [commentEntry(PAGE, 'c_1'), messageEntry(PAGE, 'm_1')] };
    expect(normalizeWebhook(structuredClone(body))).toEqual(normalizeWebhook(structuredClone(body)));
  });
});

describe('large batches', () => {
  it('normalizes a 1000-entry batch (Meta batches up to 1000 updates) across two Pages', () => {
    const entries = Array.from({ length: 1000 }, (_, i) =>
      i % 2 === 0
        ? messageEntry(i % 4 === 0 ? PAGE : OTHER_PAGE, `m_${i}`)
        : commentEntry(i % 4 === 1 ? PAGE : OTHER_PAGE, `1_${i}`),
    );
    const { events, problems } = normalizeWebhook({ object: 'page', entry: entries });
    expect(problems).toEqual([]);
    expect(events).toHaveLength(1000);
    expect(new Set(events.map((e) => (e as { dedupeKey: string }).dedupeKey)).size).toBe(1000);
    expect(events.filter((e) => e.pageId === PAGE)).toHaveLength(500);
    expect(events[998]).toMatchObject({ kind: 'message.received', mid: 'm_998', pageId: OTHER_PAGE });
    expect(events[999]).toMatchObject({ kind: 'comment.added', commentId: '1_999', pageId: OTHER_PAGE });
  });

  it('lists the first 100 problems and counts the rest', () => {
    const { events, problems } = normalizeWebhook({ object: 'page', entry: Array(1000).fill(7) });
    expect(events).toEqual([]);
    expect(problems).toHaveLength(101);
    expect(problems[99]).toBe('entry[99]: expected an object, got number 7');
    expect(problems[100]).toBe('…and 900 more problems');
  });
});
