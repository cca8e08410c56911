import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Board } from '../../shared/api/supervisor.ts';
import type { RealtimeUpdate, RuntimeResult } from '../../shared/runtime-messages.ts';
import type { request, watchRealtime } from '../ui/runtime-client.ts';
import { createBoardModel } from './board-model.ts';
import { agentRow, board, campaignBoard, GENERATED_AT, interaction } from './board-test-fixtures.ts';

const TIMING = { debounceMs: 500, refreshMs: 60_000, tickMs: 1_000 };

/** A background whose board answers come from a list (the last one repeats), each after `latencyMs`. */
function setup(answers: RuntimeResult<Board>[], latencyMs = 0) {
  const sent: string[] = [];
  const send = (async (type: string) => {
    sent.push(type);
    if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
    return answers.length > 1 ? answers.shift() : answers[0];
  }) as unknown as typeof request;
  let push: (u: RealtimeUpdate) => void = () => {};
  const watch: typeof watchRealtime = (onUpdate) => {
    push = onUpdate;
  };
  const model = createBoardModel(send, watch, TIMING);
  const abort = new AbortController();
  return { model, sent, push: (u: RealtimeUpdate) => push(u), abort };
}

const ok = (b: Board): RuntimeResult<Board> => ({ ok: true, value: b });
const changed = (): RealtimeUpdate => ({
  type: 'event',
  event: { type: 'interaction.changed', interaction: interaction('i1'), previousAgentId: null },
});

beforeEach(() => {
  vi.useFakeTimers();
  // This browser's clock runs 5 s behind the server's.
  vi.setSystemTime(Date.parse(GENERATED_AT) - 5_000);
});
afterEach(() => vi.useRealTimers());

describe('board model', () => {
  it("starts from the snapshot's board and ticks on the server's clock", async () => {
    const { model, push, abort } = setup([ok(board())]);
    model.start(abort.signal);
    push({ type: 'snapshot', snapshot: { supervisor: { board: board() } } });
    expect(model.selected.value?.campaign.name).toBe('Shop comments');
    expect(model.now.value).toBe(Date.parse(GENERATED_AT));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(model.now.value).toBe(Date.parse(GENERATED_AT) + 3_000);
    abort.abort();
  });

  it("patches an agent's status at once, reading available with work as busy, then refetches", async () => {
    const working = agentRow({ activeByChannel: { facebook: 1, messenger: 0 }, status: 'break' });
    const b = board([campaignBoard({ agents: [working, agentRow({ agentId: 'a-joe', name: 'Joe' })] })]);
    const { model, push, sent, abort } = setup([ok(b)]);
    model.start(abort.signal);
    await vi.advanceTimersByTimeAsync(0);
    sent.length = 0;
    push({
      type: 'event',
      event: {
        type: 'agent.status',
        presence: { agentId: 'a-iris', status: 'available', breakReason: null, since: GENERATED_AT },
      },
    });
    const row = model.selected.value?.agents[0];
    expect(row).toMatchObject({ status: 'busy', statusSince: GENERATED_AT, breakReason: null });
    expect(model.selected.value?.agents[1]?.status).toBe('available');
    push({
      type: 'event',
      event: {
        type: 'agent.status',
        presence: {
          agentId: 'a-joe',
          status: 'break',
          breakReason: 'paused by supervisor',
          since: GENERATED_AT,
        },
      },
    });
    expect(model.selected.value?.agents[1]).toMatchObject({
      status: 'break',
      breakReason: 'paused by supervisor',
    });
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toEqual(['supervisor.board']); // both events, one refetch 500 ms after the first load
    abort.abort();
  });

  it('refetches at once after a quiet spell, then at most every 500 ms, never two requests at a time', async () => {
    const { model, push, sent, abort } = setup([ok(board())], 300);
    model.start(abort.signal);
    await vi.advanceTimersByTimeAsync(300);
    await vi.advanceTimersByTimeAsync(1_000);
    sent.length = 0;
    push(changed());
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['supervisor.board']); // the first event after a quiet spell: at once
    push(changed());
    push({ type: 'event', event: { type: 'campaign.changed', campaignId: 'c-fb' } });
    await vi.advanceTimersByTimeAsync(499);
    expect(sent).toHaveLength(1); // the burst waits for the 500 ms since the last start
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    push(changed()); // while that one is in flight (300 ms)
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toHaveLength(3);
    abort.abort();
  });

  it('ignores events that do not change the board, and refreshes every minute anyway', async () => {
    const { model, push, sent, abort } = setup([ok(board())]);
    model.start(abort.signal);
    await vi.advanceTimersByTimeAsync(0);
    sent.length = 0;
    push({
      type: 'event',
      event: { type: 'interaction.message', interactionId: 'i1', agentId: null, campaignId: 'c' },
    });
    await vi.advanceTimersByTimeAsync(59_000);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toEqual(['supervisor.board']);
    abort.abort();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sent).toHaveLength(1);
  });

  it('keeps the newer board when an older answer arrives late', async () => {
    const older = board([campaignBoard({ agents: [] })], '2026-11-24T11:59:00.000Z');
    const { model, push, abort } = setup([ok(older)], 100);
    model.start(abort.signal);
    push({ type: 'snapshot', snapshot: { supervisor: { board: board() } } });
    await vi.advanceTimersByTimeAsync(100);
    expect(model.selected.value?.agents).toHaveLength(1);
    abort.abort();
  });

  it('keeps a failed refetch to show, and clears it on the next success', async () => {
    const { model, abort } = setup([
      { ok: false, error: { code: 'NETWORK', message: 'Cannot reach the backend.' } },
      ok(board()),
    ]);
    model.start(abort.signal);
    await vi.advanceTimersByTimeAsync(0);
    expect(model.error.value?.code).toBe('NETWORK');
    await model.refresh();
    expect(model.error.value).toBeNull();
    abort.abort();
  });

  it('shows the campaigns of the chosen channel, and counts alarms everywhere', async () => {
    const base = campaignBoard();
    const chat = campaignBoard({
      campaign: { ...base.campaign, id: 'c-ms', name: 'Shop chat', channel: 'messenger' },
      tiles: { ...base.tiles, waiting: { value: 9, acd: 5, level: 'alarm' } },
    });
    const { model } = setup([ok(board())]);
    model.receive({ type: 'snapshot', snapshot: { supervisor: { board: board([base, chat]) } } });
    expect(model.ofChannel.value.map((c) => c.campaign.name)).toEqual(['Shop comments']);
    expect(model.alarms.value.map((a) => `${a.campaign.name}: ${a.tile}`)).toEqual(['Shop chat: waiting']);
    expect(model.alarmsIn('messenger')).toBe(1);
    model.setChannel('messenger');
    expect(model.selected.value?.campaign.id).toBe('c-ms');
  });
});
