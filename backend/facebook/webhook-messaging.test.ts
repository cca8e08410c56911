import { describe, expect, it } from 'vitest';
import { readOwnJson } from './fixtures/load-fixture.ts';
import type { MessageReceivedEvent, WebhookEvent } from './webhook-events.ts';
import { normalizeWebhook } from './webhook-normalizer.ts';

const PAGE = '104857600000001';
const PSID = '7210000000000002';

/** One Messenger event wrapped in a body, as Meta sends it. */
function messagingBody(event: Record<string, unknown>, entry: Record<string, unknown> = {}): unknown {
  return {
    object: 'page',
    entry: [
      {
        id: PAGE,
        time: 1767226300500,
        messaging: [{ sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 1767226300400, ...event }],
        ...entry,
      },
    ],
  };
}

function only(body: unknown): { event: WebhookEvent; problems: string[] } {
  const { events, problems } = normalizeWebhook(body);
  expect(events).toHaveLength(1);
  return { event: events[0]!, problems };
}

function attachmentsOf(event: WebhookEvent | undefined) {
  expect(event?.kind === 'message.received' || event?.kind === 'message.echo').toBe(true);
  return (event as MessageReceivedEvent).attachments;
}

describe('Messenger messages', () => {
  it('reads the quick reply payload', () => {
    const { event, problems } = only(readOwnJson('messenger-quick-reply.json'));
    expect(problems).toEqual([]);
    expect(event).toEqual({
      kind: 'message.received',
      pageId: PAGE,
      dedupeKey: `message.received|${PAGE}|m_quick-reply-0001`,
      standby: false,
      psid: PSID,
      mid: 'm_quick-reply-0001',
      text: 'Track my order',
      quickReplyPayload: 'TRACK_ORDER',
      attachments: [],
      timestamp: 1767226300400,
    });
  });

  it('reads the mid a reply answers', () => {
    const { event } = only(readOwnJson('messenger-reply-to.json'));
    expect(event).toMatchObject({
      kind: 'message.received',
      text: 'Yes, this one',
      replyToMid: 'm_reply-0001',
    });
  });

  it('turns numeric page and sender ids into strings', () => {
    const { event } = only({
      object: 'page',
      entry: [
        {
          id: 12345654332,
          time: 1457764198246,
          messaging: [
            {
              sender: { id: 987654321432 },
              recipient: { id: 12345654332 },
              timestamp: 1457764197627,
              message: { mid: 'mid.1', text: 'hi' },
            },
          ],
        },
      ],
    });
    expect(event).toMatchObject({ pageId: '12345654332', psid: '987654321432' });
  });

  it('falls back to entry.time when the timestamp is missing', () => {
    const { event } = only(messagingBody({ timestamp: undefined, message: { mid: 'm_1', text: 'x' } }));
    expect(event).toMatchObject({ timestamp: 1767226300500 });
  });

  it('skips a message with an invalid sender or no mid, and says where', () => {
    const { events, problems } = normalizeWebhook({
      object: 'page',
      entry: [
        {
          id: PAGE,
          time: 1767226300500,
          messaging: [
            { sender: { id: -7 }, recipient: { id: PAGE }, timestamp: 1, message: { mid: 'm_1', text: 'a' } },
            { sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 1, message: { text: 'b' } },
            { sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 1, message: null },
            {
              sender: { id: PSID },
              recipient: { id: PAGE },
              timestamp: 1,
              message: { mid: 'm_4', text: 'd' },
            },
          ],
        },
      ],
    });
    expect(events.map((e) => e.kind === 'message.received' && e.mid)).toEqual(['m_4']);
    expect(problems).toEqual([
      'entry[0].messaging[0].sender.id: number -7 is negative',
      'entry[0].messaging[1].message.mid: missing',
      'entry[0].messaging[2].message: expected an object, got null',
    ]);
  });

  it('keeps an unsupported message visible as an unknown attachment', () => {
    const { events } = normalizeWebhook(readOwnJson('messenger-attachments-more.json'));
    const unsupported = events.find((e) => e.kind === 'message.received' && e.mid === 'm_unsupported-0001');
    expect(attachmentsOf(unsupported)).toEqual([{ type: 'unknown', rawType: 'unsupported' }]);
  });
});

