import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type AgentWorkState, EMPTY_WORK } from '../ui/agent-work-state.ts';
import { view } from './test-views.ts';
import {
  badgeText,
  interactionOfNotification,
  notificationFor,
  notificationId,
  WorkAlerts,
} from './work-alerts.ts';

const offer = view('o', '2026-11-24T10:01:00Z', { state: 'offered', agentId: null });
const assigned = view('a', '2026-11-24T10:00:00Z', { customerName: '<img src=x onerror=alert(1)>' });
const answered = view('b', '2026-11-24T09:00:00Z', { state: 'answered' });
const work = (items = [answered, assigned], offers = [offer]): AgentWorkState => ({
  presence: null,
  items,
  offers,
});
const shown = () => Object.keys(fakeBrowser.notifications.getAllCreateOptions());

beforeEach(() => fakeBrowser.reset());

describe('badge and notifications', () => {
  it('writes nothing for no work and caps what would not fit', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(3)).toBe('3');
    expect(badgeText(120)).toBe('99+');
  });

  it('titles a notification "campaign · page" and says who wrote, as plain text', () => {
    expect(notificationFor(assigned, 'A customer')).toEqual({
      title: 'Comments · Shop',
      message: '<img src=x onerror=alert(1)>',
    });
    expect(notificationFor(view('x', 'x', { customerName: null }), 'A customer').message).toBe('A customer');
  });

  it('knows its own notifications from anyone else’s', () => {
    expect(interactionOfNotification(notificationId('i-1'))).toBe('i-1');
    expect(interactionOfNotification('other-extension-thing')).toBeNull();
  });

  it('counts offers and unanswered assignments, and announces only new waiting work', async () => {
    const alerts = new WorkAlerts(() => 'A customer');
    await alerts.update(work(), [assigned, answered]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(shown()).toEqual([notificationId('a')]);
    const options = fakeBrowser.notifications.getAllCreateOptions()[notificationId('a')];
    expect(options).toMatchObject({ type: 'basic', title: 'Comments · Shop' });
  });

  it('takes a notification down once its work no longer waits, and clears all on logout', async () => {
    const alerts = new WorkAlerts(() => 'A customer');
    await alerts.update(work(), [assigned, offer]);
    expect(shown().sort()).toEqual([notificationId('a'), notificationId('o')]);
    // The offer went to someone else.
    await alerts.update(work([answered, assigned], []), []);
    expect(shown()).toEqual([notificationId('a')]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    await alerts.clear();
    expect(shown()).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    await alerts.update(EMPTY_WORK, []);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
