import { requirePageToken, requireScope } from './graph-auth.ts';
import { invalidParameter, missingParameter, subscribePermissionMissing } from './graph-error.ts';
import type { GraphRequest, GraphRoutes } from './graph-router.ts';

/** Fields a Page subscription may name (Webhooks for Pages + Messenger webhook references). */
export const PAGE_FIELDS = [
  'feed',
  'mention',
  'name',
  'picture',
  'ratings',
  'messages',
  'message_echoes',
  'message_deliveries',
  'message_reads',
  'message_reactions',
  'message_edits',
  'messaging_postbacks',
  'messaging_optins',
  'messaging_referrals',
  'messaging_handovers',
  'messaging_policy_enforcement',
  'standby',
] as const;

const MESSAGING_FIELDS = new Set<string>(
  PAGE_FIELDS.filter((f) => f.startsWith('messag') || f === 'standby'),
);

/**
 * `/{page-id}/subscribed_apps` with the Page token (FACEBOOK-PLATFORM.md §1.5): POST installs the
 * app with the given fields (replacing the previous list), GET lists it, DELETE removes it.
 */
export const subscribedAppsRoutes: GraphRoutes = {
  'GET page/subscribed_apps': (req) => {
    const page = pageOf(req);
    requirePageToken(req.caller, page.id);
    const sub = req.ctx.state.subscriptions.get(page.id);
    const data = sub
      ? [{ name: req.ctx.config.appName, id: req.ctx.config.appId, subscribed_fields: sub.fields }]
      : [];
    return req.reply({ data });
  },

  'POST page/subscribed_apps': (req) => {
    const page = pageOf(req);
    const token = requirePageToken(req.caller, page.id);
    const fields = req.params.list('subscribed_fields');
    if (!fields || fields.length === 0) throw missingParameter('subscribed_fields');
    const unknown = fields.find((f) => !(PAGE_FIELDS as readonly string[]).includes(f));
    if (unknown) {
      throw invalidParameter(
        `Param subscribed_fields[0] must be one of {${PAGE_FIELDS.join(', ')}} - got "${unknown}"`,
      );
    }
    for (const field of fields) {
      requireScope(req.ctx, token, 'pages_manage_metadata', () =>
        subscribePermissionMissing(field, 'pages_manage_metadata'),
      );
      if (MESSAGING_FIELDS.has(field)) {
        requireScope(req.ctx, token, 'pages_messaging', () =>
          subscribePermissionMissing(field, 'pages_messaging'),
        );
      }
    }
    req.ctx.state.subscriptions.set(page.id, {
      fields: [...new Set(fields)],
      subscribedAt: req.ctx.clock.now(),
    });
    return req.reply({ success: true });
  },

  'DELETE page/subscribed_apps': (req) => {
    const page = pageOf(req);
    const token = requirePageToken(req.caller, page.id);
    requireScope(req.ctx, token, 'pages_manage_metadata', () =>
      subscribePermissionMissing('feed', 'pages_manage_metadata'),
    );
    req.ctx.state.subscriptions.delete(page.id);
    return req.reply({ success: true });
  },
};

function pageOf(req: GraphRequest) {
  return (req.node as Extract<GraphRequest['node'], { type: 'page' }>).page;
}
