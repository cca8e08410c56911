import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Page } from '../../shared/api/pages.ts';
import type { RuntimeResult } from '../../shared/runtime-messages.ts';
import type { request } from '../ui/runtime-client.ts';
import { CampaignForm } from './CampaignForm.tsx';
import { CampaignsTable } from './CampaignsTable.tsx';
import { campaign, user } from './campaign-test-fixtures.ts';
import { type CampaignsModel, createCampaignsModel } from './campaigns-model.ts';

// The English catalog, as the browser would answer getMessage, so the DOM reads as admins see it.
const catalog: Record<string, { message: string }> = JSON.parse(
  readFileSync(join(import.meta.dirname, '../public/_locales/en/messages.json'), 'utf8'),
);

const page: Page = {
  id: '1234567890',
  name: 'Café Olé Shoes',
  health: 'active',
  healthReason: null,
  healthCheckedAt: null,
  healthChangedAt: '2026-11-24T00:00:00.000Z',
  humanAgentEnabled: false,
  scopes: [],
};

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

function setup(answers: Record<string, RuntimeResult<unknown>> = {}) {
  const sent: { type: string; input: unknown }[] = [];
  const send = (async (type: string, input?: unknown) => {
    sent.push({ type, input });
    return answers[type] ?? { ok: false, error: { code: 'INTERNAL', message: 'unscripted' } };
  }) as unknown as typeof request;
  const model = createCampaignsModel(send, () => {}, { timeZone: 'America/Lima' });
  return { model, sent };
}

/** What the options page shows in the Campaigns tab, minus the screen's own loading effects. */
function View({ model }: { model: CampaignsModel }) {
  const form = model.form.value;
  return form ? <CampaignForm model={model} form={form} /> : <CampaignsTable model={model} />;
}

const show = (model: CampaignsModel) => act(() => render(<View model={model} />, root));
const $ = <E extends Element = HTMLElement>(selector: string) =>
  root.querySelector<E & HTMLElement>(selector);
const $$ = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];

