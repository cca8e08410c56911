import browser from 'webextension-polyfill';

/**
 * Facebook's Login dialog opens in a window of its own, created by the background: unlike
 * window.open from a page, a pop-up blocker cannot stop it. Closed once the activation settles.
 */
export class ActivationWindow {
  private windowId: number | undefined;

  async open(url: string): Promise<void> {
    await this.close();
    const win = await browser.windows.create({ url, type: 'popup', width: 640, height: 760, focused: true });
    this.windowId = win.id;
  }

  async close(): Promise<void> {
    const id = this.windowId;
    this.windowId = undefined;
    if (id !== undefined) await browser.windows.remove(id).catch(() => undefined); // the admin may have closed it
  }
}
