import { signal } from '@preact/signals';
import type { AuditEntry } from '../../shared/api/supervisor.ts';
import type { RuntimeError } from '../../shared/runtime-messages.ts';
import { request } from '../ui/runtime-client.ts';

/** How many entries each page of the audit log asks for. */
export const AUDIT_PAGE = 50;

/** The audit log of supervisors' actions (spy, info, pause, logout): newest first, page by page. */
export function createAuditModel(send: typeof request = request) {
  const entries = signal<AuditEntry[]>([]);
  const nextCursor = signal<string | null>(null);
  const loading = signal(false);
  const error = signal<RuntimeError | null>(null);
  let asked = 0;

  async function fetchPage(cursor: string | null) {
    const mine = ++asked;
    loading.value = true;
    error.value = null;
    const res = await send('audit.list', cursor ? { cursor, limit: AUDIT_PAGE } : { limit: AUDIT_PAGE });
    if (mine !== asked) return;
    loading.value = false;
    if (!res.ok) {
      error.value = res.error;
      return;
    }
    const seen = new Set(cursor ? entries.value.map((e) => e.id) : []);
    entries.value = [...(cursor ? entries.value : []), ...res.value.entries.filter((e) => !seen.has(e.id))];
    nextCursor.value = res.value.nextCursor;
  }

  return {
    entries,
    nextCursor,
    loading,
    error,
    /** The newest entries, replacing what is shown. */
    load: () => fetchPage(null),
    async loadMore() {
      if (nextCursor.value && !loading.value) await fetchPage(nextCursor.value);
    },
  };
}

export type AuditModel = ReturnType<typeof createAuditModel>;