/** The control a label with exactly this text names, as a person (or Playwright) finds it. */
function byLabel<E extends HTMLElement = HTMLInputElement>(text: string): E {
  // A label's own words: a control it wraps (and that control's options) is not part of its name.
  const words = (l: HTMLElement) => {
    const copy = l.cloneNode(true) as HTMLElement;
    for (const c of copy.querySelectorAll('input, select, textarea')) c.remove();
    return copy.textContent?.trim();
  };
  const label = $$('label').find((l) => words(l) === text);
  if (!label) throw new Error(`No label "${text}"`);
  const control = (label as HTMLLabelElement).htmlFor
    ? root.querySelector(`[id="${(label as HTMLLabelElement).htmlFor}"]`)
    : label.querySelector('input, select, textarea');
  if (!control) throw new Error(`Label "${text}" names no control`);
  return control as E;
}
function button(name: string): HTMLButtonElement {
  const found = $$('button').find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
  if (!found) throw new Error(`No button "${name}"`);
  return found as HTMLButtonElement;
}
async function type(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  await act(() => {
    control.value = value;
    control.dispatchEvent(
      new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
  });
}
const click = (el: HTMLElement) => act(() => el.click());
const settle = () => act(() => new Promise((r) => setTimeout(r)));

describe('the campaigns table', () => {
  it("shows each campaign with its Page's name and ACTIVE TOKEN, and opens it on a click", async () => {
    const { model } = setup({ 'campaigns.list': { ok: true, value: [campaign({ openNow: false })] } });
    await model.load();
    await show(model);
    expect($$('th').map((th) => th.textContent)).toContain('Token');
    const row = $('[data-testid="campaign-row"]')!;
    expect(row.dataset.campaignId).toBe(campaign().id);
    expect(row.dataset.name).toBe('Shoes comments');
    expect(row.textContent).toContain('Café Olé Shoes');
    expect(row.textContent).toContain('Facebook comments');
    expect(row.textContent).toContain('Closed hours');
    expect(row.querySelector('[data-testid="token-badge"]')?.getAttribute('data-health')).toBe('active');
    await click(row.querySelector('td')!);
    expect($('[data-testid="campaign-form"]')).not.toBeNull();
    expect(byLabel<HTMLSelectElement>('Page').disabled).toBe(true);
    expect(byLabel<HTMLSelectElement>('Channel').disabled).toBe(true);
  });

  it("checks the Page's token from the refresh button without opening the campaign", async () => {
    const { model, sent } = setup({
      'campaigns.list': { ok: true, value: [campaign()] },
      'pages.check': { ok: true, value: page },
    });
    await model.load();
    await show(model);
    await click(button('Check the token of Café Olé Shoes now'));
    await settle();
    expect(sent.map((s) => s.type)).toEqual(['campaigns.list', 'pages.check', 'campaigns.list']);
    expect($('[data-testid="campaign-form"]')).toBeNull();
  });

  it('says when there is no campaign yet', async () => {
    const { model } = setup();
    await show(model);
    expect(root.textContent).toContain('No campaign yet');
  });
});

describe('the campaign form', () => {
  it('labels every field and button the way the end-to-end test finds them', async () => {
    const { model } = setup();
    model.users.value = [user('Al')];
    model.openNew();
    await show(model);
    for (const label of [
      'Name',
      'Page',
      'Channel',
      'Strategy',
      'Time zone',
      'Service level (seconds)',
      'Dropout (seconds)',
      'Chat time (seconds)',
      'Maximum customers waiting (ACD)',
      'Maximum interactions per agent',
      'Enabled',
    ])
      expect(byLabel(label)).toBeTruthy();
    expect(button('Add schedule row').textContent).toBe('+');
    expect(button('Remove selected row').textContent).toBe('−');
    for (const name of ['Save', 'Add response', 'Add member']) expect(button(name)).toBeTruthy();
    expect(byLabel('Time zone').value).toBe('America/Lima');
    expect(byLabel('Service level (seconds)').value).toBe('60');
    expect(byLabel<HTMLInputElement>('Enabled').checked).toBe(true);
    expect(root.textContent).toContain('the campaign is always open');
    expect(byLabel<HTMLSelectElement>('Strategy').selectedOptions[0]?.textContent).toBe(
      'ringall — offer to every available member; first to accept takes it',
    );
  });

  it('adds and removes schedule rows, and flags From after To beside the row at once', async () => {
    const { model } = setup();
    model.openNew();
    await show(model);
    await click(button('Add schedule row'));
    await click(button('Add schedule row'));
    const rows = () => $$('[data-testid="schedule-row"]');
    expect(rows()).toHaveLength(2);
    const from = rows()[0]!.querySelector<HTMLInputElement>('input[placeholder="HH:MM"]')!;
    await type(from, '18:00');
    const to = rows()[0]!.querySelectorAll<HTMLInputElement>('input[placeholder="HH:MM"]')[1]!;
    expect(to.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(to.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(described?.textContent).toBe('From must be before To.');
    await click(rows()[0]!.querySelector<HTMLInputElement>('input[type="radio"]')!);
    await click(button('Remove selected row'));
    expect(rows()).toHaveLength(1);
    expect(root.textContent).not.toContain('From must be before To.');
  });

  it('adds, reorders and removes canned responses and members', async () => {
    const { model } = setup();
    model.users.value = [user('Al'), user('Bea')];
    model.openNew();
    await show(model);
    await type(byLabel('New response title'), 'Hello');
    await type(byLabel<HTMLTextAreaElement>('New response text'), 'Hi!');
    await click(button('Add response'));
    await type(byLabel('New response title'), 'Bye');
    await type(byLabel<HTMLTextAreaElement>('New response text'), 'Thanks!');
    await click(button('Add response'));
    await click(button('Move response 2 up'));
    expect($$('[data-testid="canned-row"]').map((r) => r.querySelector('input')?.value)).toEqual([
      'Bye',
      'Hello',
    ]);
    await click(button('Add member'));
    await click(button('Add member'));
    expect(root.textContent).toContain('Every active agent is already a member');
    await click(button('Move Bea up'));
    const members = () =>
      $$('[data-testid="member-row"]').map((r) => `${r.dataset.position}:${r.dataset.userId}`);
    expect(members()).toEqual(['0:u-bea', '1:u-al']);
    await click(button('Remove Bea'));
    expect(members()).toEqual(['0:u-al']);
    expect(byLabel<HTMLSelectElement>('Agent').value).toBe('u-bea');
  });

  it("creates the campaign, or shows the server's messages beside the fields", async () => {
    const { model, sent } = setup({
      'campaigns.create': {
        ok: false,
        error: {
          code: 'CONFLICT',
          message: 'This Page already has a facebook campaign.',
          fields: [{ path: 'body.channel', message: 'Pick the other channel.' }],
        },
      },
    });
    model.pages.value = [page];
    model.openNew();
    await show(model);
    await click(button('Save'));
    expect(sent).toEqual([]);
    expect($('[role="alert"]')?.textContent).toBe(
      'Some fields need attention: see the messages beside them.',
    );
    await type(byLabel('Name'), 'Shoes');
    await type(byLabel<HTMLSelectElement>('Page'), page.id);
    await act(() => $<HTMLFormElement>('form')!.requestSubmit());
    await settle();
    expect(sent[0]?.type).toBe('campaigns.create');
    expect($('[role="alert"]')?.textContent).toBe('This Page already has a facebook campaign.');
    const channel = byLabel<HTMLSelectElement>('Channel');
    expect(document.getElementById(channel.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Pick the other channel.',
    );
  });
});
