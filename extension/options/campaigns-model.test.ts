import { describe, expect, it } from 'vitest';
import type { Page } from '../../shared/api/pages.ts';
import type { RealtimeUpdate, RuntimeResult } from '../../shared/runtime-messages.ts';
import type { request, watchRealtime } from '../ui/runtime-client.ts';
import { campaign, keys, user } from './campaign-test-fixtures.ts';
import { createCampaignsModel } from './campaigns-model.ts';

const page = (extra: Partial<Page> = {}): Page => ({
  id: '1234567890',
  name: 'Café Olé Shoes',
  health: 'active',
  healthReason: null,
  healthCheckedAt: null,
  healthChangedAt: '2026-11-24T00:00:00.000Z',
  humanAgentEnabled: false,
  scopes: [],
  ...extra,
});

/** A background that answers from a script (a list of answers is used one per call). */
function fakeSend(answers: Record<string, RuntimeResult<unknown> | RuntimeResult<unknown>[]>) {
  const sent: { type: string; input: unknown }[] = [];
  const send = (async (type: string, input?: unknown) => {
    sent.push({ type, input });
    const answer = answers[type];
    const next = Array.isArray(answer) ? answer.shift() : answer;
    return next ?? { ok: false, error: { code: 'INTERNAL', message: 'unscripted' } };
  }) as unknown as typeof request;
  return { send, sent };
}

function model(answers: Parameters<typeof fakeSend>[0]) {
  const fake = fakeSend(answers);
  let push: (u: RealtimeUpdate) => void = () => {};
  const watch: typeof watchRealtime = (onUpdate) => {
    push = onUpdate;
  };
  let n = 0;
  const m = createCampaignsModel(fake.send, watch, {
    translate: keys,
    timeZone: 'America/Lima',
    newId: () => `new-${++n}`,
  });
  m.start(new AbortController().signal);
  return { m, sent: fake.sent, push: (u: RealtimeUpdate) => push(u) };
}

const ok = <T>(value: T) => ({ ok: true as const, value });

describe('campaigns model', () => {
  it('loads the list, showing loading meanwhile, and keeps a failure to show', async () => {
    const { m } = model({
      'campaigns.list': [ok([campaign()]), { ok: false, error: { code: 'FORBIDDEN', message: 'No.' } }],
    });
    const loading = m.load();
    expect(m.loading.value).toBe(true);
    await loading;
    expect(m.loading.value).toBe(false);
    expect(m.campaigns.value.map((c) => c.name)).toEqual(['Shoes comments']);
    await m.load();
    expect(m.error.value).toEqual({ code: 'FORBIDDEN', message: 'No.' });
  });

  it("loads the form's choices: the linked Pages and the users", async () => {
    const { m } = model({ 'pages.list': ok([page()]), 'users.list': ok([user('Al')]) });
    await m.loadChoices();
    expect(m.pages.value.map((p) => p.name)).toEqual(['Café Olé Shoes']);
    expect(m.users.value.map((u) => u.name)).toEqual(['Al']);
    expect(m.error.value).toBeNull();
  });

  it("checks a Page's token, then reloads the campaigns that show it", async () => {
    const dead = page({ health: 'invalid', healthReason: 'Re-activate the Page.' });
    const { m, sent } = model({
      'campaigns.list': [
        ok([campaign()]),
        ok([campaign({ pageHealth: 'invalid', pageHealthReason: 'Re-activate the Page.' })]),
      ],
      'pages.check': ok(dead),
    });
    await m.load();
    const checking = m.checkPage('1234567890');
    expect(m.checking.value).toBe('1234567890');
    await checking;
    expect(m.checking.value).toBeNull();
    expect(sent.map((s) => s.type)).toEqual(['campaigns.list', 'pages.check', 'campaigns.list']);
    expect(sent[1]?.input).toEqual({ id: '1234567890' });
    expect(m.campaigns.value[0]).toMatchObject({
      pageHealth: 'invalid',
      pageHealthReason: 'Re-activate the Page.',
    });
  });

  it('keeps a failed check visible after the reload', async () => {
    const failure = { code: 'FACEBOOK_ERROR' as const, message: 'Facebook did not answer.' };
    const { m } = model({ 'campaigns.list': ok([campaign()]), 'pages.check': { ok: false, error: failure } });
    await m.checkPage('1234567890');
    expect(m.error.value).toEqual(failure);
    expect(m.campaigns.value).toHaveLength(1);
  });

  it("shows a Page's health pushed live on every campaign of that Page only", async () => {
    const other = campaign({ id: 'c2', name: 'Other', pageId: '42', pageName: 'Other Page' });
    const { m, push } = model({ 'campaigns.list': ok([campaign(), other]) });
    await m.load();
    push({
      type: 'event',
      event: { type: 'page.health', page: page({ health: 'invalid', healthReason: 'Gone.' }) },
    });
    expect(m.campaigns.value.map((c) => c.pageHealth)).toEqual(['invalid', 'active']);
  });
});

