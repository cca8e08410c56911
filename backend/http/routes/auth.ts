import {
  loginRequestSchema,
  loginResponseSchema,
  meResponseSchema,
  okSchema,
} from '../../../shared/api/auth.ts';
import { login } from '../../accounts/login.ts';
import { endSession } from '../../accounts/sessions.ts';
import { toUser } from '../../accounts/user-view.ts';
import { goOffline } from '../../presence/presence.ts';
import { AppError } from '../app-error.ts';
import { defineRoute } from '../route.ts';

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Log in with email and password; returns an opaque session token.',
    access: 'public',
    body: loginRequestSchema,
    response: loginResponseSchema,
    handler: async ({ body, deps }) => {
      const result = await login(deps.store.db, body, deps.now(), deps.config.sessionTtlMs);
      if (!result.ok) {
        if (result.code === 'RATE_LIMITED') {
          throw new AppError(
            'RATE_LIMITED',
            'Too many failed attempts for this account; try again in 15 minutes.',
          );
        }
        throw new AppError('INVALID_CREDENTIALS', 'Wrong email or password.');
      }
      return { token: result.token, expiresAt: result.expiresAt.toISOString(), user: toUser(result.user) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'End the current session.',
    access: 'authenticated',
    response: okSchema,
    handler: async ({ token, deps, user }) => {
      await endSession(deps.store.db, token!);
      // An agent who logs out leaves: their unanswered work goes back to the queue.
      if (user!.role === 'agent')
        await deps.settle(await goOffline(deps.store.db, user!.id, deps.now(), 'logged out', user!.id));
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/me',
    summary: 'The logged-in user.',
    access: 'authenticated',
    response: meResponseSchema,
    handler: async ({ user }) => ({ user: toUser(user!) }),
  }),
];
