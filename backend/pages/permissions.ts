import type { TokenDebugInfo } from '../facebook/graph-responses.ts';

/** What each permission is for, and how an admin grants it when it is missing. */
export const REQUIRED_SCOPES = {
  pages_show_list: 'lists your Pages',
  pages_manage_metadata: "subscribes Pagedesk to the Page's webhooks",
  pages_read_engagement: "reads the Page's posts and comments",
  pages_read_user_content: "reads visitors' comments",
  pages_manage_engagement: 'replies to comments as the Page',
  pages_messaging: 'receives and answers Messenger chats',
} as const;

export type RequiredScope = keyof typeof REQUIRED_SCOPES;
export const SCOPES = Object.keys(REQUIRED_SCOPES) as RequiredScope[];

/** The webhook fields our app subscribes each Page to. */
export const WEBHOOK_FIELDS = [
  'feed',
  'messages',
  'message_echoes',
  'messaging_postbacks',
  'message_reads',
  'message_deliveries',
];

export interface MissingPermission {
  scope: string;
  purpose: string;
  howToGrant: string;
}

/**
 * The required permissions a token lacks for a Page. A grant narrowed to other Pages (granular
 * `target_ids` without this Page) counts as missing for this one.
 */
export function missingPermissions(info: TokenDebugInfo, pageId: string): MissingPermission[] {
  const granted = new Set(info.scopes);
  const missing: MissingPermission[] = [];
  for (const scope of SCOPES) {
    const granular = info.granularScopes.find((g) => g.scope === scope);
    const coversPage = !granular?.targetIds || granular.targetIds.includes(pageId);
    if (granted.has(scope) && coversPage) continue;
    missing.push({
      scope,
      purpose: REQUIRED_SCOPES[scope],
      howToGrant: granted.has(scope)
        ? `Run "Activate with Facebook" again and tick this Page in the Page list for "${scope}".`
        : `Run "Activate with Facebook" again and leave "${scope}" ticked (it ${REQUIRED_SCOPES[scope]}).`,
    });
  }
  return missing;
}
