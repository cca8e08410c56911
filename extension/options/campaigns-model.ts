import { signal } from '@preact/signals';
import type { Campaign } from '../../shared/api/campaigns.ts';
import type { Page } from '../../shared/api/pages.ts';
import type { User } from '../../shared/api/users.ts';
import type { RealtimeUpdate, RuntimeError } from '../../shared/runtime-messages.ts';
import { request, watchRealtime } from '../ui/runtime-client.ts';
import type { CampaignFormModel } from './campaign-form-model.ts';
import { type CampaignFormOptions, createCampaignFormModel } from './campaign-form-model.ts';

/** What the screen says after a save: a catalog key and the campaign's name. */
export interface CampaignNotice {
  key: 'campaignCreated' | 'campaignSaved' | 'campaignUnchanged';
  name: string;
}

/**
 * The admin's Campaigns screen: the list (with each Page's token health, kept live by the backend's
 * pushes), the Pages and users the form picks from, the open form, and saving it.
 */
export function createCampaignsModel(
  send: typeof request = request,
  watch: typeof watchRealtime = watchRealtime,
  formOptions: Omit<CampaignFormOptions, 'campaign'> = {},
) {
  const campaigns = signal<Campaign[]>([]);
  const pages = signal<Page[]>([]);
  const users = signal<User[]>([]);
  const loading = signal(false);
  const error = signal<RuntimeError | null>(null);
  const notice = signal<CampaignNotice | null>(null);
  /** The Page whose token is being checked, to disable its refresh buttons meanwhile. */
  const checking = signal<string | null>(null);
  const form = signal<CampaignFormModel | null>(null);
  const saving = signal(false);

  const upsert = (c: Campaign) => {
    campaigns.value = [...campaigns.value.filter((o) => o.id !== c.id), c].sort(
      (a, b) => a.name.localeCompare(b.name) || a.channel.localeCompare(b.channel),
    );
  };
  /** Every campaign of a Page shows the Page's health and name as they change. */
  const applyPage = (page: Page) => {
    campaigns.value = campaigns.value.map((c) =>
      c.pageId === page.id
        ? { ...c, pageName: page.name, pageHealth: page.health, pageHealthReason: page.healthReason }
        : c,
    );
    pages.value = [...pages.value.filter((p) => p.id !== page.id), page].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  };
  const onRealtime = (u: RealtimeUpdate) => {
    if (u.type === 'event' && (u.event.type === 'page.health' || u.event.type === 'page.linked'))
      applyPage(u.event.page);
  };

  async function load() {
    loading.value = true;
    error.value = null;
    const res = await send('campaigns.list');
    loading.value = false;
    if (res.ok) campaigns.value = res.value;
    else error.value = res.error;
  }

  return {
    campaigns,
    pages,
    users,
    loading,
    error,
    notice,
    checking,
    form,
    saving,
    start(abort: AbortSignal) {
      watch(onRealtime, abort);
    },
    load,
    /** The linked Pages and the users, for the form's pickers; a failure is shown like any other. */
    async loadChoices() {
      const [p, u] = await Promise.all([send('pages.list'), send('users.list')]);
      if (p.ok) pages.value = p.value;
      if (u.ok) users.value = u.value;
      const failed = [p, u].find((r) => !r.ok);
      if (failed && !failed.ok) error.value = failed.error;
    },
    /** Asks the backend to check the Page's token now, then reloads the campaigns that show it. */
    async checkPage(pageId: string) {
      checking.value = pageId;
      const res = await send('pages.check', { id: pageId });
      if (res.ok) applyPage(res.value);
      await load();
      checking.value = null;
      if (!res.ok) error.value = res.error;
    },
    openNew() {
      notice.value = null;
      form.value = createCampaignFormModel(formOptions);
    },
    openEdit(id: string) {
      const campaign = campaigns.value.find((c) => c.id === id);
      if (!campaign) return;
      notice.value = null;
      form.value = createCampaignFormModel({ ...formOptions, campaign });
    },
    closeForm() {
      form.value = null;
    },
    /**
     * Saves the open form: nothing is sent while the page itself sees a problem; the server's field
     * issues go back to the form. Closes the form on success. Returns whether it saved.
     */
    async save(): Promise<boolean> {
      const current = form.value;
      if (!current || saving.value) return false;
      current.attempted.value = true;
      current.setServerError(null);
      if (current.clientIssues.value.length > 0) return false;
      let res: Awaited<ReturnType<typeof send<'campaigns.create'>>>;
      if (current.campaignId === null) {
        saving.value = true;
        res = await send('campaigns.create', current.toCreateInput());
      } else {
        const changes = current.toUpdateInput();
        if (Object.keys(changes).length === 0) {
          notice.value = { key: 'campaignUnchanged', name: current.state.value.name.trim() };
          form.value = null;
          return true;
        }
        saving.value = true;
        res = await send('campaigns.update', { id: current.campaignId, changes });
      }
      saving.value = false;
      if (!res.ok) {
        current.setServerError(res.error);
        return false;
      }
      upsert(res.value);
      notice.value = {
        key: current.mode === 'create' ? 'campaignCreated' : 'campaignSaved',
        name: res.value.name,
      };
      if (form.value === current) form.value = null;
      return true;
    },
  };
}

export type CampaignsModel = ReturnType<typeof createCampaignsModel>;
