import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepAttached } from './keep-attached.ts';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
afterEach(() => vi.restoreAllMocks());

describe('keepAttached', () => {
  it('puts the host back when the page removes it, and removes it for good when stopped', async () => {
    const host = document.createElement('pagedesk-sidebar');
    const ac = new AbortController();
    keepAttached(host, ac.signal);
    expect(host.parentElement).toBe(document.documentElement);
    host.remove();
    await flush();
    expect(host.parentElement).toBe(document.documentElement);
    // Facebook-like: the app rewrites <html>'s children wholesale.
    document.documentElement.replaceChildren(document.head, document.createElement('body'));
    await flush();
    expect(host.isConnected).toBe(true);
    ac.abort();
    expect(host.isConnected).toBe(false);
    await flush();
    expect(host.isConnected).toBe(false);
  });

  it('gives up, saying so, on a page that keeps removing it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const host = document.createElement('pagedesk-sidebar');
    const ac = new AbortController();
    keepAttached(host, ac.signal, () => 1_000);
    for (let i = 0; i < 25; i++) {
      host.remove();
      await flush();
    }
    expect(host.isConnected).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    ac.abort();
  });
});
