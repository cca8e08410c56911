import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNavigation, FOLLOW_CHAT_MS, forgetOnLogout } from './navigation-model.ts';
import { interactionView } from './sidebar-test-fixtures.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const thread = interactionView({ id: 'fb' });
const chat = (id: string, extra = {}) =>
  interactionView({ id, channel: 'messenger', threadKey: `psid-${id}`, ...extra });

describe('sidebar navigation', () => {
  it('opens an interaction and goes back to the inbox', () => {
    const nav = createNavigation();
    nav.open('x');
    expect(nav.openId.value).toBe('x');
    nav.back();
    expect(nav.openId.value).toBeNull();
  });

  it('opens the Messenger chat a private reply started, once it reaches the inbox', () => {
    const nav = createNavigation();
    const older = chat('old', { customerName: 'Dora Customer' });
    nav.open('fb');
    nav.expectChat('111', 'Dora Customer', [thread, older]);
    nav.inboxChanged([thread, older, chat('other-page', { pageId: '999', customerName: 'Dora Customer' })]);
    nav.inboxChanged([thread, older, chat('someone', { customerName: 'Eve' })]);
    expect(nav.openId.value).toBe('fb');
    nav.inboxChanged([thread, older, chat('new', { customerName: 'Dora Customer' })]);
    expect(nav.openId.value).toBe('new');
    // Only once.
    nav.open('fb');
    nav.inboxChanged([thread, chat('newer', { customerName: 'Dora Customer' })]);
    expect(nav.openId.value).toBe('fb');
  });

  it('stops waiting for the chat after a while', () => {
    const nav = createNavigation();
    nav.open('fb');
    nav.expectChat('111', 'Dora Customer', [thread]);
    vi.advanceTimersByTime(FOLLOW_CHAT_MS + 1);
    nav.inboxChanged([thread, chat('late', { customerName: 'Dora Customer' })]);
    expect(nav.openId.value).toBe('fb');
  });

  it("forgets the previous user's local data on logout or when someone else logs in", () => {
    const forgotten: string[] = [];
    const onUser = forgetOnLogout((id) => forgotten.push(id));
    onUser(null);
    onUser({ id: 'ana' });
    onUser({ id: 'ana' });
    expect(forgotten).toEqual([]);
    onUser(null);
    expect(forgotten).toEqual(['ana']);
    onUser({ id: 'bea' });
    onUser({ id: 'carl' });
    expect(forgotten).toEqual(['ana', 'bea']);
  });
});
