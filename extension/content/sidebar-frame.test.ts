import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { OPEN_INTERACTION_KEY } from './sidebar-command.ts';
import { mountSidebar } from './sidebar-frame.ts';

// happy-dom loads no iframe pages and logs a NotSupportedError for each sidebar frame: expected noise.
let ctx: ContentScriptContext;
const host = () => document.querySelector<HTMLElement>('pagedesk-sidebar');
const shadow = () => host()!.shadowRoot!;
const frame = () => shadow().querySelector('iframe');
const toggle = () => shadow().querySelector('button')!;
const handle = () => shadow().querySelector<HTMLElement>('[role="separator"]')!;
const panel = () => shadow().querySelector<HTMLElement>('.panel')!;
/** Closed: the frame is kept (loaded, so opening only shows it) but hidden, inert and out of the a11y tree. */
const closed = () => panel().hidden && panel().inert && panel().getAttribute('aria-hidden') === 'true';

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => `msg:${key}`);
  ctx = new ContentScriptContext('facebook-test');
});
afterEach(() => {
  ctx.abort();
  vi.restoreAllMocks();
});

describe('the sidebar on facebook.com', () => {
  it('opens by default at the default width, in a shadow root on <html>, outside the page', async () => {
    await mountSidebar(ctx);
    expect(host()?.parentElement).toBe(document.documentElement);
    expect(frame()?.getAttribute('src')).toBe('chrome-extension://test-extension-id/sidebar.html');
    expect(frame()?.getAttribute('data-pagedesk')).toBe('sidebar');
    expect(toggle().getAttribute('aria-label')).toBe('msg:hideSidebar');
    expect(host()!.style.getPropertyValue('--pagedesk-width')).toBe('380px');
    expect(handle().getAttribute('aria-valuenow')).toBe('380');
    expect(closed()).toBe(false);
    expect(panel().hasAttribute('aria-hidden')).toBe(false);
  });

  it('remembers being closed and the chosen width', async () => {
    await fakeBrowser.storage.local.set({ sidebarOpen: false, sidebarWidth: 9000 });
    await mountSidebar(ctx);
    const kept = frame();
    expect(kept?.getAttribute('src')).toBe('chrome-extension://test-extension-id/sidebar.html');
    expect(closed()).toBe(true);
    expect(toggle().getAttribute('aria-pressed')).toBe('false');
    expect(host()!.style.getPropertyValue('--pagedesk-width')).toBe('640px');
    toggle().click();
    expect(closed()).toBe(false);
    expect(frame()).toBe(kept); // shown, not loaded anew
    expect(await fakeBrowser.storage.local.get('sidebarOpen')).toEqual({ sidebarOpen: true });
  });

  it('resizes from the keyboard on its handle and stores the width', async () => {
    await mountSidebar(ctx);
    const key = new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, cancelable: true });
    handle().dispatchEvent(key);
    expect(key.defaultPrevented).toBe(true);
    expect(handle().getAttribute('aria-valuenow')).toBe('396');
    expect(await fakeBrowser.storage.local.get('sidebarWidth')).toEqual({ sidebarWidth: 396 });
  });

  it('opens for a notification clicked a moment ago even when the agent had closed it', async () => {
    await fakeBrowser.storage.local.set({
      sidebarOpen: false,
      [OPEN_INTERACTION_KEY]: { id: 'i1', at: Date.now() - 1_000 },
    });
    await mountSidebar(ctx);
    expect(closed()).toBe(false);
  });

  it('toggles on the command the background sends for the keyboard shortcut', async () => {
    await mountSidebar(ctx);
    await fakeBrowser.runtime.sendMessage({ type: 'pagedesk.sidebar', action: 'toggle' });
    expect(closed()).toBe(true);
    await fakeBrowser.runtime.sendMessage({ type: 'pagedesk.sidebar', action: 'open' });
    expect(closed()).toBe(false);
    await fakeBrowser.runtime.sendMessage({ type: 'something-else' });
    expect(closed()).toBe(false);
  });

  it('leaves nothing behind when the extension goes away', async () => {
    await mountSidebar(ctx);
    ctx.abort();
    expect(host()).toBeNull();
  });
});
