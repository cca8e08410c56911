import { signal } from '@preact/signals';
import type { InteractionView } from '../../shared/api/interactions.ts';

/** A private reply opens its Messenger chat within moments; after this long we stop waiting for it. */
export const FOLLOW_CHAT_MS = 2 * 60_000;

interface ExpectedChat {
  pageId: string;
  customerName: string | null;
  until: number;
  /** Interactions already in the inbox when the private reply went: the chat is a new one. */
  before: ReadonlySet<string>;
}

/**
 * Where the sidebar is: the inbox, or one interaction. Also the post on screen (for the inbox's
 * "On this post" group), and the Messenger chat a private reply is about to open, which it opens
 * as soon as it reaches the inbox (the backend gives it to the agent who wrote the reply).
 */
export function createNavigation() {
  const openId = signal<string | null>(null);
  const postId = signal<string | null>(null);
  let expected: ExpectedChat | null = null;

  return {
    openId,
    postId,
    open(id: string) {
      openId.value = id;
    },
    back() {
      openId.value = null;
    },
    /** "Start interaction" went: watch the inbox for the chat it opens. */
    expectChat(pageId: string, customerName: string | null, inbox: readonly InteractionView[]) {
      expected = {
        pageId,
        customerName,
        until: Date.now() + FOLLOW_CHAT_MS,
        before: new Set(inbox.map((i) => i.id)),
      };
    },
    /** Call with the inbox whenever it changes: opens the expected chat once it is there. */
    inboxChanged(inbox: readonly InteractionView[]) {
      if (!expected) return;
      if (Date.now() > expected.until) {
        expected = null;
        return;
      }
      const e = expected;
      const chat = inbox.find(
        (i) =>
          i.channel === 'messenger' &&
          i.pageId === e.pageId &&
          !e.before.has(i.id) &&
          (e.customerName === null || i.customerName === null || i.customerName === e.customerName),
      );
      if (chat) {
        expected = null;
        openId.value = chat.id;
      }
    },
  };
}

export type Navigation = ReturnType<typeof createNavigation>;

/**
 * Logging out (or another person logging in) removes the previous user's drafts and cached
 * transcripts from this browser. `onUser` gets every session push; null user means logged out.
 */
export function forgetOnLogout(forget: (userId: string) => void) {
  let last: string | null = null;
  return (user: { id: string } | null) => {
    if (last && last !== user?.id) forget(last);
    last = user?.id ?? null;
  };
}
