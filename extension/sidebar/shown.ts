/**
 * Whether the sidebar is on screen. The content script keeps this frame when the agent closes the
 * sidebar, hidden (display: none) until it is opened again; an IntersectionObserver on our own
 * document tells the two apart without trusting any message from facebook.com. Where there is no
 * IntersectionObserver the page counts as shown.
 */
export function watchShown(
  onChange: (shown: boolean) => void,
  signal: AbortSignal,
  root: Element = document.documentElement,
): void {
  if (typeof IntersectionObserver === 'undefined') {
    onChange(true);
    return;
  }
  const observer = new IntersectionObserver((entries) => {
    const last = entries.at(-1);
    if (last) onChange(last.isIntersecting);
  });
  observer.observe(root);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
