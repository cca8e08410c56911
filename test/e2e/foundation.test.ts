import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../harness/browser.ts';
import { E2E_ADMIN, startE2eBackend } from '../harness/e2e-backend.ts';
import { type FakeFacebook, startFakeFacebook } from '../harness/fake-facebook.ts';
import { screenshot } from '../harness/screenshots.ts';

let backend: Awaited<ReturnType<typeof startE2eBackend>>;
let facebook: FakeFacebook;
let browser: ExtensionBrowser;

beforeAll(async () => {
  [backend, facebook] = await Promise.all([startE2eBackend(), startFakeFacebook()]);
  browser = await launchWithExtension({ facebookPort: facebook.port });
});
afterAll(async () => {
  await browser?.close();
  await facebook?.close();
  await backend?.stop();
});

const AGENT = { name: 'Ada Agent', email: 'ada@example.test', password: 'ada password 123' };

describe('foundation, as a new user would use it', () => {
  it('the admin logs in from the options page, creates an agent and sees it listed', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.url('options.html'));
    await page.getByLabel('Backend URL').fill(backend.url);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByLabel('Email').fill(E2E_ADMIN.email);
    await page.getByLabel('Password').fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByTestId('current-user-name').textContent()).toBe('Administrator');
    await page.getByRole('tab', { name: 'Users' }).click();

    const form = page.getByRole('form', { name: 'Create a user' });
    await form.getByLabel('Name').fill(AGENT.name);
    await form.getByLabel('Email').fill(AGENT.email);
    await form.getByLabel('Role').selectOption('agent');
    await form.getByLabel('Initial password').fill(AGENT.password);
    await form.getByRole('button', { name: 'Create' }).click();

    const row = page.locator(`[data-testid="user-row"][data-email="${AGENT.email}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(AGENT.name);
    expect(await row.locator('select').inputValue()).toBe('agent');
    await screenshot(page, 'options-users');

    // A bad input is refused with the backend's message beside the field, and nothing is lost.
    await form.getByLabel('Name').fill('Dup');
    await form.getByLabel('Email').fill(AGENT.email);
    await form.getByLabel('Initial password').fill(AGENT.password);
    await form.getByRole('button', { name: 'Create' }).click();
    await form.getByText('This email is already used.').waitFor();
    expect(await page.locator('[data-testid="user-row"]').count()).toBe(2);

    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await page.close();
  });

  it('on facebook.com the sidebar is injected and shows the agent after they log in', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.facebook.com/somepage/posts/1');
    const frameElement = page.locator('iframe[data-pagedesk="sidebar"]');
    await frameElement.waitFor({ timeout: 15_000 });
    const sidebar = page.frameLocator('iframe[data-pagedesk="sidebar"]');
    await sidebar.getByLabel('Email').fill(AGENT.email);
    await sidebar.getByLabel('Password').fill(AGENT.password);
    await sidebar.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => sidebar.getByTestId('current-user-name').textContent()).toBe(AGENT.name);
    // The page under the sidebar is intact.
    expect(await page.locator('main#feed h1').textContent()).toBe('Test page');
    await screenshot(page, 'sidebar-on-facebook');

    // The popup shows the same logged-in agent.
    const popup = await browser.context.newPage();
    await popup.goto(browser.url('popup.html'));
    await expect.poll(() => popup.getByTestId('current-user-name').textContent()).toBe(AGENT.name);

    // The toggle hides the sidebar (its frame is kept, hidden), and the choice survives a reload.
    await page.getByRole('button', { name: 'Hide the Pagedesk sidebar' }).click();
    await frameElement.waitFor({ state: 'hidden' });
    await page.reload();
    await page.getByRole('button', { name: 'Show the Pagedesk sidebar' }).waitFor();
    expect(await page.locator('iframe[data-pagedesk="sidebar"]').isVisible()).toBe(false);
  });
});