describe('saving the form', () => {
  it('sends nothing while the page itself sees a problem', async () => {
    const { m, sent } = model({});
    m.openNew();
    expect(await m.save()).toBe(false);
    expect(sent).toEqual([]);
    expect(m.form.value?.messagesAt('body.name')).toEqual(['errNameRequired']);
  });

  it('creates a campaign, lists it, says so and closes the form', async () => {
    const created = campaign({ id: 'c9', name: 'New one', schedule: [], members: [], cannedResponses: [] });
    const { m, sent } = model({ 'campaigns.create': ok(created) });
    m.openNew();
    const f = m.form.value!;
    expect(f.state.value.timeZone).toBe('America/Lima');
    f.setField('name', 'New one');
    f.setField('pageId', '1234567890');
    f.addMember(user('Al'));
    expect(await m.save()).toBe(true);
    expect(sent[0]).toMatchObject({
      type: 'campaigns.create',
      input: {
        name: 'New one',
        pageId: '1234567890',
        members: [{ userId: 'u-al', penalty: 0, position: 0 }],
      },
    });
    expect(m.campaigns.value).toEqual([created]);
    expect(m.notice.value).toEqual({ key: 'campaignCreated', name: 'New one' });
    expect(m.form.value).toBeNull();
  });

  it("keeps the form open with the server's issues beside the fields", async () => {
    const { m } = model({
      'campaigns.create': {
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: 'Some fields need attention.',
          fields: [{ path: 'body.schedule.0.to', message: 'Use 24-hour HH:MM.' }],
        },
      },
    });
    m.openNew();
    const f = m.form.value!;
    f.setField('name', 'X');
    f.setField('pageId', '1');
    f.addRow();
    expect(await m.save()).toBe(false);
    expect(m.form.value).toBe(f);
    expect(f.messagesAt('body.schedule.0.to')).toEqual(['Use 24-hour HH:MM.']);
    expect(f.formError.value?.message).toBe('Some fields need attention.');
    expect(m.saving.value).toBe(false);
  });

  it('updates only what changed, and replaces the campaign in the list', async () => {
    const { m, sent } = model({
      'campaigns.list': ok([campaign()]),
      'campaigns.update': ok(campaign({ enabled: false })),
    });
    await m.load();
    m.openEdit(campaign().id);
    m.form.value!.setField('enabled', false);
    expect(await m.save()).toBe(true);
    expect(sent.at(-1)).toEqual({
      type: 'campaigns.update',
      input: { id: campaign().id, changes: { enabled: false } },
    });
    expect(m.campaigns.value).toEqual([campaign({ enabled: false })]);
    expect(m.notice.value).toEqual({ key: 'campaignSaved', name: 'Shoes comments' });
  });

  it('sends the supervisors picked in the form as supervisorIds', async () => {
    const sue = user('Sue', { role: 'supervisor' });
    const saved = campaign({ supervisorIds: ['u-sue', 'u-tom'] });
    const { m, sent } = model({
      'campaigns.list': ok([campaign({ supervisorIds: [], supervisors: [] })]),
      'users.list': ok([user('Al'), sue, user('Tom', { role: 'supervisor' })]),
      'pages.list': ok([]),
      'campaigns.update': ok(saved),
    });
    await m.load();
    await m.loadChoices();
    m.openEdit(campaign().id);
    const f = m.form.value!;
    for (const s of f.addableSupervisors(m.users.value)) f.addSupervisor(s);
    expect(await m.save()).toBe(true);
    expect(sent.at(-1)).toEqual({
      type: 'campaigns.update',
      input: { id: campaign().id, changes: { supervisorIds: ['u-sue', 'u-tom'] } },
    });
    expect(m.campaigns.value[0]?.supervisorIds).toEqual(['u-sue', 'u-tom']);
  });

  it('closes an unchanged form without asking the server', async () => {
    const { m, sent } = model({ 'campaigns.list': ok([campaign()]) });
    await m.load();
    m.openEdit(campaign().id);
    expect(await m.save()).toBe(true);
    expect(sent.map((s) => s.type)).toEqual(['campaigns.list']);
    expect(m.notice.value).toEqual({ key: 'campaignUnchanged', name: 'Shoes comments' });
    expect(m.form.value).toBeNull();
  });
});
