import { signal } from '@preact/signals';
import browser from 'webextension-polyfill';

export const SCREENS = ['board', 'recordings'] as const;
export type Screen = (typeof SCREENS)[number];

/** The page the popup becomes when opened as a tab (a wall screen): the same app, laid out wide. */
export const TAB_PATH = '/popup.html?view=tab';

/**
 * Which screen the supervisor sees, and whether this is the toolbar popup or the full tab.
 * Opening the tab closes the popup (it would otherwise stay open over the new tab).
 */
export function createPopupModel(
  search: string = location.search,
  openTab: (url: string) => Promise<unknown> = (url) => browser.tabs.create({ url }),
  closeWindow: () => void = () => window.close(),
  urlOf: (path: string) => string = (path) => browser.runtime.getURL(path),
) {
  const isTab = new URLSearchParams(search).get('view') === 'tab';
  const screen = signal<Screen>('board');
  return {
    isTab,
    screen,
    show(next: Screen) {
      screen.value = next;
    },
    async openAsTab() {
      await openTab(urlOf(TAB_PATH));
      if (!isTab) closeWindow();
    },
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
