import browser from 'webextension-polyfill';
import {
  OPEN_INTERACTION_KEY,
  type OpenInteractionRequest,
  type SidebarCommand,
} from '../content/sidebar-command.ts';

/** Where the content script runs (and so where the sidebar can be). */
export const FACEBOOK_MATCHES = ['https://www.facebook.com/*', 'https://web.facebook.com/*'];
const FACEBOOK_HOME = 'https://www.facebook.com/';

type Tab = Pick<browser.Tabs.Tab, 'id' | 'active' | 'windowId' | 'lastAccessed'>;

/** The facebook.com tab to bring forward: the one in front of the agent, else the latest used. */
export function pickFacebookTab<T extends Tab>(
  tabs: T[],
  focusedWindowId: number | undefined,
): T | undefined {
  const usable = tabs.filter((t) => t.id !== undefined);
  return (
    usable.find((t) => t.active && t.windowId === focusedWindowId) ??
    [...usable].sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]
  );
}

/** Asks one tab's content script to open or toggle the sidebar; false when no script answers. */
export async function tellTab(tabId: number, action: SidebarCommand['action']): Promise<boolean> {
  const command: SidebarCommand = { type: 'pagedesk.sidebar', action };
  try {
    await browser.tabs.sendMessage(tabId, command);
    return true;
  } catch {
    return false; // not facebook.com, or a tab opened before the extension was (re)installed
  }
}

/** The keyboard shortcut: toggle the sidebar in the tab the agent is looking at, if it is facebook.com. */
export async function toggleSidebarInActiveTab(tab?: browser.Tabs.Tab): Promise<void> {
  const active = tab ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (active?.id !== undefined) await tellTab(active.id, 'toggle');
}

/**
 * A notification was clicked: leave word for the sidebar to open the interaction, then bring a
 * facebook.com tab forward with the sidebar open, or open one (its content script finds the word).
 */
export async function openInteractionInFacebook(interactionId: string, now = Date.now()): Promise<void> {
  const request: OpenInteractionRequest = { id: interactionId, at: now };
  await browser.storage.local.set({ [OPEN_INTERACTION_KEY]: request });
  const [tabs, focused] = await Promise.all([
    browser.tabs.query({ url: FACEBOOK_MATCHES }),
    browser.windows.getLastFocused().catch(() => undefined),
  ]);
  const tab = pickFacebookTab(tabs, focused?.id);
  if (tab?.id !== undefined && (await tellTab(tab.id, 'open'))) {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return;
  }
  const created = await browser.tabs.create({ url: FACEBOOK_HOME, active: true });
  if (created.windowId !== undefined) await browser.windows.update(created.windowId, { focused: true });
}
