import type { Context, Hono } from 'hono';
import type { SandboxContext } from './context.ts';
import type { User } from './model.ts';
import { dialogErrorPage, dialogPage } from './oauth-dialog-page.ts';

/** The request fields the dialog receives on GET and carries through its form. */
const CARRIED = ['client_id', 'redirect_uri', 'state', 'response_type', 'scope', 'sandbox_user'] as const;
type DialogRequest = Record<(typeof CARRIED)[number], string>;

/**
 * The Login dialog (`/vNN/dialog/oauth`, manual flow of FACEBOOK-PLATFORM.md §4.1). GET shows the
 * permission screen; the form POSTs back here; Continue redirects to `redirect_uri?code&state`,
 * Cancel to Meta's `error=access_denied…` redirect. Sandbox-only extras: `sandbox_auto=1` approves
 * everything at once (for tests), `sandbox_user=<id>` logs in as another sandbox user.
 */
export function mountOAuthDialog(app: Hono, ctx: SandboxContext): void {
  app.get('/dialog/oauth', (c) => {
    const req = carried((name) => c.req.query(name));
    const problem = validate(ctx, req);
    if (problem) return problem(c);
    const user = loginUser(ctx, req)!;
    const pages = managedPages(ctx, user);
    const scopes = requestedScopes(req.scope);
    if (c.req.query('sandbox_auto') === '1') {
      return approve(
        c,
        ctx,
        req,
        user,
        scopes,
        pages.map((p) => p.id),
      );
    }
    return c.html(
      dialogPage({
        action: c.req.path,
        appName: ctx.config.appName,
        user,
        scopes,
        pages,
        hidden: { ...req },
      }),
    );
  });

  app.post('/dialog/oauth', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const one = (name: string) => {
      const v = form[name];
      return typeof v === 'string' ? v : undefined;
    };
    const many = (name: string) => {
      const v = form[name];
      return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    };
    const req = carried(one);
    const problem = validate(ctx, req);
    if (problem) return problem(c);
    if (one('action') !== 'continue')
      return c.redirect(redirectTo(req.redirect_uri, deniedParams(req.state)), 302);
    const user = loginUser(ctx, req)!;
    const requested = requestedScopes(req.scope);
    const scopes = many('granted_scopes').filter((s) => requested.includes(s));
    const managed = new Set(managedPages(ctx, user).map((p) => p.id));
    return approve(
      c,
      ctx,
      req,
      user,
      scopes,
      many('page_ids').filter((id) => managed.has(id)),
    );
  });
}

function carried(read: (name: string) => string | undefined): DialogRequest {
  return Object.fromEntries(CARRIED.map((name) => [name, read(name) ?? ''])) as DialogRequest;
}

/** An error page for a request Facebook would refuse to show the dialog for, or undefined. */
function validate(ctx: SandboxContext, req: DialogRequest): ((c: Context) => Response) | undefined {
  const fail = (title: string, detail: string) => (c: Context) => c.html(dialogErrorPage(title, detail), 400);
  if (req.client_id !== ctx.config.appId) {
    return fail('Invalid App ID', 'The provided app ID does not look like a valid app ID.');
  }
  if (!/^https?:\/\/[^\s]+$/.test(req.redirect_uri)) {
    return fail(
      'URL blocked',
      'This redirect failed because the redirect_uri is missing or not an absolute http(s) URL.',
    );
  }
  if (req.response_type !== '' && req.response_type !== 'code') {
    return fail(
      'Unsupported response_type',
      'The sandbox implements the code flow only (response_type=code).',
    );
  }
  if (!loginUser(ctx, req)) return fail('Unknown user', `No sandbox user has the id ${req.sandbox_user}.`);
  return undefined;
}

function loginUser(ctx: SandboxContext, req: DialogRequest): User | undefined {
  return req.sandbox_user ? ctx.state.users.get(req.sandbox_user) : ctx.state.defaultAdmin;
}

function managedPages(ctx: SandboxContext, user: User) {
  return [...ctx.state.pages.values()].filter((p) => p.adminIds.includes(user.id));
}

/** `scope` is comma-separated (spaces tolerated); public_profile is always part of a grant. */
function requestedScopes(scope: string): string[] {
  return [...new Set(scope.split(/[,\s]+/).filter(Boolean))].filter((s) => s !== 'public_profile');
}

function approve(
  c: Context,
  ctx: SandboxContext,
  req: DialogRequest,
  user: User,
  scopes: string[],
  pageIds: string[],
) {
  ctx.tokens.grant(user.id, ['public_profile', ...scopes], pageIds);
  const code = ctx.tokens.issueCode(user.id, req.redirect_uri);
  return c.redirect(redirectTo(req.redirect_uri, { code, ...(req.state ? { state: req.state } : {}) }), 302);
}

/** Meta's redirect when the person cancels (manual-flow docs). */
function deniedParams(state: string): Record<string, string> {
  return {
    error: 'access_denied',
    error_code: '200',
    error_description: 'Permissions error',
    error_reason: 'user_denied',
    ...(state ? { state } : {}),
  };
}

/** Adds the parameters to redirect_uri; Facebook appends the `#_=_` fragment to these redirects. */
function redirectTo(redirectUri: string, params: Record<string, string>): string {
  const url = new URL(redirectUri);
  url.hash = '';
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return `${url.toString()}#_=_`;
}
