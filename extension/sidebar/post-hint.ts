import type { InteractionView } from '../../shared/api/interactions.ts';

/**
 * The facebook.com content script tells the sidebar which post the agent is looking at, by posting
 * `{type:'pagedesk.location', postId}` into this frame. Anything else, or from anyone but the
 * parent page, is ignored: the page's own scripts share that channel.
 */
export function parseLocation(data: unknown): { postId: string | null } | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const keys = Object.keys(data);
  if (keys.length !== 2 || !keys.includes('type') || !keys.includes('postId')) return undefined;
  const { type, postId } = data as { type: unknown; postId: unknown };
  if (type !== 'pagedesk.location') return undefined;
  if (postId === null) return { postId: null };
  if (typeof postId === 'string' && /^\d{1,40}$/.test(postId)) return { postId };
  return undefined;
}

/** Calls `onPost` with each valid location the parent page posts, until the signal aborts. */
export function watchPostHint(
  onPost: (postId: string | null) => void,
  signal: AbortSignal,
  win: Window = window,
): void {
  win.addEventListener(
    'message',
    (e: MessageEvent) => {
      if (e.source !== win.parent) return;
      const location = parseLocation(e.data);
      if (location) onPost(location.postId);
    },
    { signal },
  );
}

/** A Facebook thread's key is its top comment's id, `${postId}_${commentId}`. */
export const isOnPost = (item: InteractionView, postId: string | null) =>
  postId !== null && item.channel === 'facebook' && item.threadKey.startsWith(`${postId}_`);

/** The inbox split for the post on screen: its interactions first, in their order, then the rest. */
export function splitByPost(items: readonly InteractionView[], postId: string | null) {
  const onPost = items.filter((i) => isOnPost(i, postId));
  return { onPost, rest: items.filter((i) => !isOnPost(i, postId)) };
}
