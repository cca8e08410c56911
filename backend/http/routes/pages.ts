import { z } from 'zod';
import {
  activationIdParamsSchema,
  activationSchema,
  activationStartSchema,
  importTokenResultSchema,
  importTokenSchema,
  pageIdParamsSchema,
  pageListSchema,
  pageSchema,
  pickPageSchema,
  updatePageSchema,
} from '../../../shared/api/pages.ts';
import { completeActivation, pickPage, startActivation, viewActivation } from '../../pages/activation.ts';
import { importToken } from '../../pages/import-token.ts';
import type { LinkResult } from '../../pages/link-page.ts';
import { checkPage } from '../../pages/page-health.ts';
import { findPage, listPages, setHumanAgent } from '../../pages/page-store.ts';
import { toPage } from '../../pages/page-view.ts';
import { AppError } from '../app-error.ts';
import { withGraph } from '../graph-failure.ts';
import { defineRoute } from '../route.ts';

function linked(result: LinkResult | { ok: false; code: 'NOT_FOUND' | 'NOT_READY' | 'NOT_GRANTED' }) {
  if (result.ok) return toPage(result.page);
  switch (result.code) {
    case 'NOT_FOUND':
      throw new AppError('NOT_FOUND', 'This activation has expired: click "Activate with Facebook" again.');
    case 'NOT_READY':
      throw new AppError('CONFLICT', 'Facebook has not answered yet: finish the dialog first.');
    case 'NOT_GRANTED':
      throw new AppError('BAD_REQUEST', 'That Page was not granted in the dialog.');
    case 'TOKEN_INVALID':
      throw new AppError('FACEBOOK_TOKEN_INVALID', result.message);
    case 'MISSING_PERMISSIONS':
      throw new AppError(
        'MISSING_PERMISSIONS',
        `Facebook did not grant everything Pagedesk needs: ${result.missing.map((m) => `${m.scope} (${m.howToGrant})`).join(' ')}`,
        result.missing.map((m) => ({ path: m.scope, message: `${m.purpose}. ${m.howToGrant}` })),
      );
  }
}

export const pageRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/pages',
    summary: 'Linked Pages with their token health.',
    access: ['admin'],
    response: pageListSchema,
    handler: async ({ deps }) => ({ pages: (await listPages(deps.store.db)).map(toPage) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/pages/activations',
    summary: 'Start "Activate with Facebook": returns the Login dialog URL to open.',
    access: ['admin'],
    response: activationStartSchema,
    status: 201,
    handler: async ({ deps, user }) =>
      startActivation(deps.store.db, deps.facebook, user!.id, deps.config.publicUrl, deps.now()),
  }),
  defineRoute({
    method: 'get',
    path: '/api/pages/activations/:id',
    summary: 'State of an activation: pending, failed (with why), or ready with the granted Pages.',
    access: ['admin'],
    params: activationIdParamsSchema,
    response: activationSchema,
    handler: async ({ deps, user, params }) => {
      const view = await viewActivation(deps.store.db, deps.facebook, user!.id, params.id, deps.now());
      if (!view)
        throw new AppError('NOT_FOUND', 'This activation has expired: click "Activate with Facebook" again.');
      return view;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/pages/activations/:id/link',
    summary: 'Link the picked Page: checks every permission, subscribes the app, stores the token encrypted.',
    access: ['admin'],
    params: activationIdParamsSchema,
    body: pickPageSchema,
    response: pageSchema,
    handler: async ({ deps, user, params, body }) =>
      linked(
        await withGraph(() =>
          pickPage(deps.store.db, deps.facebook, user!.id, params.id, body.pageId, deps.now(), deps.emit),
        ),
      ),
  }),
  defineRoute({
    method: 'post',
    path: '/api/pages/import-token',
    summary: 'Link the Page(s) behind a Page, user or system-user token, checked like the dialog.',
    access: ['admin'],
    body: importTokenSchema,
    response: importTokenResultSchema,
    handler: async ({ deps, user, body }) => {
      const outcome = await withGraph(() =>
        importToken(deps.store.db, deps.facebook, body.accessToken, user!.id, deps.now(), deps.emit),
      );
      return { linked: outcome.linked.map(toPage), refused: outcome.refused };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/pages/:id/check',
    summary: "Check the Page's token health now (debug_token and subscribed_apps).",
    access: ['admin'],
    params: pageIdParamsSchema,
    response: pageSchema,
    handler: async ({ deps, params }) => {
      const checked = await checkPage(deps.store.db, deps.facebook, params.id, deps.now(), deps.emit);
      if (!checked?.page) throw new AppError('NOT_FOUND', 'No such Page.');
      if (checked.verdict.health === 'unknown') {
        throw new AppError(
          'FACEBOOK_ERROR',
          `Facebook could not be asked right now: ${checked.verdict.reason}`,
        );
      }
      return toPage(checked.page);
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/pages/:id',
    summary: 'Page settings: allow agents to answer Messenger up to 7 days with the HUMAN_AGENT tag.',
    access: ['admin'],
    params: pageIdParamsSchema,
    body: updatePageSchema,
    response: pageSchema,
    handler: async ({ deps, params, body }) => {
      if (!(await findPage(deps.store.db, params.id))) throw new AppError('NOT_FOUND', 'No such Page.');
      return toPage(await setHumanAgent(deps.store.db, params.id, body.humanAgentEnabled, deps.now()));
    },
  }),
];

export const oauthRoutes = [
  defineRoute({
    method: 'get',
    path: '/oauth/facebook/callback',
    summary:
      "The Login dialog's redirect: finishes the activation and tells the admin to return to Pagedesk.",
    access: 'public',
    produces: 'text/html',
    response: z.string(),
    handler: async ({ deps, c }) => {
      const outcome = await withGraph(() =>
        completeActivation(
          deps.store.db,
          deps.facebook,
          {
            state: c.req.query('state'),
            code: c.req.query('code'),
            error: c.req.query('error'),
            errorDescription: c.req.query('error_description'),
          },
          deps.config.publicUrl,
          deps.now(),
        ),
      );
      return c.html(callbackPage(outcome.ok ? null : outcome.message), outcome.ok ? 200 : 400);
    },
  }),
];

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

function callbackPage(error: string | null): string {
  const title = error ? 'Facebook activation failed' : 'Facebook activation: almost done';
  const body = error
    ? `<p>${escapeHtml(error)}</p>`
    : '<p>Facebook answered. Return to Pagedesk to pick the Page; this window can be closed.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px system-ui,sans-serif;max-width:32em;margin:3em auto;padding:0 1em}</style></head>
<body><h1>${title}</h1>${body}</body></html>`;
}
