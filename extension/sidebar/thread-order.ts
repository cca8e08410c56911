import type { TranscriptMessage } from '../../shared/api/interactions.ts';

/** Deeper replies stay readable in a narrow sidebar: indentation stops here. */
export const MAX_DEPTH = 3;

/**
 * A comment thread as people read it: each comment followed by its replies (oldest first), each
 * with its depth. A reply whose parent is not in the thread stays where it came, at the top level.
 */
export function threadOrder(
  messages: readonly TranscriptMessage[],
): { message: TranscriptMessage; depth: number }[] {
  const ids = new Set(messages.map((m) => m.id));
  const children = new Map<string, TranscriptMessage[]>();
  const roots: TranscriptMessage[] = [];
  for (const m of messages) {
    if (m.parentId && m.parentId !== m.id && ids.has(m.parentId))
      children.set(m.parentId, [...(children.get(m.parentId) ?? []), m]);
    else roots.push(m);
  }
  const out: { message: TranscriptMessage; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (m: TranscriptMessage, depth: number) => {
    // A cycle in bad data must not hang the sidebar.
    if (seen.has(m.id)) return;
    seen.add(m.id);
    out.push({ message: m, depth: Math.min(depth, MAX_DEPTH) });
    for (const c of children.get(m.id) ?? []) walk(c, depth + 1);
  };
  for (const r of roots) walk(r, 0);
  // Anything left only sits in a cycle: show it anyway, flat.
  for (const m of messages) if (!seen.has(m.id)) walk(m, 0);
  return out;
}
