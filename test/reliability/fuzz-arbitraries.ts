/**
 * fast-check arbitraries for the reliability fuzz suite (issue 8.4). Webhook bodies build on the
 * seeded generators the normalizer's robustness test uses (mutations of every real payload,
 * webhook-shaped noise) and add what only the wire can carry: malformed and truncated JSON, raw
 * bytes, numeric ids past 2^53, deep nesting, 1,000-entry batches, oversize bodies, bad signatures.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import {
  mutate,
  random,
  randomWebhookish,
  realWebhookBodies,
} from '../../backend/facebook/fixtures/webhook-fuzz.ts';
import { signWebhookBody } from '../../backend/facebook/webhook-signature.ts';

/** Pages the fuzzed bodies mostly speak of; the suite links them so events go all the way in. */
export const FUZZ_PAGES = ['104857600000001', '1234567890321', '111899832631525'] as const;

/**
 * JSON text for any value the generators make: bigints become bare numeric literals (how Meta's
 * long ids look on the wire), cycles and functions are dropped rather than thrown on.
 */
export function jsonText(value: unknown): string {
  const seen = new WeakSet<object>();
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return `\u0001big:${v}\u0001`;
    if (typeof v === 'object' && v !== null) {
      if (seen.has(v)) return undefined;
      seen.add(v);
    }
    return v;
  });
  return (text ?? 'null').replace(/"\\u0001big:(-?\d+)\\u0001"/g, '$1');
}

// biome-ignore format: a vocabulary reads better packed than one item per line
const ODD = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff\ud800', '\u202eevil\u202c', '\u200b\u200d\u2060', '\ufeff',
  'e\u0301\u0301\u0301', '𝕏🏳️‍🌈👩‍👩‍👧', '<script>alert(1)</script>', 'javascript:alert(1)', '%00%ff', '\\', '"',
  '\r\n\t', 'null', '-0', '1e400', 'NaN',
];

const oddText = fc.oneof(
  { weight: 30, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 20, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 20, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'ẍ'.repeat(n)) },
);

/** Ids as Meta sends them and as it never should: long, negative, numeric, fractional, odd text. */
const anyId = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(...FUZZ_PAGES) },
  { weight: 2, arbitrary: fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }) },
  { weight: 2, arbitrary: fc.stringMatching(/^-?\d{1,40}(_\d{1,20})?$/) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 53 + 1)) },
  { weight: 1, arbitrary: oddText },
);
const time = fc.oneof(
  fc.integer({ min: 1_400_000_000, max: 2_000_000_000 }),
  fc.integer({ min: 1_400_000_000_000, max: 2_000_000_000_000 }),
  fc.oneof(fc.double(), fc.bigInt(), fc.constantFrom('2021-08-10T18:45:03+0000', '2021-02-30T00:00:00Z', '')),
);
const leaf = fc.oneof(oddText, anyId, fc.boolean(), fc.constant(null), fc.double(), time);

/** Mostly the right type, sometimes anything at all. */
function loose<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: arb as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: leaf },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
  );
}
const partial = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T) =>
  loose(fc.record(model, { requiredKeys: [] }));

const from = partial({ id: anyId, name: oddText });
const attachment = partial({
  type: loose(
    fc.constantFrom('image', 'video', 'audio', 'file', 'location', 'fallback', 'template', 'sticker'),
  ),
  payload: partial({
    url: loose(fc.webUrl()),
    sticker_id: anyId,
    coordinates: partial({ lat: leaf, long: leaf }),
  }),
});
const change = partial({
  field: loose(fc.constantFrom('feed', 'mention', 'messages')),
  value: partial({
    item: loose(fc.constantFrom('comment', 'post', 'status', 'photo', 'reaction', 'share')),
    verb: loose(fc.constantFrom('add', 'edited', 'edit', 'remove', 'hide', 'unhide')),
    comment_id: anyId,
    post_id: anyId,
    parent_id: anyId,
    from,
    message: oddText,
    created_time: time,
    photo: loose(fc.webUrl()),
  }),
});
const messaging = partial({
  sender: partial({ id: anyId }),
  recipient: partial({ id: anyId }),
  timestamp: time,
  message: partial({
    mid: anyId,
    text: oddText,
    is_echo: loose(fc.boolean()),
    app_id: anyId,
    metadata: oddText,
    attachments: loose(fc.array(attachment, { maxLength: 4 })),
    quick_reply: partial({ payload: oddText }),
    reply_to: partial({ mid: anyId }),
  }),
  postback: partial({ title: oddText, payload: oddText, mid: anyId }),
  read: partial({ watermark: time }),
  delivery: partial({ watermark: time, mids: loose(fc.array(anyId, { maxLength: 3 })) }),
});
const entry = partial({
  id: anyId,
  time,
  changes: loose(fc.array(change, { maxLength: 5 })),
  messaging: loose(fc.array(messaging, { maxLength: 5 })),
  standby: loose(fc.array(messaging, { maxLength: 2 })),
});

