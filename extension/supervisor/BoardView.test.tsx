import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAgentActionsModel } from './agent-actions-model.ts';
import { BoardView } from './BoardView.tsx';
import { createBoardModel } from './board-model.ts';
import { agentRow, board, campaignBoard, fakeSend, ok } from './board-test-fixtures.ts';
import { createDrillModel } from './drill-model.ts';
import { createSpyModel } from './spy-model.ts';

// The English catalog, as the browser would answer getMessage, so the DOM reads as supervisors see it.
const catalog: Record<string, { message: string }> = JSON.parse(
  readFileSync(join(import.meta.dirname, '../public/_locales/en/messages.json'), 'utf8'),
);

let root: HTMLElement;
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (key: string, subs?: string | (string | number)[]) =>
      (catalog[key]?.message ?? '').replace(/\$(\d)/g, (_, n) =>
        String([subs ?? []].flat()[Number(n) - 1] ?? ''),
      ),
  );
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

function setup(answers: Record<string, unknown> = {}) {
  const fake = fakeSend(answers);
  const models = {
    board: createBoardModel(fake.send, () => {}),
    drill: createDrillModel(fake.send),
    actions: createAgentActionsModel(fake.send),
    spy: createSpyModel(fake.send, () => {}),
  };
  const busy = agentRow({
    status: 'busy',
    channels: ['facebook'],
    activeByChannel: { facebook: 2, messenger: 0 },
    activeInteractionIds: ['i1', 'i2'],
  });
  const resting = agentRow({ agentId: 'a-joe', name: 'Joe', status: 'break', breakReason: 'Lunch' });
  models.board.receive({
    type: 'snapshot',
    snapshot: { supervisor: { board: board([campaignBoard({ agents: [busy, resting] })]) } },
  });
  return { models, sent: fake.sent };
}
const show = (models: ReturnType<typeof setup>['models']) =>
  act(() => render(<BoardView {...models} />, root));
const $$ = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
function button(name: string): HTMLButtonElement {
  const found = $$('button').find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
  if (!found) throw new Error(`No button "${name}"`);
  return found as HTMLButtonElement;
}
const click = (el: HTMLElement) => act(() => el.click());

describe('the board', () => {
  it('shows agents and queue in tables with headers, status in words, and numbers as buttons', async () => {
    const { models } = setup();
    await show(models);
    const agents = root.querySelector('[data-testid="agents-table"]')!;
    expect([...agents.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Status icon',
      'Open work',
      'Status',
      'Agent',
      'Completed today',
      'Time in status',
      'Actions',
    ]);
    const rows = $$('[data-testid="board-agent-row"]');
    expect(rows.map((r) => r.dataset.status)).toEqual(['busy', 'break']);
    expect(rows[1]?.querySelector('[data-testid="agent-status-text"]')?.textContent).toBe('On break — Lunch');
    expect(rows[0]?.querySelector('th[scope="row"]')?.textContent).toBe('Iris');
    // Spy only where there is open work; Pause not for someone already on a break.
    expect(rows[0]?.textContent).toContain('Spy');
    expect(rows[1]?.textContent).not.toContain('Spy');
    expect(rows[1]?.textContent).not.toContain('Pause');
    expect($$('[data-testid="queue-row"]').map((r) => r.querySelector('th')?.textContent)).toEqual(['Dora']);
    const sl = root.querySelector<HTMLElement>('[data-testid="tile-serviceLevel"]')!;
    expect(sl.dataset.level).toBe('warn');
    expect(sl.textContent).toContain('Warning');
    expect(sl.textContent).toContain('12 answered within 30 s / (15 answered + 3 abandoned) = 66.7 %');
  });

  it('opens the interactions behind a number', async () => {
    const { models, sent } = setup({
      'supervisor.drill': ok({
        campaignId: 'c-fb',
        metric: 'activeFacebook',
        agentId: 'a-iris',
        at: '2026-11-24T12:00:00.000Z',
        total: 0,
        interactions: [],
      }),
    });
    await show(models);
    await click(button('2 — show the open Facebook comments interactions of Iris'));
    await act(() => new Promise((r) => setTimeout(r)));
    expect(sent.at(-1)).toEqual({
      type: 'supervisor.drill',
      input: { campaignId: 'c-fb', metric: 'activeFacebook', agentId: 'a-iris' },
    });
    const dialog = root.querySelector('[data-testid="drill-dialog"]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    expect(dialog.textContent).toContain('Nothing behind this number right now.');
  });

  it('asks before pausing, and shows the answer', async () => {
    const { models, sent } = setup({
      'supervisor.pause': ok({
        agentId: 'a-iris',
        status: 'break',
        breakReason: 'paused by supervisor',
        since: '',
      }),
    });
    await show(models);
    await click(button('Pause Iris'));
    expect(sent).toEqual([]);
    const confirm = root.querySelector('[data-testid="confirm-dialog"]')!;
    expect(confirm.textContent).toContain('Pause Iris?');
    await click(
      [...confirm.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent === 'Pause Iris')!,
    );
    await act(() => new Promise((r) => setTimeout(r)));
    expect(sent).toEqual([{ type: 'supervisor.pause', input: { agentId: 'a-iris' } }]);
    expect(root.querySelector('[data-testid="action-result"]')?.textContent).toContain(
      'Iris is on break: paused by supervisor.',
    );
  });
});
