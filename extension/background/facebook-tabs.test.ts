import { describe, expect, it } from 'vitest';
import { pickFacebookTab } from './facebook-tabs.ts';

describe('pickFacebookTab', () => {
  it('prefers the facebook.com tab in front of the agent', () => {
    const tabs = [
      { id: 1, active: true, windowId: 10, lastAccessed: 500 },
      { id: 2, active: true, windowId: 20, lastAccessed: 100 },
      { id: 3, active: false, windowId: 20, lastAccessed: 900 },
    ];
    expect(pickFacebookTab(tabs, 20)?.id).toBe(2);
  });

  it('otherwise takes the one used last, and nothing when there is none', () => {
    const tabs = [
      { id: 1, active: false, windowId: 10, lastAccessed: 500 },
      { id: 3, active: false, windowId: 20, lastAccessed: 900 },
      { id: undefined, active: true, windowId: 30, lastAccessed: 999 },
    ];
    expect(pickFacebookTab(tabs, 30)?.id).toBe(3);
    expect(pickFacebookTab([], 30)).toBeUndefined();
  });
});
