import { describe, expect, it } from 'vitest';
import { isFreshOpenRequest, isSidebarCommand } from './sidebar-command.ts';

describe('sidebar commands', () => {
  it('accepts only the two commands the background sends', () => {
    expect(isSidebarCommand({ type: 'pagedesk.sidebar', action: 'toggle' })).toBe(true);
    expect(isSidebarCommand({ type: 'pagedesk.sidebar', action: 'open' })).toBe(true);
    expect(isSidebarCommand({ type: 'pagedesk.sidebar', action: 'close-everything' })).toBe(false);
    expect(isSidebarCommand('pagedesk.sidebar')).toBe(false);
    expect(isSidebarCommand(null)).toBe(false);
  });

  it('honours an open request from the last minute only', () => {
    const now = 1_000_000;
    expect(isFreshOpenRequest({ id: 'i1', at: now - 5_000 }, now)).toBe(true);
    expect(isFreshOpenRequest({ id: 'i1', at: now - 120_000 }, now)).toBe(false);
    expect(isFreshOpenRequest({ id: 'i1', at: now + 5_000 }, now)).toBe(false);
    expect(isFreshOpenRequest({ id: 1, at: now }, now)).toBe(false);
    expect(isFreshOpenRequest(undefined, now)).toBe(false);
  });
});