/** A webhook body: what the route receives (text or raw bytes) and why it is expected to be refused. */
export interface WireBody {
  kind: string;
  bytes: Uint8Array<ArrayBuffer>;
}
const encode = (kind: string) => (text: string) => ({ kind, bytes: new TextEncoder().encode(text) });

const real = realWebhookBodies();

/** Bigger than the suite's webhook body limit, which it sets to `limit`. */
export function webhookBody(limit: number): fc.Arbitrary<WireBody> {
  const structured = fc.record({
    object: loose(fc.constantFrom('page', 'instagram', '')),
    entry: loose(fc.array(entry, { maxLength: 4 })),
  });
  return fc.oneof(
    // Mutations of every real payload, one to three at a time (the robustness test's generator).
    {
      weight: 300,
      arbitrary: fc
        .tuple(fc.nat(real.length - 1), fc.integer(), fc.integer({ min: 1, max: 3 }))
        .map(([pick, seed, times]) => {
          const rng = random(seed);
          let body = real[pick];
          for (let n = 0; n < times; n++) body = mutate(body, rng);
          return jsonText(body);
        })
        .map(encode('mutated real payload')),
    },
    {
      weight: 100,
      arbitrary: fc
        .integer()
        .map((seed) => jsonText(randomWebhookish(random(seed))))
        .map(encode('webhook-shaped noise')),
    },
    {
      weight: 300,
      arbitrary: structured.map(jsonText).map(encode('typed fields, wrong types, odd ids and text')),
    },
    // Malformed JSON: cut short, or with a byte changed.
    {
      weight: 80,
      arbitrary: fc
        .tuple(structured, fc.nat())
        .map(([v, cut]) => {
          const t = jsonText(v);
          return t.slice(0, cut % Math.max(1, t.length));
        })
        .map(encode('truncated JSON')),
    },
    {
      weight: 40,
      arbitrary: fc
        .tuple(structured, fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }))
        .map(([v, at, junk]) => {
          const t = jsonText(v);
          const i = at % Math.max(1, t.length);
          return t.slice(0, i) + junk + t.slice(i + 1);
        })
        .map(encode('corrupted JSON')),
    },
    { weight: 40, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map(encode('random text')) },
    {
      weight: 30,
      arbitrary: fc.uint8Array({ maxLength: 600 }).map((bytes) => ({ kind: 'random bytes', bytes })),
    },
    {
      weight: 20,
      arbitrary: fc
        .tuple(fc.integer({ min: 1_000, max: 200_000 }), fc.boolean())
        .map(([depth, arrays]) =>
          arrays
            ? `{"object":"page","entry":${'['.repeat(depth)}${']'.repeat(depth)}}`
            : `{"object":"page","entry":[{"id":"${FUZZ_PAGES[0]}","messaging":[${'{"m":'.repeat(depth)}1${'}'.repeat(depth)}]}]}`,
        )
        .map(encode('deep nesting')),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 0, max: 1_000_000 })
        .map((seed) => bigBatch(seed))
        .map(encode('1,000-entry batch')),
    },
    {
      weight: 10,
      arbitrary: fc
        .integer({ min: limit + 1, max: limit * 3 })
        .map(
          (size) =>
            `{"object":"page","entry":[{"id":"1","messaging":[{"message":{"text":"${'x'.repeat(size)}"}}]}]}`,
        )
        .map(encode('oversize')),
    },
  );
}

