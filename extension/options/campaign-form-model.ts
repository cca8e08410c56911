import { computed, signal } from '@preact/signals';
import {
  type Campaign,
  type CreateCampaignInput,
  DEFAULT_MAX_PER_AGENT,
  DEFAULT_THRESHOLDS,
  type UpdateCampaignInput,
} from '../../shared/api/campaigns.ts';
import type { User } from '../../shared/api/users.ts';
import type { FieldIssue } from '../../shared/errors.ts';
import type { RuntimeError } from '../../shared/runtime-messages.ts';
import { t } from '../ui/i18n.ts';
import { slotOf } from './campaign-field-slots.ts';
import { type CampaignDraft, draftIssues, LIMITS, type ThresholdKey } from './campaign-validation.ts';
import { browserTimeZone } from './time-zones.ts';

/** A schedule row as edited: `key` keeps the row's identity (selection, focus) while others move. */
export type ScheduleDraftRow = CampaignDraft['schedule'][number] & { key: string };
export type FormState = Omit<CampaignDraft, 'schedule'> & { schedule: ScheduleDraftRow[] };
type ScalarField =
  | 'name'
  | 'pageId'
  | 'channel'
  | 'strategy'
  | 'timeZone'
  | 'maxInteractionsPerAgent'
  | 'enabled';
type Translate = (key: string, subs?: string | string[]) => string;

export interface CampaignFormOptions {
  /** The campaign to edit; without it the form creates one. */
  campaign?: Campaign;
  /** The default zone of a new campaign: the browser's unless told. */
  timeZone?: string;
  /** Ids for new canned responses (the contract wants one per response, at most 40 characters). */
  newId?: () => string;
  translate?: Translate;
}

/** The values the API accepts for every editable field, in the order the admin set them. */
type Editable = Required<UpdateCampaignInput>;
const EDITABLE_KEYS = [
  'name',
  'strategy',
  'schedule',
  'timeZone',
  'thresholds',
  'maxInteractionsPerAgent',
  'enabled',
  'cannedResponses',
  'members',
  'supervisorIds',
] as const satisfies readonly (keyof Editable)[];

function editable(s: FormState): Editable {
  return {
    name: s.name.trim(),
    strategy: s.strategy,
    schedule: s.schedule.map(({ weekday, from, to }) => ({ weekday, from: from.trim(), to: to.trim() })),
    timeZone: s.timeZone.trim(),
    thresholds: {
      serviceLevel: Number(s.thresholds.serviceLevel.trim()),
      dropout: Number(s.thresholds.dropout.trim()),
      chatTime: Number(s.thresholds.chatTime.trim()),
      acd: Number(s.thresholds.acd.trim()),
    },
    maxInteractionsPerAgent: Number(s.maxInteractionsPerAgent.trim()),
    enabled: s.enabled,
    cannedResponses: s.cannedResponses.map((r) => ({ id: r.id, title: r.title.trim(), text: r.text.trim() })),
    // Position is the member's place in the list: moving a member renumbers everyone after it.
    members: s.members.map((m, position) => ({
      userId: m.userId,
      penalty: Number(m.penalty.trim()),
      position,
    })),
    supervisorIds: s.supervisors.map((v) => v.userId),
  };
}

const thresholdsText = (th: Campaign['thresholds']): Record<ThresholdKey, string> => ({
  serviceLevel: String(th.serviceLevel),
  dropout: String(th.dropout),
  chatTime: String(th.chatTime),
  acd: String(th.acd),
});

/** Moves the item at `index` by `delta` places; the same list when it would leave the ends. */
function moved<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

/**
 * One campaign form's draft: the fields as typed, the schedule rows with a selected row, the ordered
 * canned responses and members, the issues found here or by the server (keyed by the server's paths,
 * e.g. `body.schedule.2.to`), and the inputs for the API. Updates send only the fields that changed
 * (a changed list is sent whole), so two admins editing different fields do not undo each other.
 */