describe('Messenger attachments', () => {
  it('normalizes file, audio, video, reel, fallback and unknown types', () => {
    const { events, problems } = normalizeWebhook(readOwnJson('messenger-attachments-more.json'));
    expect(problems).toEqual([]);
    expect(attachmentsOf(events[0])).toEqual([
      { type: 'file', url: 'https://cdn.fbsbx.com/v/t59.2708-21/invoice.pdf?dl=1' },
      { type: 'audio', url: 'https://cdn.fbsbx.com/v/t59.3654-21/voice.mp4' },
      { type: 'video', url: 'https://video.xx.fbcdn.net/v/t42.3356-2/clip.mp4' },
      { type: 'reel', url: 'https://www.facebook.com/reel/1600000000000001' },
      {
        type: 'fallback',
        url: 'https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2F',
        title: 'Example Domain',
      },
      // Not in our type list: kept, with what Meta called it.
      { type: 'unknown', rawType: 'post', url: 'https://www.facebook.com/104857600000001/posts/pfbid0abc' },
    ]);
  });

  it('collapses the transition-period image + sticker pair into one sticker, on messages and echoes', () => {
    const { events, problems } = normalizeWebhook(readOwnJson('messenger-sticker-transition.json'));
    expect(problems).toEqual([]);
    expect(events.map((e) => e.kind)).toEqual(['message.received', 'message.echo']);
    expect(attachmentsOf(events[0])).toEqual([
      // The native sticker's URL wins over the legacy image rendering.
      {
        type: 'sticker',
        url: 'https://scontent.xx.fbcdn.net/v/t39.1997-6/thumbs-up.png',
        stickerId: '369239263222822',
      },
    ]);
    expect(attachmentsOf(events[1])).toEqual([
      {
        type: 'sticker',
        url: 'https://scontent.xx.fbcdn.net/v/t39.1997-6/heart.png',
        stickerId: '767226160478561',
      },
    ]);
  });

  it('reads a pre-v6 sticker (sticker_id on the message, plain image attachment) as a sticker', () => {
    const { event } = only(readOwnJson('messenger-sticker-legacy.json'));
    expect(attachmentsOf(event)).toEqual([
      {
        type: 'sticker',
        url: 'https://scontent.xx.fbcdn.net/v/t39.1997-6/thumbs-up-legacy.png',
        stickerId: '369239263222822',
      },
    ]);
  });

  it('keeps a real image next to a sticker, and stickers with different ids apart', () => {
    const image = { type: 'image', payload: { url: 'https://x.fbcdn.net/photo.jpg' } };
    const sticker = (id: number) => ({
      type: 'sticker',
      payload: { url: `https://x.fbcdn.net/${id}.png`, sticker_id: id },
    });
    const { event } = only(
      messagingBody({ message: { mid: 'm_1', attachments: [image, sticker(1), sticker(2)] } }),
    );
    expect(attachmentsOf(event).map((a) => [a.type, a.stickerId])).toEqual([
      ['image', undefined],
      ['sticker', '1'],
      ['sticker', '2'],
    ]);
  });

  it('keeps an attachment with a missing or odd type as unknown, and rejects bad coordinates', () => {
    const { event, problems } = only(
      messagingBody({
        message: {
          mid: 'm_1',
          attachments: [
            { payload: { url: 'https://x.fbcdn.net/a' } },
            { type: 'location', payload: { coordinates: { lat: 123, long: 9 } } },
            'junk',
          ],
        },
      }),
    );
    expect(attachmentsOf(event)).toEqual([
      { type: 'unknown', url: 'https://x.fbcdn.net/a' },
      { type: 'location' },
    ]);
    expect(problems).toEqual([
      'entry[0].messaging[0].message.attachments[0].type: missing',
      'entry[0].messaging[0].message.attachments[1].payload.coordinates: expected {lat, long} in degrees',
      'entry[0].messaging[0].message.attachments[2]: expected an object, got the string "junk"',
    ]);
  });
});