/** 1,000 entries for a linked Page: mostly receipts and reactions, every tenth a customer's message. */
function bigBatch(seed: number): string {
  const page = FUZZ_PAGES[0];
  const entries = Array.from({ length: 1000 }, (_, i) => {
    const sender = { id: `9${seed}${i % 50}` };
    const recipient = { id: page };
    const event =
      i % 10 === 0
        ? {
            sender,
            recipient,
            timestamp: 1_767_226_600_000 + i,
            message: { mid: `m_big_${seed}_${i}`, text: `Hi ${i}` },
          }
        : i % 2
          ? {
              sender,
              recipient,
              timestamp: 1_767_226_600_000 + i,
              read: { watermark: 1_767_226_600_000 + i },
            }
          : {
              sender,
              recipient,
              timestamp: 1_767_226_600_000 + i,
              reaction: { mid: `m_big_${seed}_${i - 1}`, action: 'react', reaction: 'love' },
            };
    return { id: page, time: 1_767_226_600_000 + i, messaging: [event] };
  });
  return JSON.stringify({ object: 'page', entry: entries });
}

export type Signing =
  | 'good'
  | 'missing'
  | 'wrong secret'
  | 'other body'
  | 'malformed'
  | 'sha1 only'
  | 'truncated'
  | 'empty';

export const signing: fc.Arbitrary<Signing> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('good' as const) },
  {
    weight: 4,
    arbitrary: fc.constantFrom<Signing>(
      'missing',
      'wrong secret',
      'other body',
      'malformed',
      'sha1 only',
      'truncated',
      'empty',
    ),
  },
);

/** The signature headers for a body signed (or mis-signed) as `how` says. */
export function signatureHeaders(bytes: Uint8Array, how: Signing, appSecret: string): Record<string, string> {
  const good = signWebhookBody(bytes, appSecret);
  switch (how) {
    case 'good':
      return { 'x-hub-signature-256': good };
    case 'missing':
      return {};
    case 'wrong secret':
      return { 'x-hub-signature-256': signWebhookBody(bytes, 'f'.repeat(32)) };
    case 'other body':
      return { 'x-hub-signature-256': signWebhookBody(new TextEncoder().encode('{}'), appSecret) };
    case 'malformed':
      return { 'x-hub-signature-256': `sha256=${'z'.repeat(64)}` };
    case 'sha1 only':
      return { 'x-hub-signature': `sha1=${createHmac('sha1', appSecret).update(bytes).digest('hex')}` };
    case 'truncated':
      return { 'x-hub-signature-256': good.slice(0, -2) };
    case 'empty':
      return { 'x-hub-signature-256': '' };
  }
}

/** One API request: a route of the main write paths with a generated body, path id and content type. */
export interface ApiCase {
  /** The route as declared, e.g. `POST /api/campaigns/:id`. */
  route: string;
  method: 'POST' | 'PATCH';
  path: string;
  as: 'admin' | 'agent' | 'anonymous';
  contentType: string | null;
  body: string;
}

/** Ids that exist in the suite's database, so some requests get past "not found". */
export interface KnownIds {
  userId: string;
  campaignId: string;
  interactionId: string;
  activationId: string;
}

const pathId = (known: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(known) },
    { weight: 2, arbitrary: fc.uuid() },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map(encodeURIComponent),
    },
    { weight: 1, arbitrary: fc.stringMatching(/^\d{1,40}$/) },
  );
const email = loose(fc.oneof(fc.emailAddress(), fc.constantFrom('admin@example.test', 'A@B.C', 'x@y')));
const thresholds = partial({ serviceLevel: leaf, dropout: leaf, chatTime: leaf, acd: leaf });
const campaignFields = {
  name: oddText,
  pageId: loose(fc.constantFrom<unknown>(...FUZZ_PAGES, '999', '')),
  channel: loose(fc.constantFrom('facebook', 'messenger', 'instagram')),
  strategy: loose(
    fc.constantFrom('ringall', 'leastrecent', 'fewestcalls', 'random', 'rrmemory', 'linear', 'wrandom', 'x'),
  ),
  schedule: loose(
    fc.array(
      partial({ weekday: leaf, from: loose(fc.constantFrom('09:00', '24:00', '25:61', '')), to: oddText }),
      { maxLength: 60 },
    ),
  ),
  timeZone: loose(
    fc.constantFrom(
      'UTC',
      'Europe/Madrid',
      'America/Argentina/Buenos_Aires',
      'Mars/Olympus',
      'Etc/GMT+14',
      '',
    ),
  ),
  thresholds,
  maxInteractionsPerAgent: leaf,
  enabled: loose(fc.boolean()),
  cannedResponses: loose(fc.array(partial({ id: oddText, title: oddText, text: oddText }), { maxLength: 5 })),
  members: loose(
    fc.array(partial({ userId: loose(fc.uuid()), penalty: leaf, position: leaf }), { maxLength: 5 }),
  ),
};

