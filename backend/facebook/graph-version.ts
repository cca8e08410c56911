/**
 * The one Graph API version every URL uses. Pinned on purpose: libraries that default to a
 * version silently drift onto expired ones (botkit still says v3.2). v25.0 expires 2028-07-29
 * (FACEBOOK-PLATFORM.md §0); raise it here and nowhere else.
 */
export const GRAPH_VERSION = 'v25.0';

/** Meta's own hosts; configuration (FB_GRAPH_URL, FB_DIALOG_URL) points them at the sandbox instead. */
export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com';
export const DEFAULT_DIALOG_URL = 'https://www.facebook.com';
