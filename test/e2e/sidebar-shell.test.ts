import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, logInToOptions } from '../harness/browser.ts';
import { type FakeFacebook, startFakeFacebook } from '../harness/fake-facebook.ts';
import { startWorld, type World } from '../harness/sandbox-world.ts';
import { screenshot } from '../harness/screenshots.ts';

let w: World;
let facebook: FakeFacebook;
let browser: ExtensionBrowser;
let post: { id: string };
const AGENT = { email: 'vera@example.test', password: 'agent password 1' };

beforeAll(async () => {
  [w, facebook] = await Promise.all([startWorld(), startFakeFacebook()]);
  const admin = await w.login();
  const page = await w.control<{ id: string; access_token: string }>('POST', '/pages', {
    name: 'Shell Shop',
  });
  await w.api('POST', '/api/pages/import-token', admin, { accessToken: page.access_token });
  post = await w.control('POST', `/pages/${page.id}/posts`, { message: 'Winter boots' });
  const agent = await (
    await w.api('POST', '/api/users', admin, { ...AGENT, name: 'Vera Agent', role: 'agent' })
  ).json();
  await w.api('POST', '/api/campaigns', admin, {
    name: 'Boot comments',
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

const FRAME = 'iframe[data-pagedesk="sidebar"]';
const frameWidth = async (page: Page) => (await page.locator(FRAME).boundingBox())?.width ?? 0;
const sidebarFrame = (page: Page): Frame | undefined =>
  page.frames().find((f) => f.url().endsWith('/sidebar.html'));

/** The parts of the extension API the tests read in the service worker. */
type Chrome = {
  tabs: {
    query(q: { url: string }): Promise<{ id?: number }[]>;
    sendMessage(id: number, m: unknown): Promise<unknown>;
  };
  action: { getBadgeText(d: object): Promise<string> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
};
type ChromeStorage = {
  storage: { local: { set(v: object): Promise<void>; get(k: string): Promise<Record<string, unknown>> } };
};
const worker = (b: ExtensionBrowser) => b.context.serviceWorkers()[0]!;

/**
 * What the background does for the keyboard shortcut: message the tab's content script. (Headless
 * Chromium binds no suggested key and CDP key presses never reach browser accelerators.)
 */
async function sendShortcutCommand(b: ExtensionBrowser) {
  await worker(b).evaluate(async () => {
    const { tabs } = (globalThis as unknown as { chrome: Chrome }).chrome;
    const [tab] = await tabs.query({ url: 'https://www.facebook.com/*' });
    await tabs.sendMessage(tab!.id!, { type: 'pagedesk.sidebar', action: 'toggle' });
  });
}
const badge = (b: ExtensionBrowser) =>
  worker(b).evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({}));
const notifications = (b: ExtensionBrowser) =>
  worker(b).evaluate(async () =>
    Object.keys(await (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll()),
  );

describe('the sidebar on facebook.com', () => {
  it('toggles, keeps its width across a reload, follows the post shown and survives in-page navigation', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.facebook.com/inboxshop');
    await page.locator(FRAME).waitFor({ timeout: 15_000 });
    const sidebar = page.frameLocator(FRAME);
    await sidebar.getByRole('button', { name: 'Log in' }).waitFor();

    // The toggle button and the shortcut's command both hide and show it.
    // Closed, the frame is kept (opening only shows it) but hidden, inert and out of the a11y tree.
    await page.getByRole('button', { name: 'Hide the Pagedesk sidebar' }).click();
    await page.locator(FRAME).waitFor({ state: 'hidden' });
    const panel = page.locator('pagedesk-sidebar .panel');
    expect(await panel.evaluate((p) => (p as HTMLElement).inert && p.getAttribute('aria-hidden'))).toBe(
      'true',
    );
    await sendShortcutCommand(browser);
    await page.locator(FRAME).waitFor();
    expect(await page.getByRole('button', { name: 'Hide the Pagedesk sidebar' }).count()).toBe(1);

    // Drag the left edge 120 px to the left: 380 → 500 px, remembered across a reload.
    expect(await frameWidth(page)).toBe(380);
    const handle = page.getByRole('separator', { name: 'Resize the Pagedesk sidebar' });
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 300);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 60, box.y + 300, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + 300, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => frameWidth(page)).toBe(500);
    // The page under the sidebar was neither reflowed nor covered outside the sidebar.
    expect(await page.evaluate(() => document.body.getBoundingClientRect().width)).toBe(1280);
    await page.reload();
    await page.locator(FRAME).waitFor();
    await expect.poll(() => frameWidth(page)).toBe(500);
    await screenshot(page, 'sidebar-resized');

    // Facebook navigates in-page: the sidebar hears which post is shown, from facebook.com only.
    await sidebar.getByRole('button', { name: 'Log in' }).waitFor();
    await expect.poll(() => sidebarFrame(page) !== undefined).toBe(true);
    await sidebarFrame(page)!.evaluate(() => {
      const heard: unknown[] = [];
      (window as unknown as { heard: unknown[] }).heard = heard;
      window.addEventListener('message', (e) => heard.push({ origin: e.origin, data: e.data }));
    });
    await page.evaluate(() => history.pushState({}, '', '/inboxshop/posts/123456789'));
    await expect
      .poll(() => sidebarFrame(page)!.evaluate(() => (window as unknown as { heard: unknown[] }).heard))
      .toContainEqual({
        origin: 'https://www.facebook.com',
        data: { type: 'pagedesk.location', postId: '123456789' },
      });

    // ...and then React rewrites the whole document: the sidebar comes back, at its width.
    await page.evaluate(() => {
      history.pushState({}, '', '/inboxshop/posts/987654321');
      const body = document.createElement('body');
      const main = document.createElement('main');
      main.id = 'feed';
      main.textContent = 'Another post';
      body.append(main);
      document.documentElement.replaceChildren(document.head, body);
    });
    expect(await page.locator('main#feed').textContent()).toBe('Another post');
    await expect.poll(() => page.locator('pagedesk-sidebar').count()).toBe(1);
    await sidebar.getByRole('button', { name: 'Log in' }).waitFor();
    expect(await frameWidth(page)).toBe(500);
    await page.close();
  });

  it('counts waiting work on the badge, notifies it, and a sidebar opened later shows it', async () => {
    const options = await logInToOptions(browser, w.backend.url, AGENT);
    await expect.poll(() => options.getByTestId('current-user-name').textContent()).toBe('Vera Agent');
    const page = await browser.context.newPage();
    await page.goto('https://www.facebook.com/shellshop');
    const sidebar = page.frameLocator(FRAME);
    await sidebar.getByText('Nothing waiting for you').waitFor({ timeout: 15_000 });
    expect(await badge(browser)).toBe('');
    await page.getByRole('button', { name: 'Hide the Pagedesk sidebar' }).click();
    await page.locator(FRAME).waitFor({ state: 'hidden' });

    // Routed while the sidebar is closed: the background hears it (and the hidden sidebar).
    await w.control('POST', `/posts/${post.id}/comments`, {
      customer: { name: 'Olga Customer' },
      message: 'Are these waterproof?',
    });
    await expect.poll(() => badge(browser), { timeout: 10_000 }).toBe('1');
    // The badge is set first, the notification a moment later (WorkAlerts.update).
    await expect.poll(async () => (await notifications(browser)).length).toBe(1);

    // The sidebar opened now starts from the present, not from the login's snapshot.
    await page.getByRole('button', { name: 'Show the Pagedesk sidebar' }).click();
    const item = sidebar.getByTestId('inbox-item');
    await item.waitFor({ timeout: 10_000 });
    expect(await item.textContent()).toContain('Olga Customer');

    // Closed while an interaction is open, the sidebar goes back to its inbox (nobody sees this
    // agent "viewing" what they closed), and shows the inbox when opened again.
    const back = sidebar.getByRole('button', { name: 'Back to inbox' });
    await item.locator('.inbox-open').click();
    await back.waitFor();
    await page.getByRole('button', { name: 'Hide the Pagedesk sidebar' }).click();
    await expect.poll(() => back.count()).toBe(0);
    await page.getByRole('button', { name: 'Show the Pagedesk sidebar' }).click();
    await item.waitFor();

    // A notification clicked while the sidebar is closed: its hidden frame leaves the request to
    // a shown sidebar, and opens that interaction once it is shown.
    const agentToken = await w.login(AGENT.email, AGENT.password);
    const work = await (await w.api('GET', '/api/agent/work', agentToken)).json();
    const interactionId = (work.interactions as { id: string }[])[0]!.id;
    await page.getByRole('button', { name: 'Hide the Pagedesk sidebar' }).click();
    await page.locator(FRAME).waitFor({ state: 'hidden' });
    await page.waitForTimeout(300); // the frame's IntersectionObserver has seen it hidden
    const openRequest = (action: 'set' | 'get', id?: string) =>
      worker(browser).evaluate(
        async ([action, id]) => {
          const { storage } = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
          if (action === 'set')
            await storage.local.set({ 'pagedesk.openInteraction': { id, at: Date.now() } });
          return (await storage.local.get('pagedesk.openInteraction'))['pagedesk.openInteraction'] ?? null;
        },
        [action, id] as const,
      );
    await openRequest('set', interactionId);
    await page.waitForTimeout(300);
    expect(await openRequest('get')).not.toBeNull();
    await page.getByRole('button', { name: 'Show the Pagedesk sidebar' }).click();
    await back.waitFor();
    expect(await openRequest('get')).toBeNull();
    await back.click();
    await item.waitFor();

    // Completing it empties the badge and takes the notification down; logging out clears all.
    await item.getByRole('button', { name: 'Complete' }).click();
    await expect.poll(() => badge(browser)).toBe('');
    expect(await notifications(browser)).toEqual([]);
    await options.getByRole('button', { name: 'Log out', exact: true }).click();
    await options.getByRole('button', { name: 'Log in' }).waitFor();
    expect(await badge(browser)).toBe('');
  });
});
