import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OWN_DIR, readOwnJson, readShelfJson, SHELF_DIR } from './fixtures/load-fixture.ts';
import type { NormalizedWebhook, WebhookEvent } from './webhook-events.ts';
import { normalizeWebhook } from './webhook-normalizer.ts';

/**
 * "Never throws, whatever the input": thousands of generated malformed bodies, seeded so a failure can
 * be replayed. Besides not throwing, every result must hold the invariants consumers rely on, and no
 * problem may come from the internal-error guard, which would mean a reader missed a type check.
 */

/** mulberry32: a tiny seeded PRNG (no dependency), good enough to spread test cases. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof random>;

// biome-ignore format: a vocabulary reads better packed than one item per line
const KEYS = [
  'object', 'entry', 'id', 'time', 'changes', 'messaging', 'standby', 'field', 'value', 'item', 'verb',
  'comment_id', 'post_id', 'parent_id', 'from', 'name', 'sender_id', 'sender_name', 'created_time',
  'message', 'photo', 'video', 'link', 'photos', 'reaction_type', 'post', 'sender', 'recipient',
  'timestamp', 'mid', 'text', 'attachments', 'type', 'payload', 'url', 'URL', 'title', 'sticker_id',
  'coordinates', 'lat', 'long', 'is_echo', 'app_id', 'metadata', 'quick_reply', 'reply_to', 'postback',
  'read', 'delivery', 'watermark', 'mids', 'is_deleted', 'is_unsupported', 'optin', 'reaction',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty',
] as const;

// biome-ignore format: a vocabulary reads better packed than one item per line
const STRINGS = [
  '', ' ', 'page', 'feed', 'mention', 'comment', 'add', 'edited', 'edit', 'remove', 'hide', 'unhide',
  'status', 'post', 'photo', 'video', 'reaction', 'share', 'image', 'sticker', 'fallback', 'location',
  'template', 'unknown', 'https://x.fbcdn.net/a.jpg', 'javascript:alert(1)', 'http://', 'mid.1:2',
  '123_456', '104857600000001', '-1', '1.5', '1e400', '2021-08-10T18:45:03+0000', '2021-02-30T00:00:00Z',
  '\u0000', '\ud800', 'a\nb', 'ä', 'x'.repeat(600), '<PSID>',
] as const;

// biome-ignore format: a vocabulary reads better packed than one item per line
const NUMBERS = [
  0, -0, 1, -1, 1.5, -2.5, 2 ** 53, 2 ** 60, -(2 ** 60), 1449135003, 1458692752478, 1e11, 9e15,
  Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE, Number.MIN_VALUE,
] as const;

const NASTY_STRINGS = [
  'javascript:alert(1)',
  'data:text/html,x',
  'a\nb',
  '',
  ' ',
  '<x>',
  '\u0000',
  'x'.repeat(600),
];
const NASTY_URLS = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'java\nscript:x',
  'file:///etc/passwd',
  'http://',
  '//x.com/a',
];
const NASTY_NUMBERS = [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, -0];

/** Sets an own property even for `__proto__`, as JSON.parse does. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function randomLeaf(rng: Random): unknown {
  switch (rng.int(8)) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return rng.chance(0.5);
    case 3:
    case 4:
      return rng.pick(NUMBERS);
    case 5:
      return rng.chance(0.1) ? BigInt(rng.int(1000)) - 500n : rng.pick(STRINGS);
    default:
      return rng.pick(STRINGS);
  }
}

function randomValue(rng: Random, depth: number): unknown {
  if (depth > 5 || rng.chance(0.35)) return randomLeaf(rng);
  if (rng.chance(0.4)) return Array.from({ length: rng.int(5) }, () => randomValue(rng, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = rng.int(7); i > 0; i--) setOwn(object, rng.pick(KEYS), randomValue(rng, depth + 1));
  return object;
}

/** A body shaped like a webhook at the top, random below: reaches deeper code than pure noise. */
function randomWebhookish(rng: Random): unknown {
  const entry = () => {
    const e: Record<string, unknown> = { id: rng.chance(0.8) ? '104857600000001' : randomLeaf(rng) };
    if (rng.chance(0.7)) e.time = rng.pick(NUMBERS);
    for (const key of ['changes', 'messaging', 'standby']) {
      if (rng.chance(0.5)) e[key] = Array.from({ length: rng.int(4) }, () => randomValue(rng, 2));
    }
    return e;
  };
  return {
    object: rng.chance(0.9) ? 'page' : randomLeaf(rng),
    entry: Array.from({ length: rng.int(4) }, entry),
  };
}

type Path = (string | number)[];

/** Every node below the root, as paths: mutation sites are then picked uniformly, leaves included. */
function nodePaths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (typeof value !== 'object' || value === null) return out;
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  for (const key of keys) {
    const path = [...prefix, key];
    out.push(path);
    nodePaths((value as Record<string | number, unknown>)[key], path, out);
  }
  return out;
}

const DELETE = Symbol('delete');

/** A copy of `value` with the node at `path` replaced by `change(old)` (or removed), sharing the rest. */
function replaceAt(value: unknown, path: Path, change: (old: unknown) => unknown): unknown {
  if (path.length === 0) return change(value);
  const [key, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = replaceAt(copy[key as number], rest, change);
    if (next === DELETE) copy.splice(key as number, 1);
    else copy[key as number] = next;
    return copy;
  }
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(record)) setOwn(copy, k, record[k]);
  const next = replaceAt(record[key as string], rest, change);
  if (next === DELETE) delete copy[key as string];
  else setOwn(copy, key as string, next);
  return copy;
}

/** What to do to one node of a real payload: delete, retype, wrap, or give it a hostile value. */
function mutateNode(old: unknown, rng: Random): unknown {
  switch (rng.int(8)) {
    case 0:
      return DELETE;
    case 1:
      return typeof old === 'string' && /^\d+$/.test(old) ? Number(old) : randomLeaf(rng);
    case 2:
      return typeof old === 'number' ? -old : randomLeaf(rng);
    case 3:
      return rng.chance(0.5) ? [old] : { value: old };
    case 4:
    case 5:
      // Same type, hostile value: what type checks alone do not catch.
      if (typeof old === 'number') return rng.pick(NASTY_NUMBERS);
      if (typeof old === 'string')
        return old.startsWith('http') ? rng.pick(NASTY_URLS) : rng.pick(NASTY_STRINGS);
      return randomValue(rng, 3);
    default:
      return randomValue(rng, 3);
  }
}

/** One mutation at a uniformly chosen node of a real payload. */
function mutate(body: unknown, rng: Random): unknown {
  const paths = nodePaths(body);
  if (paths.length === 0) return randomValue(rng, 0);
  return replaceAt(body, rng.pick(paths), (old) => mutateNode(old, rng));
}

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

/** Every webhook body on the shelf and in our fixtures (single entries wrapped as Meta would send them). */
const realBodies: unknown[] = [
  ...readdirSync(SHELF_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => readShelfJson(name)),
  ...readdirSync(OWN_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => readOwnJson(name)),
]
  .map((json) =>
    json && typeof json === 'object' && 'messaging' in json ? { object: 'page', entry: [json] } : json,
  )
  .filter((json) => normalizeWebhook(json).events.length > 0);

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
