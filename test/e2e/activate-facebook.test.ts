import type { Page as PwPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, logInToOptions } from '../harness/browser.ts';
import { eventually, startWorld, WORLD_ADMIN, type World } from '../harness/sandbox-world.ts';
import { screenshot } from '../harness/screenshots.ts';

let w: World;
let browser: ExtensionBrowser;
let page: { id: string; name: string };

beforeAll(async () => {
  w = await startWorld();
  page = await w.control('POST', '/pages', { name: 'Café Olé Shoes' });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await w?.stop();
});

let loggedIn: PwPage | undefined;

/** The options page, logged in as the admin (once: the extension keeps the session). */
async function openOptionsAsAdmin(): Promise<PwPage> {
  if (loggedIn) return loggedIn;
  const options = await logInToOptions(browser, w.backend.url, WORLD_ADMIN);
  await options.getByRole('heading', { name: 'Pages' }).waitFor();
  loggedIn = options;
  return options;
}

/** Clicks "Activate with Facebook" (or Re-activate), approves in the dialog window, picks the Page. */
async function activateThroughDialog(options: PwPage, button: string) {
  const dialogOpened = browser.context.waitForEvent('page');
  await options.getByRole('button', { name: button }).first().click();
  const dialog = await dialogOpened;
  await dialog.waitForLoadState();
  expect(dialog.url()).toContain('/dialog/oauth');
  await dialog.getByText('pages_messaging').waitFor();
  await dialog.getByRole('button', { name: 'Continue' }).click();
  const panel = options.getByTestId('activation-panel');
  await panel.getByText(page.name).waitFor({ timeout: 15_000 });
  await panel.getByLabel(new RegExp(page.name)).check();
  await panel.getByRole('button', { name: 'Link this Page' }).click();
}

const badge = (options: PwPage) =>
  options.locator(`[data-testid="page-row"][data-page-id="${page.id}"] [data-testid="token-badge"]`);

describe('Activate with Facebook, in the browser', () => {
  it('links a Page through the Login dialog window and shows ACTIVE TOKEN green, then red when it dies', async () => {
    const options = await openOptionsAsAdmin();
    await expect.poll(() => options.getByText('No Page is linked yet').count()).toBe(1);
    await activateThroughDialog(options, 'Activate with Facebook');
    await options.getByText(`Linked ${page.name}`).waitFor();
    await expect.poll(() => badge(options).getAttribute('data-health')).toBe('active');
    await screenshot(options, 'options-pages-active');

    // The token dies on Facebook's side; a health check (here: asked by the API) is pushed live.
    await w.control('POST', `/pages/${page.id}/invalidate`, { subcode: 460 });
    const admin = await w.login();
    await w.api('POST', `/api/pages/${page.id}/check`, admin);
    await expect.poll(() => badge(options).getAttribute('data-health'), { timeout: 10_000 }).toBe('invalid');
    expect(await options.locator(`[data-page-id="${page.id}"]`).textContent()).toMatch(
      /Re-activate the Page/,
    );
    await screenshot(options, 'options-pages-invalid');

    // Re-activating the same Page turns it green again, keeping everything.
    await activateThroughDialog(options, 'Reactivate');
    await expect.poll(() => badge(options).getAttribute('data-health')).toBe('active');
    const rows = await eventually(async () => (await w.api('GET', '/api/pages', admin)).json());
    expect(rows.pages).toHaveLength(1);
  });

  it('explains a cancelled dialog in the options page', async () => {
    const options = await openOptionsAsAdmin();
    const dialogOpened = browser.context.waitForEvent('page');
    await options.getByRole('button', { name: 'Activate with Facebook' }).click();
    const dialog = await dialogOpened;
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await options.getByText('You cancelled the Facebook dialog').waitFor({ timeout: 15_000 });
  });
});
