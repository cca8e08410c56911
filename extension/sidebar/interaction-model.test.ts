import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutgoingReply, Transcript } from '../../shared/api/interactions.ts';
import type { RuntimeResult } from '../../shared/runtime-messages.ts';
import { createInteractionModel, REFETCH_DEBOUNCE_MS } from './interaction-model.ts';
import { localDb } from './local-db.ts';
import {
  facebookTranscript,
  fakeSend,
  fakeWatch,
  INTERACTION_ID,
  interactionView,
  ME,
  message,
  outgoing,
} from './sidebar-test-fixtures.ts';

// Only the clocks the model uses: IndexedDB (fake-indexeddb) schedules its work with setImmediate.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await localDb.clearUser(ME);
});

type Answer = RuntimeResult<unknown> | ((input: unknown) => RuntimeResult<unknown>);
function setup(answers: Record<string, Answer> = {}) {
  let served = facebookTranscript();
  const background = fakeSend({ 'interactions.get': () => ({ ok: true, value: served }), ...answers });
  const relay = fakeWatch();
  const model = createInteractionModel({
    id: INTERACTION_ID,
    userId: ME,
    send: background.send,
    watch: relay.watch,
  });
  const ac = new AbortController();
  return {
    model,
    ...background,
    relay,
    ac,
    serve: (t: Transcript) => {
      served = t;
    },
    start: () => model.start(ac.signal),
  };
}

const status = (reply: OutgoingReply) =>
  ({ type: 'event', event: { type: 'reply.status', reply, agentId: ME, campaignId: 'c1' } }) as const;

