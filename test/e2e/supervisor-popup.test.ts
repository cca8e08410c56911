import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, logInToOptions } from '../harness/browser.ts';
import { type FakeFacebook, startFakeFacebook } from '../harness/fake-facebook.ts';
import { eventually, startWorld, WORLD_ADMIN, type World } from '../harness/sandbox-world.ts';
import { screenshot } from '../harness/screenshots.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SUPERVISOR = { email: 'sue@example.test', password: 'supervisor password 1' };
const AGENT = { email: 'iris@example.test', password: 'agent password 1' };

let w: World;
let facebook: FakeFacebook;
/** Two browsers: one extension holds one session, and the agent and the supervisor are two people. */
let supervisorBrowser: ExtensionBrowser;
let agentBrowser: ExtensionBrowser;
let admin: string;
let fbPage: { id: string; access_token: string };
let post: { id: string };
let comment: { id: string };
let popup: Page;
let fb: Page;

/**
 * axe-core's serious and critical findings on a page or frame. Extension pages forbid inline
 * scripts (CSP), which may refuse the injected tag: then the engine is evaluated through the
 * debugging protocol instead, which CSP does not govern.
 */
async function seriousViolations(target: Page | Frame): Promise<string[]> {
  await target.addScriptTag({ content: AXE_SOURCE }).catch(() => undefined);
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(AXE_SOURCE);
  const violations = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run(document);
    return result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const sidebar = () => fb.frameLocator('iframe[data-pagedesk="sidebar"]');
const sidebarFrame = () => fb.frames().find((f) => f.url().includes('sidebar.html'))!;
const irisRow = () => popup.locator('[data-testid="board-agent-row"]', { hasText: 'Iris Agent' });

beforeAll(async () => {
  [w, facebook] = await Promise.all([startWorld(), startFakeFacebook()]);
  admin = await w.login();
  fbPage = await w.control('POST', '/pages', { name: 'Monitor Shop' });
  await w.api('POST', '/api/pages/import-token', admin, { accessToken: fbPage.access_token });
  post = await w.control('POST', `/pages/${fbPage.id}/posts`, { message: 'Winter boots are in' });
  const user = async (name: string, role: string, login: { email: string; password: string }) =>
    (await (await w.api('POST', '/api/users', admin, { ...login, name, role })).json()) as { id: string };
  const agent = await user('Iris Agent', 'agent', AGENT);
  const supervisor = await user('Sue Supervisor', 'supervisor', SUPERVISOR);
  const created = await w.api('POST', '/api/campaigns', admin, {
    name: 'Shop comments',
    pageId: fbPage.id,
    channel: 'facebook',
    strategy: 'linear',
    members: [{ userId: agent.id, penalty: 0, position: 0 }],
    supervisorIds: [supervisor.id],
  });
  expect(created.status).toBe(201);
  [supervisorBrowser, agentBrowser] = await Promise.all([
    launchWithExtension(),
    launchWithExtension({ facebookPort: facebook.port }),
  ]);
});
afterAll(async () => {
  await supervisorBrowser?.close();
  await agentBrowser?.close();
  await facebook?.close();
  await w?.stop();
});

describe("the supervisor's popup, with an agent working in the sidebar", () => {
  it('shows the agent go from available to busy within a second of an assignment', async () => {
    const options = await logInToOptions(supervisorBrowser, w.backend.url, SUPERVISOR);
    await options.getByTestId('current-user-name').waitFor();
    await options.close();
    popup = await supervisorBrowser.context.newPage();
    await popup.goto(supervisorBrowser.url('popup.html'));
    await irisRow().waitFor({ timeout: 15_000 });
    expect(await irisRow().getAttribute('data-status')).toBe('offline');

    // The agent logs in on facebook.com, in their own browser.
    const settings = await agentBrowser.context.newPage();
    await settings.goto(agentBrowser.url('options.html'));
    await settings.getByLabel('Backend URL').fill(w.backend.url);
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.close();
    fb = await agentBrowser.context.newPage();
    await fb.goto('https://www.facebook.com/monitorshop');
    await sidebar().getByLabel('Email').fill(AGENT.email);
    await sidebar().getByLabel('Password').fill(AGENT.password);
    await sidebar().getByRole('button', { name: 'Log in' }).click();
    await expect
      .poll(() => sidebar().getByTestId('agent-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('available');
    await expect.poll(() => irisRow().getAttribute('data-status'), { timeout: 5_000 }).toBe('available');

    comment = await w.control('POST', `/posts/${post.id}/comments`, {
      customer: { name: 'Dora Customer' },
      message: 'Do you ship to Porto?',
    });
    const assignedAt = await eventually(async () => {
      const [row] = await w.backend.store.withSession((s) =>
        s.query<{ assigned_at: Date | null }>('select assigned_at from interactions'),
      );
      return row?.assigned_at ?? undefined;
    });
    await expect
      .poll(() => irisRow().getAttribute('data-status'), { timeout: 5_000, interval: 25 })
      .toBe('busy');
    const lag = Date.now() - new Date(assignedAt).getTime();
    expect(lag).toBeLessThan(1_000);
    expect(await irisRow().textContent()).toContain('Busy');
    await sidebar().getByTestId('inbox-item').waitFor({ timeout: 10_000 });
    // Time in status ticks on its own.
    const first = await irisRow().getByTestId('agent-time-in-status').textContent();
    await expect
      .poll(() => irisRow().getByTestId('agent-time-in-status').textContent(), { timeout: 4_000 })
      .not.toBe(first);
    await screenshot(popup, 'supervisor-popup-board');
    expect(await seriousViolations(popup)).toEqual([]);
    expect(await seriousViolations(sidebarFrame())).toEqual([]);
  });

  it("drills into a number and shows the agent's info", async () => {
    await popup.getByTestId('tile-waiting').getByRole('button').click();
    const drill = popup.getByTestId('drill-dialog');
    await drill.waitFor();
    await drill.getByTestId('drill-count').waitFor();
    await drill.getByRole('button', { name: 'Close' }).click();
    await drill.waitFor({ state: 'detached' });

    await irisRow().getByRole('button', { name: 'Info on Iris Agent' }).click();
    const info = popup.getByTestId('info-dialog');
    await info.getByText(AGENT.email).waitFor();
    expect(await info.getByTestId('info-status').textContent()).toContain('Busy');
    expect(await info.getByTestId('interaction-row').count()).toBe(1);
    await info.getByRole('button', { name: 'Close' }).click();
  });

  it("spies on the agent's interaction: a new customer message shows up live, read-only", async () => {
    await irisRow().getByRole('button', { name: 'Spy on Iris Agent' }).click();
    const spy = popup.getByTestId('spy-dialog');
    await spy.getByText('Do you ship to Porto?').waitFor({ timeout: 10_000 });
    expect(await spy.locator('textarea, input[type="text"]').count()).toBe(0);

    await w.control('POST', `/posts/${post.id}/comments`, {
      customer: { name: 'Dora Customer' },
      message: 'And to Lisbon too?',
      parentId: comment.id,
    });
    await spy.getByText('And to Lisbon too?').waitFor({ timeout: 10_000 });
    await screenshot(popup, 'supervisor-popup-spy');
    expect(await seriousViolations(popup)).toEqual([]);
    await spy.getByRole('button', { name: 'Close' }).click();
    await spy.waitFor({ state: 'detached' });
  });

  it("pauses the agent: the agent's sidebar shows the break at once", async () => {
    await irisRow().getByRole('button', { name: 'Pause Iris Agent' }).click();
    const confirm = popup.getByTestId('confirm-dialog');
    await confirm.getByRole('button', { name: 'Pause Iris Agent' }).click();
    await popup.getByTestId('action-result').getByText('paused by supervisor', { exact: false }).waitFor();
    await expect
      .poll(() => sidebar().getByTestId('agent-status').getAttribute('data-status'), { timeout: 5_000 })
      .toBe('break');
    expect(await sidebar().getByTestId('agent-status').textContent()).toContain('paused by supervisor');
    await expect.poll(() => irisRow().getAttribute('data-status')).toBe('break');
    // The work the agent holds stays with them.
    expect(await sidebar().getByTestId('inbox-item').count()).toBe(1);
    await popup.getByTestId('action-result').getByRole('button', { name: 'Close' }).click();
  });

  it('logs the agent out: the sidebar asks them to log in again and their unanswered work is queued', async () => {
    await irisRow().getByRole('button', { name: 'Log out Iris Agent' }).click();
    await popup.getByTestId('confirm-dialog').getByRole('button', { name: 'Log out Iris Agent' }).click();
    const counts = popup.getByTestId('logout-counts');
    await counts.waitFor();
    expect(await counts.textContent()).toContain('Back to the queue: 1');
    await sidebar().getByLabel('Email').waitFor({ timeout: 10_000 });
    await expect.poll(() => irisRow().getAttribute('data-status'), { timeout: 5_000 }).toBe('offline');
    await popup.getByTestId('action-result').getByRole('button', { name: 'Close' }).click();
    await popup.getByTestId('queue-row').filter({ hasText: 'Dora Customer' }).waitFor({ timeout: 5_000 });
    await screenshot(popup, 'supervisor-popup-after-logout');
  });

  it('finds the interaction in recordings by text and date, with its whole transcript', async () => {
    await popup.getByRole('tab', { name: 'Recordings' }).click();
    const today = await popup.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await popup.getByLabel('From (day)').fill(today);
    await popup.getByLabel('To (day, included)').fill(today);
    await popup.getByLabel('Campaign').selectOption({ label: 'Shop comments' });
    await popup.getByLabel('Text or customer name').fill('Lisbon');
    await popup.getByRole('button', { name: 'Search' }).click();
    const item = popup.getByTestId('recording-item');
    await item.waitFor({ timeout: 10_000 });
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain('Dora Customer');
    await screenshot(popup, 'supervisor-popup-recordings');
    expect(await seriousViolations(popup)).toEqual([]);

    await item.getByRole('button', { name: 'Open transcript of Dora Customer' }).click();
    const transcript = popup.getByTestId('recording-transcript');
    await transcript.getByText('And to Lisbon too?').waitFor();
    expect(await transcript.getByTestId('transcript-message').count()).toBe(2);
    await screenshot(popup, 'supervisor-popup-transcript');
    await transcript.getByRole('button', { name: 'Back to results' }).click();

    const download = popup.waitForEvent('download');
    await popup.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv).toContain('And to Lisbon too?');
    await popup.getByText('Exported 1 interactions.').waitFor();
  });

  it('opens as a full tab for a wall screen', async () => {
    await popup.getByRole('tab', { name: 'Live board' }).click();
    const opened = supervisorBrowser.context.waitForEvent('page');
    await popup.getByTestId('open-as-tab').click();
    const wall = await opened;
    await wall.waitForURL(/popup\.html\?view=tab$/);
    await wall.locator('main.wall').getByTestId('board-agent-row').waitFor();
    expect(await wall.getByTestId('open-as-tab').count()).toBe(0);
    await screenshot(wall, 'supervisor-wall-screen');
    expect(await seriousViolations(wall)).toEqual([]);
    await wall.close();
  });

  it('shows the admin the audit log of those actions, and the supervisors picker', async () => {
    const options = await supervisorBrowser.context.newPage();
    await options.goto(supervisorBrowser.url('options.html'));
    await options.getByRole('button', { name: 'Log out', exact: true }).click();
    await options.getByLabel('Email').fill(WORLD_ADMIN.email);
    await options.getByLabel('Password').fill(WORLD_ADMIN.password);
    await options.getByRole('button', { name: 'Log in' }).click();
    await options.getByRole('tab', { name: 'Audit' }).click();
    const rows = options.getByTestId('audit-row');
    await rows.first().waitFor();
    const actions = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')));
    expect(actions).toEqual(['logout', 'pause', 'spy', 'info']);
    expect(await rows.first().textContent()).toContain('Sue Supervisor');
    await screenshot(options, 'options-audit');
    expect(await seriousViolations(options)).toEqual([]);

    await options.getByRole('tab', { name: 'Campaigns' }).click();
    await options.getByTestId('campaign-row').first().locator('td').first().click();
    const picker = options.getByTestId('supervisors-editor');
    await picker.getByText('Sue Supervisor').waitFor();
    expect(await seriousViolations(options)).toEqual([]);
  });
});
