import {
  createUserSchema,
  updateUserSchema,
  userIdParamsSchema,
  userListSchema,
  userSchema,
} from '../../../shared/api/users.ts';
import { toUser } from '../../accounts/user-view.ts';
import { createUser, listUsers, type UserResult, updateUser } from '../../accounts/users.ts';
import { AppError } from '../app-error.ts';
import { defineRoute } from '../route.ts';

function unwrap(result: UserResult) {
  if (result.ok) return toUser(result.user);
  switch (result.code) {
    case 'NOT_FOUND':
      throw new AppError('NOT_FOUND', 'No such user.');
    case 'EMAIL_TAKEN':
      throw new AppError('CONFLICT', 'A user with this email already exists.', [
        { path: 'body.email', message: 'This email is already used.' },
      ]);
    case 'LAST_ADMIN':
      throw new AppError('CONFLICT', 'This is the last active admin: make another admin first.');
    case 'SELF_LOCKOUT':
      throw new AppError('CONFLICT', 'You cannot remove your own admin access; ask another admin.');
  }
}

export const userRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/users',
    summary: 'Every user, by name.',
    access: ['admin'],
    response: userListSchema,
    handler: async ({ deps }) => ({ users: (await listUsers(deps.store.db)).map(toUser) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/users',
    summary: 'Create a user with a role and an initial password.',
    access: ['admin'],
    body: createUserSchema,
    response: userSchema,
    status: 201,
    handler: async ({ body, deps }) => unwrap(await createUser(deps.store.db, body, deps.now())),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/users/:id',
    summary: 'Rename, change role, (de)activate or reset the password; deactivation ends all sessions.',
    access: ['admin'],
    params: userIdParamsSchema,
    body: updateUserSchema,
    response: userSchema,
    handler: async ({ params, body, user, deps }) =>
      unwrap(await updateUser(deps.store.db, user!.id, params.id, body, deps.now(), deps.emit)),
  }),
];