function bodyText(shaped: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: shaped.map(jsonText) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(jsonText) },
    {
      weight: 1,
      arbitrary: fc.tuple(shaped, fc.nat()).map(([v, cut]) => {
        const t = jsonText(v);
        return t.slice(0, cut % Math.max(1, t.length));
      }),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  );
}

export function apiCase(ids: KnownIds): fc.Arbitrary<ApiCase> {
  const route = (
    weight: number,
    method: ApiCase['method'],
    [template, path]: [string, fc.Arbitrary<string>],
    as: ApiCase['as'],
    shaped: fc.Arbitrary<unknown>,
  ) => ({
    weight,
    arbitrary: fc.record({
      route: fc.constant(`${method} ${template}`),
      method: fc.constant(method),
      path,
      as: fc.constant(as),
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant('application/json') },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            null,
            'text/plain',
            'application/json; charset=utf-16',
            'multipart/form-data',
          ),
        },
      ),
      body: bodyText(shaped),
    }),
  });
  const fixed = (p: string): [string, fc.Arbitrary<string>] => [p, fc.constant(p)];
  const withId = (template: string, known: string): [string, fc.Arbitrary<string>] => [
    template,
    pathId(known).map((id) => template.replace(':id', id)),
  ];
  return fc.oneof(
    // Few on purpose: a well-formed login or new user costs a scrypt hash (tens of ms).
    route(1, 'POST', fixed('/api/auth/login'), 'anonymous', partial({ email, password: oddText })),
    route(
      1,
      'POST',
      fixed('/api/users'),
      'admin',
      partial({
        email,
        name: oddText,
        role: loose(fc.constantFrom('admin', 'supervisor', 'agent')),
        password: loose(fc.string({ minLength: 0, maxLength: 12 })),
      }),
    ),
    route(
      9,
      'PATCH',
      withId('/api/users/:id', ids.userId),
      'admin',
      partial({
        name: oddText,
        role: loose(fc.constantFrom('admin', 'supervisor', 'agent')),
        active: loose(fc.boolean()),
      }),
    ),
    route(15, 'POST', fixed('/api/campaigns'), 'admin', partial(campaignFields)),
    route(15, 'PATCH', withId('/api/campaigns/:id', ids.campaignId), 'admin', partial(campaignFields)),
    route(6, 'POST', fixed('/api/pages/import-token'), 'admin', partial({ accessToken: oddText })),
    route(
      6,
      'POST',
      withId('/api/pages/activations/:id/link', ids.activationId),
      'admin',
      partial({ pageId: anyId }),
    ),
    route(
      6,
      'PATCH',
      withId('/api/pages/:id', FUZZ_PAGES[0]),
      'admin',
      partial({ humanAgentEnabled: loose(fc.boolean()) }),
    ),
    route(
      6,
      'POST',
      fixed('/api/agent/status'),
      'agent',
      partial({ status: loose(fc.constantFrom('available', 'break', 'offline')), reason: oddText }),
    ),
    route(
      12,
      'POST',
      withId('/api/interactions/:id/replies', ids.interactionId),
      'agent',
      partial({
        text: oddText,
        attachmentUrl: loose(fc.webUrl()),
        commentId: anyId,
        privately: loose(fc.boolean()),
      }),
    ),
    route(
      6,
      'POST',
      withId('/api/interactions/:id/complete', ids.interactionId),
      'agent',
      partial({ disposition: oddText }),
    ),
    route(3, 'POST', withId('/api/interactions/:id/accept', ids.interactionId), 'agent', fc.constant({})),
  );
}
