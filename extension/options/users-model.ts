import { signal } from '@preact/signals';
import type { CreateUserInput, UpdateUserInput, User } from '../../shared/api/users.ts';
import type { RuntimeError } from '../../shared/runtime-messages.ts';
import { request } from '../ui/runtime-client.ts';

/** The admin's Users screen: the list, loading and error states, and the changes made from it. */
export function createUsersModel(send: typeof request = request) {
  const users = signal<User[]>([]);
  const loading = signal(false);
  const error = signal<RuntimeError | null>(null);
  const notice = signal<string | null>(null);

  function upsert(user: User) {
    const rest = users.value.filter((u) => u.id !== user.id);
    users.value = [...rest, user].sort(
      (a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email),
    );
  }

  return {
    users,
    loading,
    error,
    notice,
    async load() {
      loading.value = true;
      error.value = null;
      const res = await send('users.list');
      loading.value = false;
      if (res.ok) users.value = res.value;
      else error.value = res.error;
    },
    /** Returns the error so the form can show it beside its fields; null on success. */
    async create(input: CreateUserInput): Promise<RuntimeError | null> {
      const res = await send('users.create', input);
      if (!res.ok) return res.error;
      upsert(res.value);
      notice.value = res.value.email;
      return null;
    },
    async update(id: string, changes: UpdateUserInput): Promise<RuntimeError | null> {
      error.value = null;
      const res = await send('users.update', { id, changes });
      if (!res.ok) {
        error.value = res.error;
        return res.error;
      }
      upsert(res.value);
      return null;
    },
  };
}

export type UsersModel = ReturnType<typeof createUsersModel>;
