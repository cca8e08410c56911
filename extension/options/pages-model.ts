import { signal } from '@preact/signals';
import type { Activation, Page } from '../../shared/api/pages.ts';
import type { RealtimeUpdate, RuntimeError } from '../../shared/runtime-messages.ts';
import { request, watchRealtime } from '../ui/runtime-client.ts';

const POLL_MS = 1_000;

/**
 * The admin's Pages screen: linked Pages with their token health (kept live by the backend's
 * pushes), and the "Activate with Facebook" flow: open the dialog, wait for Facebook's answer,
 * let the admin pick the Page, link it.
 */
export function createPagesModel(
  send: typeof request = request,
  watch: typeof watchRealtime = watchRealtime,
) {
  const pages = signal<Page[]>([]);
  const loading = signal(false);
  const error = signal<RuntimeError | null>(null);
  const notice = signal<string | null>(null);
  const activation = signal<{ id: string; view: Activation } | null>(null);
  const checking = signal<string | null>(null);
  let poll: ReturnType<typeof setTimeout> | undefined;

  const upsert = (page: Page) => {
    pages.value = [...pages.value.filter((p) => p.id !== page.id), page].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  };
  const onRealtime = (u: RealtimeUpdate) => {
    if (u.type === 'snapshot' && u.snapshot.pages) pages.value = u.snapshot.pages;
    if (u.type === 'event' && (u.event.type === 'page.health' || u.event.type === 'page.linked'))
      upsert(u.event.page);
  };

  async function follow(id: string) {
    const res = await send('pages.activation', { id });
    if (!res.ok) {
      error.value = res.error;
      activation.value = null;
      return;
    }
    activation.value = { id, view: res.value };
    if (res.value.status === 'pending') poll = setTimeout(() => void follow(id), POLL_MS);
  }

  return {
    pages,
    loading,
    error,
    notice,
    activation,
    checking,
    start(abort: AbortSignal) {
      watch(onRealtime, abort);
      abort.addEventListener('abort', () => clearTimeout(poll), { once: true });
    },
    async load() {
      loading.value = true;
      const res = await send('pages.list');
      loading.value = false;
      if (res.ok) pages.value = res.value;
      else error.value = res.error;
    },
    async activate() {
      error.value = null;
      notice.value = null;
      clearTimeout(poll);
      const res = await send('pages.activate');
      if (!res.ok) {
        error.value = res.error;
        return;
      }
      activation.value = { id: res.value.activationId, view: { status: 'pending' } };
      poll = setTimeout(() => void follow(res.value.activationId), POLL_MS);
    },
    cancelActivation() {
      clearTimeout(poll);
      activation.value = null;
    },
    async link(pageId: string) {
      const current = activation.value;
      if (!current) return;
      error.value = null;
      const res = await send('pages.link', { activationId: current.id, pageId });
      if (!res.ok) {
        error.value = res.error;
        return;
      }
      upsert(res.value);
      activation.value = null;
      notice.value = res.value.name;
    },
    async check(id: string) {
      checking.value = id;
      error.value = null;
      const res = await send('pages.check', { id });
      checking.value = null;
      if (res.ok) upsert(res.value);
      else error.value = res.error;
    },
    async setHumanAgent(id: string, enabled: boolean) {
      const res = await send('pages.update', { id, humanAgentEnabled: enabled });
      if (res.ok) upsert(res.value);
      else error.value = res.error;
    },
    /** Returns the refusals to show beside the form; links what it can. */
    async importToken(accessToken: string) {
      error.value = null;
      const res = await send('pages.import', { accessToken });
      if (!res.ok) {
        error.value = res.error;
        return null;
      }
      for (const p of res.value.linked) upsert(p);
      if (res.value.linked.length) notice.value = res.value.linked.map((p) => p.name).join(', ');
      return res.value.refused;
    },
  };
}

export type PagesModel = ReturnType<typeof createPagesModel>;