describe('an open interaction', () => {
  it('loads the transcript and caches it, so a reopen shows it before the network answers', async () => {
    const first = setup();
    await first.start();
    expect(first.model.transcript.value?.post?.message).toBe('New arrivals');
    expect(first.model.fromCache.value).toBe(false);

    // The network is slow the second time: the cached copy shows meanwhile.
    let answer: (r: RuntimeResult<unknown>) => void = () => {};
    const model = createInteractionModel({
      id: INTERACTION_ID,
      userId: ME,
      send: (async () => {
        return new Promise((r) => {
          answer = r;
        });
      }) as never,
      watch: fakeWatch().watch,
    });
    const started = model.start(new AbortController().signal);
    await vi.waitFor(() => expect(model.fromCache.value).toBe(true));
    expect(model.transcript.value?.post?.message).toBe('New arrivals');
    answer({ ok: true, value: facebookTranscript({ post: { id: '1', message: 'Fresh', photoUrl: null } }) });
    await started;
    expect(model.fromCache.value).toBe(false);
    expect(model.transcript.value?.post?.message).toBe('Fresh');
  });

  it("never shows another user's cached transcript", async () => {
    await localDb.saveTranscript(facebookTranscript(), 'someone-else');
    const { model, start } = setup({
      'interactions.get': { ok: false, error: { code: 'NETWORK', message: 'Offline' } },
    });
    await start();
    expect(model.transcript.value).toBeNull();
    expect(model.error.value?.message).toBe('Offline');
    await localDb.clearUser('someone-else');
  });

  it('shows a reply at once as pending, then follows its status until it is in the transcript', async () => {
    const { model, start, relay, serve, of } = setup({
      'interactions.reply': { ok: true, value: { outboxId: 7, status: 'pending' } },
    });
    await start();
    const sending = model.reply({ text: 'Yes we do!' }, 'Iris Agent');
    expect(model.outgoing.value).toMatchObject([
      { status: 'pending', text: 'Yes we do!', kind: 'comment_reply' },
    ]);
    expect(await sending).toBe(true);
    expect(model.outgoing.value).toMatchObject([{ id: 7, status: 'pending' }]);
    expect(of('interactions.reply')).toEqual([{ id: INTERACTION_ID, text: 'Yes we do!' }]);
    const key = model.outgoing.value[0]?.key;

    relay.push(status(outgoing({ id: 7, status: 'sent', graphId: '111222_555' })));
    expect(model.outgoing.value).toMatchObject([{ key, status: 'sent' }]);

    // The sent reply is now a message of the transcript: one debounced refetch shows it there.
    serve(
      facebookTranscript({
        messages: [
          ...facebookTranscript().messages,
          message({
            id: '111222_555',
            author: { kind: 'agent', name: 'Iris Agent', agentId: ME },
            text: 'Yes we do!',
            parentId: '111222_333',
          }),
        ],
      }),
    );
    relay.push({
      type: 'event',
      event: { type: 'interaction.message', interactionId: INTERACTION_ID, agentId: ME, campaignId: 'c1' },
    });
    await vi.advanceTimersByTimeAsync(REFETCH_DEBOUNCE_MS);
    expect(of('interactions.get')).toHaveLength(2);
    expect(model.transcript.value?.messages.map((m) => m.id)).toContain('111222_555');
    expect(model.outgoing.value).toEqual([]);
  });

  it('ignores events of other interactions', async () => {
    const { model, start, relay, of } = setup();
    await start();
    relay.push(status(outgoing({ interactionId: 'other', status: 'sent' })));
    relay.push({
      type: 'event',
      event: { type: 'interaction.message', interactionId: 'other', agentId: ME, campaignId: 'c1' },
    });
    await vi.advanceTimersByTimeAsync(REFETCH_DEBOUNCE_MS * 2);
    expect(of('interactions.get')).toHaveLength(1);
    expect(model.outgoing.value).toEqual([]);
  });

  it('keeps a failed reply with its reason, and retries it through the outbox', async () => {
    const { model, start, relay, of } = setup({
      'interactions.retry': { ok: true, value: outgoing({ id: 9, status: 'pending' }) },
    });
    await start();
    relay.push(status(outgoing({ id: 9, status: 'failed', error: 'The comment was deleted.' })));
    const [failed] = model.outgoing.value;
    expect(failed).toMatchObject({ status: 'failed', error: 'The comment was deleted.' });
    expect(await model.retry(failed!.key)).toBe(true);
    expect(of('interactions.retry')).toEqual([{ id: INTERACTION_ID, replyId: 9 }]);
    expect(model.outgoing.value).toMatchObject([{ id: 9, status: 'pending', error: null }]);
  });

  it('keeps a reply the backend refused, and sends it again on retry', async () => {
    let refuse = true;
    const { model, start, of } = setup({
      'interactions.reply': () =>
        refuse
          ? { ok: false, error: { code: 'NETWORK', message: 'The backend cannot be reached.' } }
          : { ok: true, value: { outboxId: 12, status: 'pending' } },
    });
    await start();
    expect(await model.reply({ text: 'Hello' })).toBe(false);
    expect(model.outgoing.value).toMatchObject([
      { status: 'failed', error: 'The backend cannot be reached.', text: 'Hello' },
    ]);
    // A refetch meanwhile does not lose it: the backend never heard of it.
    await model.refresh();
    expect(model.outgoing.value).toHaveLength(1);
    refuse = false;
    expect(await model.retry(model.outgoing.value[0]!.key)).toBe(true);
    expect(of('interactions.reply')).toHaveLength(2);
    expect(model.outgoing.value).toMatchObject([{ id: 12, status: 'pending' }]);
  });

  it('shows a held reply (the Page token is invalid) with its message', async () => {
    const { model, start, serve } = setup();
    serve(
      facebookTranscript({
        outgoing: [outgoing({ id: 3, status: 'held', error: 'The Page must be re-activated.' })],
      }),
    );
    await start();
    expect(model.outgoing.value).toMatchObject([{ status: 'held', error: 'The Page must be re-activated.' }]);
  });

  it('follows state changes, and refetches after a reconnect', async () => {
    const { model, start, relay, of } = setup();
    await start();
    relay.push({
      type: 'event',
      event: {
        type: 'interaction.changed',
        interaction: interactionView({ state: 'completed' }),
        previousAgentId: null,
      },
    });
    expect(model.transcript.value?.interaction.state).toBe('completed');
    relay.push({ type: 'connected', connected: false });
    relay.push({ type: 'connected', connected: true });
    await vi.advanceTimersByTimeAsync(REFETCH_DEBOUNCE_MS);
    expect(of('interactions.get')).toHaveLength(2);
  });

  it('sends a private reply and marks it as one', async () => {
    const { model, start, of } = setup({
      'interactions.reply': { ok: true, value: { outboxId: 21, status: 'pending' } },
    });
    await start();
    await model.reply({ commentId: '111222_333', privately: true, text: 'Let us talk here' });
    expect(of('interactions.reply')).toEqual([
      { id: INTERACTION_ID, commentId: '111222_333', privately: true, text: 'Let us talk here' },
    ]);
    expect(model.outgoing.value).toMatchObject([{ kind: 'private_reply', id: 21 }]);
  });

  it('completes with a disposition and forgets the draft', async () => {
    await localDb.saveDraft(INTERACTION_ID, ME, 'half written');
    const { model, start, of } = setup();
    await start();
    expect(await model.complete('  resolved ')).toBe(true);
    expect(of('interactions.complete')).toEqual([{ id: INTERACTION_ID, disposition: 'resolved' }]);
    expect(await localDb.loadDraft(INTERACTION_ID, ME)).toBeNull();
  });

  it('accepts an offer and reloads the transcript', async () => {
    const { model, start, of } = setup();
    await start();
    expect(await model.accept()).toBe(true);
    expect(of('interactions.accept')).toEqual([{ id: INTERACTION_ID }]);
    expect(of('interactions.get')).toHaveLength(2);
  });

  it('stops listening when closed', async () => {
    const { start, relay, ac } = setup();
    await start();
    expect(relay.watching).toBe(1);
    ac.abort();
    expect(relay.watching).toBe(0);
  });
});
