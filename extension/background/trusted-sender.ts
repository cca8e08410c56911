import type browser from 'webextension-polyfill';

/**
 * Only our own extension pages (options, popup, the sidebar frame) may ask the background for
 * anything. A content script runs inside facebook.com: its sender URL is facebook's, so it gets
 * nothing, and neither does any other extension.
 */
export function isTrustedSender(
  sender: browser.Runtime.MessageSender,
  runtimeId: string,
  baseUrl: string,
): boolean {
  return sender.id === runtimeId && typeof sender.url === 'string' && sender.url.startsWith(baseUrl);
}
