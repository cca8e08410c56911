import browser from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';

const OPEN_KEY = 'sidebarOpen';
const WIDTH = 380;

/**
 * Injects the sidebar (an extension page in an iframe, so facebook.com can neither style nor read it)
 * and a toggle button in a shadow root (out of reach of the page's CSS). Open/closed is remembered across pages.
 */
export async function mountSidebar(ctx: ContentScriptContext): Promise<void> {
  const ui = createIframeUi(ctx, {
    page: '/sidebar.html',
    position: 'overlay',
    alignment: 'top-right',
    anchor: 'body',
    onMount: (wrapper, iframe) => {
      wrapper.style.cssText = `position:fixed;top:0;right:0;height:100vh;width:${WIDTH}px;z-index:2147483646;`;
      iframe.style.cssText = 'width:100%;height:100%;border:0;box-shadow:-2px 0 8px rgba(0,0,0,.25);';
      iframe.title = browser.i18n.getMessage('sidebarFrameTitle') || 'Pagedesk';
      iframe.setAttribute('data-pagedesk', 'sidebar');
    },
  });

  const host = document.createElement('pagedesk-toggle');
  // Open, so assistive tech and tests can reach the button; it holds nothing secret.
  const root = host.attachShadow({ mode: 'open' });
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Pagedesk';
  button.style.cssText =
    'position:fixed;bottom:16px;right:16px;z-index:2147483647;padding:8px 12px;border-radius:18px;' +
    'border:0;background:#1258c7;color:#fff;font:600 13px system-ui,sans-serif;cursor:pointer;';
  root.append(button);
  document.documentElement.append(host);
  ctx.onInvalidated(() => host.remove());

  let open = false;
  const apply = (next: boolean) => {
    open = next;
    if (open) ui.mount();
    else ui.remove();
    button.setAttribute('aria-pressed', String(open));
    button.setAttribute(
      'aria-label',
      browser.i18n.getMessage(open ? 'hideSidebar' : 'showSidebar') || 'Pagedesk',
    );
  };
  button.addEventListener(
    'click',
    () => {
      apply(!open);
      void browser.storage.local.set({ [OPEN_KEY]: open });
    },
    { signal: ctx.signal },
  );
  const stored = (await browser.storage.local.get(OPEN_KEY))[OPEN_KEY];
  apply(stored !== false); // open by default, until the agent closes it
}
