import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VIEWER_TTL_MS, type ViewerView } from '../../shared/api/interactions.ts';
import { fakeSend, fakeWatch, INTERACTION_ID, ME } from './sidebar-test-fixtures.ts';
import { createViewersModel, REPLYING_FOR_MS, VIEWING_HEARTBEAT_MS } from './viewers-model.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const background = fakeSend();
  const relay = fakeWatch();
  const model = createViewersModel({
    interactionId: INTERACTION_ID,
    me: () => ME,
    send: background.send,
    watch: relay.watch,
  });
  const ac = new AbortController();
  model.start(ac.signal);
  const told = () => background.of('interactions.viewing').map((i) => (i as { activity: string }).activity);
  const viewer = (extra: Partial<ViewerView>) =>
    relay.push({
      type: 'event',
      event: {
        type: 'interaction.viewer',
        viewer: {
          interactionId: INTERACTION_ID,
          userId: 'maria',
          name: 'Maria',
          role: 'supervisor',
          activity: 'viewing',
          ...extra,
        },
        agentId: ME,
        campaignId: 'c1',
      },
    });
  return { model, ac, told, viewer, of: background.of };
}

describe('collision control', () => {
  it('says "viewing" on open and every 10 s, "replying" while typing, and "left" on close', async () => {
    const { model, ac, told, of } = setup();
    expect(of('interactions.viewing')).toEqual([{ interactionId: INTERACTION_ID, activity: 'viewing' }]);
    await vi.advanceTimersByTimeAsync(VIEWING_HEARTBEAT_MS);
    expect(told()).toEqual(['viewing', 'viewing']);

    model.typed();
    model.typed();
    expect(told()).toEqual(['viewing', 'viewing', 'replying']);
    await vi.advanceTimersByTimeAsync(VIEWING_HEARTBEAT_MS - 2_000);
    model.typed();
    // Still typing at the heartbeat: replying.
    await vi.advanceTimersByTimeAsync(2_000);
    expect(told().at(-1)).toBe('replying');
    // Stopped typing: back to viewing without waiting for the next heartbeat.
    await vi.advanceTimersByTimeAsync(REPLYING_FOR_MS);
    expect(told().at(-1)).toBe('viewing');

    ac.abort();
    expect(told().at(-1)).toBe('left');
    const count = told().length;
    await vi.advanceTimersByTimeAsync(VIEWING_HEARTBEAT_MS * 3);
    model.typed();
    expect(told()).toHaveLength(count);
  });

  it('shows the others on this interaction, not me, until they leave or go silent', async () => {
    const { model, viewer } = setup();
    viewer({});
    viewer({ userId: 'ana', name: 'Ana', role: 'agent', activity: 'replying' });
    viewer({ userId: ME, name: 'Me' });
    viewer({ interactionId: 'another', userId: 'zoe', name: 'Zoe' });
    expect(model.others.value.map((v) => `${v.name}:${v.activity}`)).toEqual([
      'Ana:replying',
      'Maria:viewing',
    ]);

    viewer({ userId: 'ana', name: 'Ana', role: 'agent', activity: 'left' });
    expect(model.others.value.map((v) => v.name)).toEqual(['Maria']);

    await vi.advanceTimersByTimeAsync(VIEWER_TTL_MS - 5_000);
    viewer({});
    await vi.advanceTimersByTimeAsync(VIEWER_TTL_MS - 5_000);
    expect(model.others.value.map((v) => v.name)).toEqual(['Maria']);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(model.others.value).toEqual([]);
  });
});
