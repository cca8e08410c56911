import type { User } from '../../shared/api/users.ts';
import type { UserRow } from '../store/schema.ts';

/** The API's view of a user row: never the password hash. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}
