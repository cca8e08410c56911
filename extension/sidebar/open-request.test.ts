import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OPEN_INTERACTION_KEY, watchOpenRequests } from './open-request.ts';
import { INTERACTION_ID } from './sidebar-test-fixtures.ts';

beforeEach(() => fakeBrowser.reset());
let ac: AbortController;
afterEach(() => ac?.abort());

const stored = async () => (await fakeBrowser.storage.local.get(OPEN_INTERACTION_KEY))[OPEN_INTERACTION_KEY];

function watch() {
  const opened: string[] = [];
  ac = new AbortController();
  watchOpenRequests((id) => opened.push(id), ac.signal);
  return opened;
}

describe('opening the interaction a notification named', () => {
  it('opens a fresh request found on start, and removes it', async () => {
    await fakeBrowser.storage.local.set({
      [OPEN_INTERACTION_KEY]: { id: INTERACTION_ID, at: Date.now() - 1_000 },
    });
    const opened = watch();
    await expect.poll(() => opened).toEqual([INTERACTION_ID]);
    expect(await stored()).toBeUndefined();
  });

  it('opens a request written while the sidebar is open', async () => {
    const opened = watch();
    await fakeBrowser.storage.local.set({
      [OPEN_INTERACTION_KEY]: { id: INTERACTION_ID, at: new Date().toISOString() },
    });
    await expect.poll(() => opened).toEqual([INTERACTION_ID]);
    await expect.poll(stored).toBeUndefined();
  });

  it('drops a stale or malformed request without opening it', async () => {
    await fakeBrowser.storage.local.set({
      [OPEN_INTERACTION_KEY]: { id: INTERACTION_ID, at: Date.now() - 3 * 60_000 },
    });
    const opened = watch();
    await expect.poll(stored).toBeUndefined();
    await fakeBrowser.storage.local.set({ [OPEN_INTERACTION_KEY]: { id: '<script>', at: Date.now() } });
    await expect.poll(stored).toBeUndefined();
    expect(opened).toEqual([]);
  });
});
