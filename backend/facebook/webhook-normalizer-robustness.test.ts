import { describe, expect, it } from 'vitest';
import { mutate, random, randomValue, randomWebhookish, realWebhookBodies } from './fixtures/webhook-fuzz.ts';
import type { NormalizedWebhook, WebhookEvent } from './webhook-events.ts';
import { normalizeWebhook } from './webhook-normalizer.ts';

/**
 * "Never throws, whatever the input": thousands of generated malformed bodies, seeded so a failure can
 * be replayed. Besides not throwing, every result must hold the invariants consumers rely on, and no
 * problem may come from the internal-error guard, which would mean a reader missed a type check.
 */

// ---------------------------------------------------------------------------------------------------

// biome-ignore format: a vocabulary reads better packed than one item per line
const KINDS = new Set([
  'comment.added', 'comment.edited', 'comment.removed', 'comment.hidden', 'comment.unhidden', 'post.added',
  'post.edited', 'post.removed', 'reaction', 'message.received', 'postback.received', 'message.echo',
  'message.read', 'message.delivered', 'ignored',
]);
// biome-ignore format: a vocabulary reads better packed than one item per line
const ATTACHMENT_TYPES = new Set([
  'image', 'video', 'audio', 'file', 'location', 'fallback', 'sticker', 'template', 'reel', 'ig_reel', 'unknown',
]);
const ID = /^[\x21-\x7e]{1,512}$/;
const ID_FIELDS = [
  'pageId',
  'postId',
  'commentId',
  'parentId',
  'psid',
  'mid',
  'appId',
  'replyToMid',
] as const;
const TIME_FIELDS = ['createdAt', 'timestamp', 'watermark'] as const;
const URL_FIELDS = ['photoUrl', 'videoUrl', 'link'] as const;

function isEpochMs(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 8.64e15;
}

/** What consumers rely on, whatever the input was. Returns the first broken rule, or null. */
function brokenInvariant(result: NormalizedWebhook): string | null {
  if (!Array.isArray(result.events) || !Array.isArray(result.problems)) return 'result shape';
  for (const line of result.problems) {
    if (typeof line !== 'string') return 'problem is not a string';
    if (/[\n\r]/.test(line)) return `problem spans lines: ${line}`;
    if (line.length > 400) return `problem too long: ${line.slice(0, 80)}`;
    if (line.includes('internal error')) return `a reader threw: ${line}`;
  }
  for (const event of result.events as (WebhookEvent & Record<string, unknown>)[]) {
    if (!KINDS.has(event.kind)) return `unknown kind ${event.kind}`;
    if (
      event.kind !== 'ignored' &&
      (typeof event.dedupeKey !== 'string' || !event.dedupeKey.startsWith(event.kind))
    ) {
      return `bad dedupeKey on ${event.kind}`;
    }
    for (const field of ID_FIELDS) {
      if (field in event && !(typeof event[field] === 'string' && ID.test(event[field] as string))) {
        return `${field} is not an id string on ${event.kind}`;
      }
    }
    for (const field of TIME_FIELDS) {
      if (field in event && !isEpochMs(event[field])) return `${field} is not epoch ms on ${event.kind}`;
    }
    for (const field of URL_FIELDS) {
      if (field in event && !/^https?:\/\/\S+$/.test(String(event[field]))) return `${field} is not http(s)`;
    }
    if ('from' in event && event.from !== null && event.from !== undefined) {
      const from = event.from as { id?: unknown; name?: unknown };
      if (typeof from.id !== 'string' || !ID.test(from.id)) return 'from.id is not an id string';
      if ('name' in from && typeof from.name !== 'string') return 'from.name is not a string';
    }
    if ('message' in event && typeof event.message !== 'string') return 'message is not a string';
    if ('attachments' in event) {
      for (const a of event.attachments as Record<string, unknown>[]) {
        if (!ATTACHMENT_TYPES.has(a.type as string)) return `attachment type ${String(a.type)}`;
        if ('url' in a && !/^https?:\/\/\S+$/.test(String(a.url))) return 'attachment url is not http(s)';
        if ('stickerId' in a && !(typeof a.stickerId === 'string' && ID.test(a.stickerId)))
          return 'bad stickerId';
        for (const text of ['title', 'rawType'] as const) {
          if (text in a && typeof a[text] !== 'string') return `attachment ${text} is not a string`;
        }
        if ('coordinates' in a) {
          const { lat, long } = a.coordinates as { lat: unknown; long: unknown };
          if (!(Math.abs(lat as number) <= 90 && Math.abs(long as number) <= 180)) return 'bad coordinates';
        }
      }
    }
    if ('mids' in event && !(event.mids as unknown[]).every((m) => typeof m === 'string' && ID.test(m))) {
      return 'mids are not id strings';
    }
    try {
      JSON.stringify(event);
    } catch {
      return `${event.kind} is not serializable`;
    }
  }
  return null;
}

function expectSafe(input: unknown, label: string): NormalizedWebhook {
  let result: NormalizedWebhook | undefined;
  expect(() => {
    result = normalizeWebhook(input);
  }, label).not.toThrow();
  expect(brokenInvariant(result!), label).toBeNull();
  return result!;
}

const realBodies = realWebhookBodies();

// Thousands of cases: allow slow CI machines more than vitest's 5 s default per test.
const FUZZ_TIMEOUT_MS = 60_000;

