import browser from 'webextension-polyfill';
import type { InteractionView } from '../../shared/api/interactions.ts';
import { type AgentWorkState, waitingWork } from '../ui/agent-work-state.ts';

const NOTIFICATION_PREFIX = 'pagedesk.interaction:';
const BADGE_COLOR = '#1258c7';

/** The badge's text: nothing when nothing waits, and never wider than the badge. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/**
 * A notification's words: "campaign · page" and the customer's name. Plain text by contract:
 * notifications render no markup, and we never build any from what a customer typed.
 */
export function notificationFor(i: InteractionView, someone: string): { title: string; message: string } {
  return { title: `${i.campaignName} · ${i.pageName}`, message: i.customerName?.trim() || someone };
}

export function notificationId(interactionId: string): string {
  return `${NOTIFICATION_PREFIX}${interactionId}`;
}

/** The interaction a notification of ours announces; null for anyone else's notification. */
export function interactionOfNotification(id: string): string | null {
  return id.startsWith(NOTIFICATION_PREFIX) ? id.slice(NOTIFICATION_PREFIX.length) || null : null;
}

// Chrome MV3 has `action`; Firefox MV2 still calls it `browserAction`.
const action = () => browser.action ?? browser.browserAction;

/**
 * What the agent sees outside facebook.com: the count of their waiting work on the toolbar badge,
 * and a notification for each new assignment or offer, taken down once it no longer waits.
 */
export class WorkAlerts {
  private shown = new Set<string>();

  /** `someone` names a customer whose name Facebook did not give. */
  constructor(
    private readonly someone: () => string = () =>
      browser.i18n.getMessage('notificationSomeone') || 'A customer',
  ) {}

  /** Shows the count of `work`, announces `arrived`, and takes down what no longer waits. */
  async update(work: AgentWorkState, arrived: InteractionView[]): Promise<void> {
    const waiting = waitingWork(work);
    await this.badge(waiting.length);
    const ids = new Set(waiting.map((i) => i.id));
    for (const id of [...this.shown]) if (!ids.has(id)) await this.takeDown(id);
    for (const i of arrived) if (ids.has(i.id)) await this.announce(i);
  }

  /** Logged out: no count, no notifications. */
  async clear(): Promise<void> {
    await this.badge(0);
    for (const id of [...this.shown]) await this.takeDown(id);
  }

  /** Forgets a notification the agent clicked (the browser closes it, or we do). */
  async dismiss(interactionId: string): Promise<void> {
    await this.takeDown(interactionId);
  }

  private async badge(count: number): Promise<void> {
    const api = action();
    await api.setBadgeBackgroundColor({ color: BADGE_COLOR }).catch(() => undefined);
    await api.setBadgeText({ text: badgeText(count) });
  }

  private async announce(i: InteractionView): Promise<void> {
    const { title, message } = notificationFor(i, this.someone());
    try {
      await browser.notifications.create(notificationId(i.id), {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title,
        message,
      });
      this.shown.add(i.id);
    } catch {
      // Notifications turned off for the browser or the extension: the badge still counts it.
    }
  }

  private async takeDown(interactionId: string): Promise<void> {
    this.shown.delete(interactionId);
    await browser.notifications.clear(notificationId(interactionId)).catch(() => false);
  }
}
