import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../harness/browser.ts';
import { type FakeFacebook, startFakeFacebook } from '../harness/fake-facebook.ts';
import { startWorld, type World } from '../harness/sandbox-world.ts';
import { screenshot } from '../harness/screenshots.ts';

let w: World;
let facebook: FakeFacebook;
let browser: ExtensionBrowser;
let page: { id: string; access_token: string };
let post: { id: string };

beforeAll(async () => {
  [w, facebook] = await Promise.all([startWorld(), startFakeFacebook()]);
  const admin = await w.login();
  page = await w.control('POST', '/pages', { name: 'Inbox Shop' });
  await w.api('POST', '/api/pages/import-token', admin, { accessToken: page.access_token });
  post = await w.control('POST', `/pages/${page.id}/posts`, { message: 'New arrivals' });
  const agent = await (
    await w.api('POST', '/api/users', admin, {
      email: 'iris@example.test',
      name: 'Iris Agent',
      role: 'agent',
      password: 'agent password 1',
    })
  ).json();
  await w.api('POST', '/api/campaigns', admin, {
    name: 'Shop comments',
    pageId: page.id,
    channel: 'facebook',
    strategy: 'linear',
    members: [{ userId: agent.id, penalty: 0, position: 0 }],
  });
  browser = await launchWithExtension({ facebookPort: facebook.port });
});
afterAll(async () => {
  await browser?.close();
  await facebook?.close();
  await w?.stop();
});

describe("the agent's sidebar inbox on facebook.com", () => {
  it("shows a customer's comment the moment it is routed, ticking, and completes it", async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.url('options.html'));
    await options.getByLabel('Backend URL').fill(w.backend.url);
    await options.getByRole('button', { name: 'Save' }).click();
    await options.close();

    const fb = await browser.context.newPage();
    await fb.goto('https://www.facebook.com/inboxshop');
    const sidebar = fb.frameLocator('iframe[data-pagedesk="sidebar"]');
    await sidebar.getByLabel('Email').fill('iris@example.test');
    await sidebar.getByLabel('Password').fill('agent password 1');
    await sidebar.getByRole('button', { name: 'Log in' }).click();
    // Logging in connects the socket, which makes the agent available.
    await expect
      .poll(() => sidebar.getByTestId('agent-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('available');
    await sidebar.getByText('Nothing waiting for you').waitFor();

    await w.control('POST', `/posts/${post.id}/comments`, {
      customer: { name: 'Dora Customer' },
      message: 'Do you ship to Porto?',
    });
    const item = sidebar.getByTestId('inbox-item');
    await item.waitFor({ timeout: 10_000 });
    expect(await item.textContent()).toContain('Dora Customer');
    expect(await item.textContent()).toContain('Shop comments · Inbox Shop');
    const first = await item.locator('.inbox-wait').textContent();
    await expect.poll(() => item.locator('.inbox-wait').textContent(), { timeout: 4_000 }).not.toBe(first);
    await screenshot(fb, 'sidebar-inbox');

    await sidebar.getByLabel('Break reason').fill('Coffee');
    await sidebar.getByRole('button', { name: 'Take a break' }).click();
    await expect.poll(() => sidebar.getByTestId('agent-status').getAttribute('data-status')).toBe('break');
    expect(await sidebar.getByTestId('agent-status').textContent()).toContain('Coffee');

    await item.getByRole('button', { name: 'Complete' }).click();
    await sidebar.getByText('Nothing waiting for you').waitFor();
    const [row] = await w.backend.store.withSession((s) =>
      s.query<{ state: string }>('select state from interactions'),
    );
    expect(row?.state).toBe('completed');
  });
});