describe('Messenger echoes, postbacks, reads and deliveries', () => {
  it('reads standby events as standby, echo psid from the recipient', () => {
    const { events, problems } = normalizeWebhook(readOwnJson('messenger-standby.json'));
    expect(problems).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({ kind: 'message.received', standby: true, psid: '7210000000000001' }),
      {
        kind: 'message.echo',
        pageId: PAGE,
        dedupeKey: `message.echo|${PAGE}|m_standby-echo-0001`,
        standby: true,
        psid: '7210000000000001',
        mid: 'm_standby-echo-0001',
        appId: '263902037430900',
        text: 'Hi! A bot from another app answers here.',
        attachments: [],
        timestamp: 1767226200300,
      },
      expect.objectContaining({ kind: 'message.read', standby: true, watermark: 1767226200300 }),
    ]);
  });

  it('gives a message the same key whether it came in messaging or standby', () => {
    const body = readOwnJson('messenger-standby.json') as { entry: { standby: unknown[] }[] };
    const asMessaging = {
      object: 'page',
      entry: [{ ...body.entry[0], standby: undefined, messaging: body.entry[0]!.standby }],
    };
    const keys = (b: unknown) =>
      normalizeWebhook(b).events.map((e) => (e as { dedupeKey: string }).dedupeKey);
    expect(keys(asMessaging)).toEqual(keys(body));
  });

  it('identifies a postback without mid (before v11) by sender, time and payload', () => {
    const { events } = normalizeWebhook(readOwnJson('messenger-attachments-more.json'));
    expect(events.find((e) => e.kind === 'postback.received')).toEqual({
      kind: 'postback.received',
      pageId: PAGE,
      dedupeKey: `postback.received|${PAGE}|7210000000000003|1767226800300|GET_STARTED`,
      standby: false,
      psid: '7210000000000003',
      title: 'Get Started',
      payload: 'GET_STARTED',
      timestamp: 1767226800300,
    });
  });

  it('keeps the template URL of an echo and drops an empty title', () => {
    const { events } = normalizeWebhook(readOwnJson('messenger-attachments-more.json'));
    const echo = events.find((e) => e.kind === 'message.echo');
    expect(attachmentsOf(echo)).toEqual([
      { type: 'template', url: 'https://www.facebook.com/commerce/update/' },
    ]);
  });

  it('accepts a delivery without mids or timestamp', () => {
    const { events } = normalizeWebhook(readOwnJson('messenger-attachments-more.json'));
    expect(events.at(-1)).toEqual({
      kind: 'message.delivered',
      pageId: PAGE,
      dedupeKey: `message.delivered|${PAGE}|7210000000000003|1767226800450`,
      standby: false,
      psid: '7210000000000003',
      mids: [],
      watermark: 1767226800450,
    });
  });

  it('skips a read without watermark, and drops bad delivery mids but keeps the delivery', () => {
    const { events, problems } = normalizeWebhook({
      object: 'page',
      entry: [
        {
          id: PAGE,
          time: 1,
          messaging: [
            { sender: { id: PSID }, read: {} },
            { sender: { id: PSID }, delivery: { watermark: 5, mids: ['m_1', 42.5, ''] } },
          ],
        },
      ],
    });
    expect(events).toEqual([
      expect.objectContaining({ kind: 'message.delivered', mids: ['m_1'], watermark: 5 }),
    ]);
    expect(problems).toEqual([
      'entry[0].messaging[0].read.watermark: missing',
      'entry[0].messaging[1].delivery.mids[1]: expected a mid, got number 42.5',
      'entry[0].messaging[1].delivery.mids[2]: expected a mid, got the string ""',
    ]);
  });
});

describe('Messenger events we skip', () => {
  it('reports opt-ins, reactions, edits, referrals, handovers, unsends and unknown events as ignored', () => {
    const { events, problems } = normalizeWebhook(readOwnJson('messenger-ignored-events.json'));
    expect(problems).toEqual([]);
    expect(events.map((e) => e.kind === 'ignored' && [e.field, e.reason])).toEqual([
      ['messaging_optins', '"optin" events are not handled'],
      ['message_reactions', '"reaction" events are not handled'],
      ['message_edits', '"message_edit" events are not handled'],
      ['messaging_referrals', '"referral" events are not handled'],
      ['messaging_handovers', '"pass_thread_control" events are not handled'],
      ['messages', 'message deleted by its sender'],
      ['messaging', 'unrecognised event (keys: "brand_new_event")'],
    ]);
    expect(events.every((e) => e.pageId === PAGE)).toBe(true);
  });
});

describe('batches', () => {
  it('routes each event to the Page of its own entry', () => {
    const { events, problems } = normalizeWebhook(readOwnJson('messenger-batch-two-pages.json'));
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.pageId, e.kind === 'message.received' && e.text])).toEqual([
      [PAGE, 'Hello shop one'],
      [PAGE, 'Second message, same entry'],
      ['204857600000002', 'Hello shop two'],
    ]);
  });
});
