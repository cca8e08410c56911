import browser from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { keepAttached } from './keep-attached.ts';
import { postIdFromUrl } from './post-id.ts';
import { createResizeHandle } from './resize-handle.ts';
import { isFreshOpenRequest, isSidebarCommand, OPEN_INTERACTION_KEY } from './sidebar-command.ts';
import { clampWidth } from './sidebar-width.ts';

const OPEN_KEY = 'sidebarOpen';
const WIDTH_KEY = 'sidebarWidth';

/** What the content script tells the sidebar page: the post the agent is looking at, if any. */
export interface LocationMessage {
  type: 'pagedesk.location';
  postId: string | null;
}

// Shadow-root styles: facebook.com's CSS cannot reach in, ours cannot leak out. The host is a
// zero-size fixed box that takes no pointer events; only the panel and the button do, so the page
// under them keeps working and is never reflowed.
const STYLE = `
:host { all: initial; }
.panel { position: fixed; top: 0; right: 0; bottom: 0; width: var(--pagedesk-width); max-width: 100vw;
  display: flex; pointer-events: auto; background: #fff; box-shadow: -2px 0 8px rgba(0, 0, 0, .25); }
.panel[hidden] { display: none; }
.panel.dragging iframe { pointer-events: none; }
.resize { position: absolute; left: -4px; top: 0; bottom: 0; width: 8px; cursor: ew-resize; touch-action: none; }
.resize:hover, .resize:focus-visible, .panel.dragging .resize { background: rgba(18, 88, 199, .45); outline: none; }
iframe { flex: 1; width: 100%; height: 100%; border: 0; }
.toggle { position: fixed; bottom: 16px; right: 16px; pointer-events: auto; padding: 8px 12px;
  border-radius: 18px; border: 0; background: #1258c7; color: #fff; font: 600 13px system-ui, sans-serif;
  cursor: pointer; box-shadow: 0 1px 4px rgba(0, 0, 0, .3); }
.toggle[aria-pressed="true"] { right: min(calc(var(--pagedesk-width) + 12px), calc(100vw - 120px)); }
.toggle:focus-visible { outline: 3px solid #f5b400; outline-offset: 2px; }
`;

const message = (key: string) => browser.i18n.getMessage(key) || 'Pagedesk';

/**
 * Injects the sidebar (an extension page in an iframe, so facebook.com can neither style nor read
 * it) with a toggle button and a resize handle, all in a shadow root. Open/closed and the width are
 * remembered; the sidebar survives Facebook's in-page navigation and is told which post is shown.
 */
export async function mountSidebar(ctx: ContentScriptContext): Promise<void> {
  const signal = ctx.signal;
  // postMessage's target: only our sidebar page may read what we send it.
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  const host = document.createElement('pagedesk-sidebar');
  // Open, so assistive tech and tests can reach the button; it holds nothing secret.
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const panel = document.createElement('div');
  panel.className = 'panel';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'toggle';
  button.textContent = 'Pagedesk';
  root.append(style, panel, button);

  let open = false;
  let width = clampWidth(undefined);
  let url = location.href;

  const tellLocation = () => {
    const msg: LocationMessage = { type: 'pagedesk.location', postId: postIdFromUrl(url) };
    frame.contentWindow?.postMessage(msg, extensionOrigin);
  };
  const setWidth = (next: unknown) => {
    width = clampWidth(next);
    host.style.setProperty('--pagedesk-width', `${width}px`);
    handle.setAttribute('aria-valuenow', String(width));
  };
  const handle = createResizeHandle({
    label: message('resizeSidebar'),
    width: () => width,
    onResize: setWidth,
    onSettle: (w) => void browser.storage.local.set({ [WIDTH_KEY]: w }),
    onDragging: (on) => panel.classList.toggle('dragging', on),
    signal,
  });
  panel.append(handle);

  // The frame is made at once, closed or not, and stays: opening only shows it, with the inbox
  // already rendered (loading a new frame took 150-300 ms). Closed, it is hidden, inert and out of
  // the accessibility tree; the sidebar page itself goes back to its inbox when hidden.
  const frame = document.createElement('iframe');
  frame.src = browser.runtime.getURL('/sidebar.html');
  frame.title = message('sidebarFrameTitle');
  frame.setAttribute('data-pagedesk', 'sidebar');
  // Also after Facebook moved us and the frame reloaded: the sidebar starts knowing nothing.
  // The sidebar's listener starts with its app, which may be after `load`: say it again a few times.
  frame.addEventListener(
    'load',
    () => {
      for (const ms of [0, 300, 1_000, 3_000]) setTimeout(tellLocation, ms);
    },
    { signal },
  );
  panel.append(frame);

  const setOpen = (next: boolean, remember: boolean) => {
    open = next;
    panel.hidden = !open;
    panel.inert = !open;
    if (open) panel.removeAttribute('aria-hidden');
    else panel.setAttribute('aria-hidden', 'true');
    button.setAttribute('aria-pressed', String(open));
    button.setAttribute('aria-label', message(open ? 'hideSidebar' : 'showSidebar'));
    if (remember) void browser.storage.local.set({ [OPEN_KEY]: open });
  };
  setOpen(false, false); // until the stored state is read
  button.addEventListener('click', () => setOpen(!open, true), { signal });

  // The keyboard shortcut and notification clicks arrive from the background (runtime.onMessage
  // hears only our own extension; pages and other extensions cannot reach it).
  const onCommand = (msg: unknown) => {
    if (!isSidebarCommand(msg)) return undefined;
    setOpen(msg.action === 'toggle' ? !open : true, true);
    return Promise.resolve({ done: true }); // an answer, so the background knows a sidebar heard it
  };
  browser.runtime.onMessage.addListener(onCommand);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onCommand));

  ctx.addEventListener(window, 'wxt:locationchange', (e) => {
    url = e.newUrl.href;
    tellLocation();
  });

  const stored = await browser.storage.local.get([OPEN_KEY, WIDTH_KEY, OPEN_INTERACTION_KEY]);
  if (signal.aborted) return;
  setWidth(stored[WIDTH_KEY]);
  // Open by default until the agent closes it; a notification just clicked opens it regardless.
  setOpen(stored[OPEN_KEY] !== false || isFreshOpenRequest(stored[OPEN_INTERACTION_KEY], Date.now()), false);
  keepAttached(host, signal);
}