describe('normalizeWebhook robustness', () => {
  it(
    'survives 3000 random values and webhook-shaped bodies with random insides',
    () => {
      const rng = random(20260101);
      for (let i = 0; i < 3000; i++) {
        const input = i % 2 === 0 ? randomValue(rng, 0) : randomWebhookish(rng);
        expectSafe(input, `random case ${i} (seed 20260101)`);
      }
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'survives 10000 single and stacked mutations of every real and hand-written payload',
    () => {
      const rng = random(4242);
      let withEvents = 0;
      for (let i = 0; i < 10_000; i++) {
        let body = rng.pick(realBodies);
        for (let n = 1 + rng.int(3); n > 0; n--) body = mutate(body, rng);
        if (expectSafe(body, `mutation case ${i} (seed 4242)`).events.length > 0) withEvents++;
      }
      // Many mutants must still carry events (a mutation often hits a required field, which rightly
      // skips its part), or this test would only exercise the envelope checks.
      expect(realBodies.length).toBeGreaterThanOrEqual(25);
      expect(withEvents).toBeGreaterThan(3000);
    },
    FUZZ_TIMEOUT_MS,
  );

  it('survives cycles, null prototypes, frozen objects, symbols, functions and bigints', () => {
    const cyclic: Record<string, unknown> = { object: 'page' };
    const entry: Record<string, unknown> = { id: '1', time: 1, messaging: [] };
    cyclic.entry = [entry, cyclic];
    (entry.messaging as unknown[]).push({
      sender: { id: '2' },
      message: { mid: 'm', self: cyclic, text: 'x' },
    });
    expect(expectSafe(cyclic, 'cyclic').events).toHaveLength(1);

    const bare = Object.assign(Object.create(null) as Record<string, unknown>, {
      object: 'page',
      entry: [Object.assign(Object.create(null) as Record<string, unknown>, messengerEntry())],
    });
    expect(expectSafe(bare, 'null prototype').events).toHaveLength(1);
    expect(
      expectSafe(Object.freeze({ object: 'page', entry: Object.freeze([messengerEntry()]) }), 'frozen')
        .events,
    ).toHaveLength(1);

    for (const odd of [Symbol('x'), () => 1, 10n, -10n, new Date(), new Map(), /page/, new Uint8Array(3)]) {
      expectSafe(odd, String(odd));
      expectSafe(
        { object: 'page', entry: [{ id: odd, time: odd, messaging: [odd], changes: odd }] },
        String(odd),
      );
    }
    expectSafe({ object: 'page', entry: [{ ...messengerEntry(), id: 12345n }] }, 'bigint id');
  });

  it(
    'survives deep nesting and huge arrays without recursion or quadratic work',
    () => {
      let deep: unknown = [];
      for (let i = 0; i < 100_000; i++) deep = [deep];
      expectSafe(deep, 'deep array');
      expectSafe(
        { object: 'page', entry: [{ id: '1', time: 1, changes: deep, messaging: [deep] }] },
        'deep inside',
      );

      const started = performance.now();
      const huge = { object: 'page', entry: new Array(200_000).fill(null) };
      const { problems } = expectSafe(huge, 'huge entry array');
      expect(problems.at(-1)).toBe('…and 199900 more problems');
      const manyAttachments = messengerEntry();
      (manyAttachments.messaging as { message: Record<string, unknown> }[])[0]!.message.attachments =
        new Array(100_000).fill({ type: 'image', payload: { url: 'https://x.fbcdn.net/a.jpg' } });
      expectSafe({ object: 'page', entry: [manyAttachments] }, 'many attachments');
      // Generous: catches accidental O(n²), not machine speed.
      expect(performance.now() - started).toBeLessThan(10_000);
    },
    FUZZ_TIMEOUT_MS,
  );

  it('contains throwing getters and proxies to the part that holds them', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        has: () => {
          throw new Error('boom');
        },
        ownKeys: () => {
          throw new Error('boom');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('boom');
        },
        getPrototypeOf: () => {
          throw new Error('boom');
        },
      },
    );
    const withGetter = Object.defineProperty({ object: 'page' }, 'entry', {
      enumerable: true,
      get: () => {
        throw new Error('getter');
      },
    });
    for (const body of [hostile, withGetter]) {
      expect(() => normalizeWebhook(body)).not.toThrow();
      expect(normalizeWebhook(body).events).toEqual([]);
    }
    // One hostile item among good ones: only that item is lost.
    const mixed = {
      object: 'page',
      entry: [messengerEntry(), hostile, { ...messengerEntry(), messaging: [hostile] }],
    };
    const result = normalizeWebhook(mixed);
    expect(result.events).toHaveLength(1);
    expect(result.problems).toEqual([
      expect.stringMatching(/^entry\[1\]: internal error, skipped: "boom"$/),
      expect.stringMatching(/^entry\[2\]\.messaging\[0\]: internal error, skipped: "boom"$/),
    ]);
  });
});

function messengerEntry(): Record<string, unknown> {
  return {
    id: '104857600000001',
    time: 1767226600500,
    messaging: [
      {
        sender: { id: '7210000000000001' },
        recipient: { id: '104857600000001' },
        timestamp: 1767226600400,
        message: { mid: 'm_1', text: 'hello' },
      },
    ],
  };
}