export function createCampaignFormModel(options: CampaignFormOptions = {}) {
  const { campaign } = options;
  const translate = options.translate ?? t;
  const newId = options.newId ?? (() => crypto.randomUUID());
  let keys = 0;
  const rowKey = () => `row-${++keys}`;

  const start: FormState = campaign
    ? {
        name: campaign.name,
        pageId: campaign.pageId,
        channel: campaign.channel,
        strategy: campaign.strategy,
        timeZone: campaign.timeZone,
        schedule: campaign.schedule.map((r) => ({ ...r, key: rowKey() })),
        thresholds: thresholdsText(campaign.thresholds),
        maxInteractionsPerAgent: String(campaign.maxInteractionsPerAgent),
        enabled: campaign.enabled,
        cannedResponses: campaign.cannedResponses.map((r) => ({ ...r })),
        members: [...campaign.members]
          .sort((a, b) => a.position - b.position)
          .map((m) => ({ userId: m.userId, name: m.name, penalty: String(m.penalty) })),
        supervisors: campaign.supervisors.map((v) => ({ userId: v.userId, name: v.name })),
      }
    : {
        name: '',
        pageId: '',
        channel: 'facebook',
        strategy: 'ringall',
        timeZone: options.timeZone ?? browserTimeZone(),
        schedule: [],
        thresholds: thresholdsText(DEFAULT_THRESHOLDS),
        maxInteractionsPerAgent: String(DEFAULT_MAX_PER_AGENT),
        enabled: true,
        cannedResponses: [],
        members: [],
        supervisors: [],
      };
  const initial = editable(start);

  const state = signal<FormState>(start);
  const selectedRow = signal<string | null>(null);
  /** Set by the first Save: from then on every issue shows, not only the schedule's. */
  const attempted = signal(false);
  const serverIssues = signal<FieldIssue[]>([]);
  const formError = signal<RuntimeError | null>(null);

  const clientIssues = computed<FieldIssue[]>(() =>
    draftIssues(state.value, !campaign).map((i) => ({ path: i.path, message: translate(i.key, i.subs) })),
  );
  /** Schedule mistakes show as soon as they are made; the rest after a Save, as the server's do. */
  const visibleIssues = computed<FieldIssue[]>(() => {
    const client = clientIssues.value.filter((i) => attempted.value || i.path.startsWith('body.schedule'));
    const all = [...serverIssues.value, ...client];
    return all.filter((i, n) => all.findIndex((o) => o.path === i.path && o.message === i.message) === n);
  });
  const lengths = () => ({
    schedule: state.value.schedule.length,
    cannedResponses: state.value.cannedResponses.length,
    members: state.value.members.length,
  });
  /** Issues the form has no place for (say, a path it does not render): shown above it. */
  const generalIssues = computed(() => visibleIssues.value.filter((i) => slotOf(i.path, lengths()) === null));

  /** A server issue no longer applies once its field is edited (or its list reshaped). */
  const clearServer = (prefix: string) => {
    serverIssues.value = serverIssues.value.filter(
      (i) => i.path !== prefix && !i.path.startsWith(`${prefix}.`),
    );
  };
  const update = (patch: Partial<FormState>) => {
    state.value = { ...state.value, ...patch };
  };

  return {
    mode: campaign ? ('edit' as const) : ('create' as const),
    campaignId: campaign?.id ?? null,
    state,
    selectedRow,
    attempted,
    serverIssues,
    formError,
    clientIssues,
    visibleIssues,
    generalIssues,

    /** The messages to show at one place of the form (a field, a row, or a list). */
    messagesAt(slot: string): string[] {
      return visibleIssues.value.filter((i) => slotOf(i.path, lengths()) === slot).map((i) => i.message);
    },
    setField<K extends ScalarField>(key: K, value: FormState[K]) {
      update({ [key]: value } as Partial<FormState>);
      clearServer(`body.${key}`);
    },
    setThreshold(key: ThresholdKey, value: string) {
      update({ thresholds: { ...state.value.thresholds, [key]: value } });
      clearServer(`body.thresholds.${key}`);
    },

    selectRow(key: string | null) {
      selectedRow.value = key;
    },
    /** Adds a row for the day after the selected (or last) row, same hours: quick to fill a week. */
    addRow() {
      const rows = state.value.schedule;
      if (rows.length >= LIMITS.schedule) return;
      const base = rows.find((r) => r.key === selectedRow.value) ?? rows.at(-1);
      const row: ScheduleDraftRow = base
        ? { key: rowKey(), weekday: (base.weekday + 1) % 7, from: base.from, to: base.to }
        : { key: rowKey(), weekday: 1, from: '09:00', to: '17:00' };
      update({ schedule: [...rows, row] });
      selectedRow.value = row.key;
      clearServer('body.schedule');
    },
    /** Removes the selected row and selects its neighbour, so "−" can be pressed again. */
    removeSelected() {
      const rows = state.value.schedule;
      const index = rows.findIndex((r) => r.key === selectedRow.value);
      if (index < 0) return;
      const rest = rows.filter((_, i) => i !== index);
      update({ schedule: rest });
      selectedRow.value = (rest[index] ?? rest[index - 1])?.key ?? null;
      clearServer('body.schedule');
    },
    updateRow(key: string, patch: Partial<Omit<ScheduleDraftRow, 'key'>>) {
      const index = state.value.schedule.findIndex((r) => r.key === key);
      if (index < 0) return;
      update({ schedule: state.value.schedule.map((r) => (r.key === key ? { ...r, ...patch } : r)) });
      clearServer(`body.schedule.${index}`);
    },

    /** False (and nothing added) when the title or the text is blank. */
    addResponse(title: string, text: string): boolean {
      const list = state.value.cannedResponses;
      if (!title.trim() || !text.trim() || list.length >= LIMITS.responses) return false;
      update({ cannedResponses: [...list, { id: newId(), title: title.trim(), text: text.trim() }] });
      clearServer('body.cannedResponses');
      return true;
    },
    updateResponse(id: string, patch: { title?: string; text?: string }) {
      const index = state.value.cannedResponses.findIndex((r) => r.id === id);
      if (index < 0) return;
      update({
        cannedResponses: state.value.cannedResponses.map((r) => (r.id === id ? { ...r, ...patch } : r)),
      });
      clearServer(`body.cannedResponses.${index}`);
    },
    removeResponse(id: string) {
      update({ cannedResponses: state.value.cannedResponses.filter((r) => r.id !== id) });
      clearServer('body.cannedResponses');
    },
    moveResponse(id: string, delta: -1 | 1) {
      const list = state.value.cannedResponses;
      update({
        cannedResponses: moved(
          list,
          list.findIndex((r) => r.id === id),
          delta,
        ),
      });
      clearServer('body.cannedResponses');
    },

    /** Agents who could join: role agent, active, not a member yet. */
    addableAgents(users: readonly User[]): User[] {
      const members = new Set(state.value.members.map((m) => m.userId));
      return users.filter((u) => u.role === 'agent' && u.active && !members.has(u.id));
    },
    addMember(user: Pick<User, 'id' | 'name'>) {
      const list = state.value.members;
      if (list.some((m) => m.userId === user.id) || list.length >= LIMITS.members) return;
      update({ members: [...list, { userId: user.id, name: user.name, penalty: '0' }] });
      clearServer('body.members');
    },
    removeMember(userId: string) {
      update({ members: state.value.members.filter((m) => m.userId !== userId) });
      clearServer('body.members');
    },
    moveMember(userId: string, delta: -1 | 1) {
      const list = state.value.members;
      update({
        members: moved(
          list,
          list.findIndex((m) => m.userId === userId),
          delta,
        ),
      });
      clearServer('body.members');
    },
    setPenalty(userId: string, penalty: string) {
      const index = state.value.members.findIndex((m) => m.userId === userId);
      if (index < 0) return;
      update({ members: state.value.members.map((m) => (m.userId === userId ? { ...m, penalty } : m)) });
      clearServer(`body.members.${index}`);
    },

    /** Supervisors who could watch it: role supervisor, active, not picked yet. */
    addableSupervisors(users: readonly User[]): User[] {
      const picked = new Set(state.value.supervisors.map((v) => v.userId));
      return users.filter((u) => u.role === 'supervisor' && u.active && !picked.has(u.id));
    },
    addSupervisor(user: Pick<User, 'id' | 'name'>) {
      const list = state.value.supervisors;
      if (list.some((v) => v.userId === user.id) || list.length >= LIMITS.supervisors) return;
      update({ supervisors: [...list, { userId: user.id, name: user.name }] });
      clearServer('body.supervisorIds');
    },
    removeSupervisor(userId: string) {
      update({ supervisors: state.value.supervisors.filter((v) => v.userId !== userId) });
      clearServer('body.supervisorIds');
    },

    /** Keeps a failed save's answer: field issues go beside their fields, the message above the form. */
    setServerError(error: RuntimeError | null) {
      formError.value = error;
      serverIssues.value = error?.fields ?? [];
    },
    toCreateInput(): CreateCampaignInput {
      return { ...editable(state.value), pageId: state.value.pageId, channel: state.value.channel };
    },
    /** Only the fields that differ from the campaign as loaded; `{}` when nothing changed. */
    toUpdateInput(): UpdateCampaignInput {
      const now = editable(state.value);
      const changes: Record<string, unknown> = {};
      for (const key of EDITABLE_KEYS)
        if (JSON.stringify(now[key]) !== JSON.stringify(initial[key])) changes[key] = now[key];
      return changes as UpdateCampaignInput;
    },
  };
}

export type CampaignFormModel = ReturnType<typeof createCampaignFormModel>;
