/**
 * A URL from content (a customer's attachment, a post's photo) fit for a src or href: absolute
 * http(s) only, so `javascript:` and `data:` never reach the DOM. Returns the normalized URL or null.
 */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
