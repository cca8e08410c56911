const MAX_REATTACH = 20;
const REATTACH_WINDOW_MS = 10_000;

/**
 * Keeps `host` a child of <html>. Facebook is a single-page app whose React may rewrite the
 * document as the agent moves around; whenever our element goes, it comes back at once. Only the
 * <html> element's own children are watched (not the whole page, which changes all the time).
 * A page that keeps throwing it out wins: after MAX_REATTACH removals in REATTACH_WINDOW_MS we say
 * so in the console and stop, rather than fight it forever.
 */
export function keepAttached(host: Element, signal: AbortSignal, now: () => number = Date.now): void {
  let removals: number[] = [];
  const observer = new MutationObserver(() => {
    if (host.isConnected || signal.aborted) return;
    const t = now();
    removals = [...removals.filter((r) => t - r < REATTACH_WINDOW_MS), t];
    if (removals.length > MAX_REATTACH) {
      console.warn('Pagedesk: facebook.com keeps removing the sidebar; it stays off on this page.');
      observer.disconnect();
      return;
    }
    const html = document.documentElement;
    if (!html) return; // a document with no root yet: the next mutation brings one
    html.append(host);
    watch(); // <html> itself may have been replaced
  });
  const watch = () => {
    observer.observe(document, { childList: true });
    if (document.documentElement) observer.observe(document.documentElement, { childList: true });
  };
  if (!host.isConnected) document.documentElement.append(host);
  watch();
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      host.remove();
    },
    { once: true },
  );
}
