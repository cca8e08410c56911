import { describe, expect, it } from 'vitest';
import {
  createCampaignSchema,
  DEFAULT_MAX_PER_AGENT,
  DEFAULT_THRESHOLDS,
  updateCampaignSchema,
} from '../../shared/api/campaigns.ts';
import { type CampaignFormOptions, createCampaignFormModel } from './campaign-form-model.ts';
import { campaign, keys, user } from './campaign-test-fixtures.ts';

function form(options: CampaignFormOptions = {}) {
  let n = 0;
  return createCampaignFormModel({ translate: keys, newId: () => `new-${++n}`, ...options });
}

/** A new form with every required field filled, so only the issue under test remains. */
function filled() {
  const f = form({ timeZone: 'Europe/Madrid' });
  f.setField('name', 'Shoes');
  f.setField('pageId', '1234567890');
  return f;
}

const paths = (f: ReturnType<typeof form>) => f.clientIssues.value.map((i) => `${i.path}: ${i.message}`);

describe('a new campaign', () => {
  it('starts with the contract defaults, the browser zone and an always-open schedule', () => {
    const f = form();
    expect(f.mode).toBe('create');
    expect(f.campaignId).toBeNull();
    const s = f.state.value;
    expect(s).toMatchObject({
      name: '',
      pageId: '',
      channel: 'facebook',
      strategy: 'ringall',
      enabled: true,
    });
    expect(s.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(s.schedule).toEqual([]);
    expect(s.cannedResponses).toEqual([]);
    expect(s.members).toEqual([]);
    const f2 = filled();
    expect(f2.toCreateInput()).toEqual({
      name: 'Shoes',
      pageId: '1234567890',
      channel: 'facebook',
      strategy: 'ringall',
      schedule: [],
      timeZone: 'Europe/Madrid',
      thresholds: DEFAULT_THRESHOLDS,
      maxInteractionsPerAgent: DEFAULT_MAX_PER_AGENT,
      enabled: true,
      cannedResponses: [],
      members: [],
      supervisorIds: [],
    });
  });

  it('asks for a name and a Page, but only shows it after the first Save', () => {
    const f = form();
    expect(paths(f)).toEqual(['body.name: errNameRequired', 'body.pageId: errPickPage']);
    expect(f.visibleIssues.value).toEqual([]);
    f.attempted.value = true;
    expect(f.messagesAt('body.name')).toEqual(['errNameRequired']);
    expect(f.messagesAt('body.pageId')).toEqual(['errPickPage']);
  });

  it('checks the time zone, the thresholds and the per-agent maximum as whole numbers in range', () => {
    const f = filled();
    f.setField('timeZone', 'Mars/Olympus_Mons');
    f.setThreshold('serviceLevel', '0');
    f.setThreshold('dropout', '1.5');
    f.setThreshold('chatTime', '');
    f.setThreshold('acd', '0');
    f.setField('maxInteractionsPerAgent', '51');
    expect(paths(f)).toEqual([
      'body.timeZone: errTimeZoneUnknown',
      'body.thresholds.serviceLevel: errWholeNumberBetween(1,86400)',
      'body.thresholds.dropout: errWholeNumberBetween(1,604800)',
      'body.thresholds.chatTime: errWholeNumberBetween(1,604800)',
      'body.maxInteractionsPerAgent: errWholeNumberBetween(1,50)',
    ]);
  });
});

describe('schedule editor', () => {
  it('adds a row for the next day with the same hours, and selects it', () => {
    const f = filled();
    f.addRow();
    f.addRow();
    const [mon, tue] = f.state.value.schedule;
    expect(mon).toMatchObject({ weekday: 1, from: '09:00', to: '17:00' });
    expect(tue).toMatchObject({ weekday: 2, from: '09:00', to: '17:00' });
    expect(f.selectedRow.value).toBe(tue?.key);
    f.updateRow(tue!.key, { weekday: 6, to: '13:00' });
    f.addRow();
    expect(f.state.value.schedule[2]).toMatchObject({ weekday: 0, from: '09:00', to: '13:00' });
  });

  it('removes the selected row only, then selects its neighbour', () => {
    const f = filled();
    f.addRow();
    f.addRow();
    f.addRow();
    const [a, b, c] = f.state.value.schedule.map((r) => r.key);
    f.selectRow(b!);
    f.removeSelected();
    expect(f.state.value.schedule.map((r) => r.key)).toEqual([a, c]);
    expect(f.selectedRow.value).toBe(c);
    f.removeSelected();
    expect(f.selectedRow.value).toBe(a);
    f.removeSelected();
    expect(f.state.value.schedule).toEqual([]);
    expect(f.selectedRow.value).toBeNull();
    f.removeSelected();
    expect(f.state.value.schedule).toEqual([]);
  });

  it('does nothing on "−" when no row is selected', () => {
    const f = filled();
    f.addRow();
    f.selectRow(null);
    f.removeSelected();
    expect(f.state.value.schedule).toHaveLength(1);
  });

  it('wants From before To in 24-hour HH:MM, with 24:00 as the end of the day, and says so at once', () => {
    const f = filled();
    f.addRow();
    f.addRow();
    f.addRow();
    const [a, b, c] = f.state.value.schedule.map((r) => r.key);
    f.updateRow(a!, { from: '18:00', to: '09:00' });
    f.updateRow(b!, { from: '9:00', to: '25:00' });
    f.updateRow(c!, { from: '20:00', to: '24:00' });
    expect(paths(f)).toEqual([
      'body.schedule.0.to: errFromBeforeTo',
      'body.schedule.1.from: errTimeFormat',
      'body.schedule.1.to: errTimeFormat',
    ]);
    // Schedule mistakes show before any Save.
    expect(f.messagesAt('body.schedule.0.to')).toEqual(['errFromBeforeTo']);
    f.updateRow(a!, { from: '10:00', to: '10:00' });
    expect(f.messagesAt('body.schedule.0.to')).toEqual(['errFromBeforeTo']);
  });

  it('flags a row that overlaps an earlier row of the same weekday, and only then', () => {
    const f = filled();
    for (let i = 0; i < 4; i++) f.addRow();
    const [a, b, c, d] = f.state.value.schedule.map((r) => r.key);
    f.updateRow(a!, { weekday: 1, from: '09:00', to: '12:00' });
    f.updateRow(b!, { weekday: 1, from: '12:00', to: '14:00' }); // touching is fine
    f.updateRow(c!, { weekday: 2, from: '10:00', to: '11:00' }); // another day
    f.updateRow(d!, { weekday: 1, from: '11:30', to: '12:30' }); // inside both
    expect(paths(f)).toEqual(['body.schedule.3: errOverlap(1)']);
    expect(f.messagesAt('body.schedule.3')).toEqual(['errOverlap(1)']);
    f.updateRow(d!, { weekday: 3 });
    expect(paths(f)).toEqual([]);
  });

  it('sends the rows in order without their keys', () => {
    const f = filled();
    f.addRow();
    f.updateRow(f.state.value.schedule[0]!.key, { from: ' 08:30 ' });
    expect(f.toCreateInput().schedule).toEqual([{ weekday: 1, from: '08:30', to: '17:00' }]);
  });
});

describe('canned responses', () => {
  it('adds trimmed responses with fresh ids, and refuses a blank title or text', () => {
    const f = filled();
    expect(f.addResponse('  ', 'text')).toBe(false);
    expect(f.addResponse('Title', ' ')).toBe(false);
    expect(f.addResponse(' Hello ', ' Hi! ')).toBe(true);
    expect(f.state.value.cannedResponses).toEqual([{ id: 'new-1', title: 'Hello', text: 'Hi!' }]);
    f.updateResponse('new-1', { text: 'Hi there! ' });
    expect(f.toCreateInput().cannedResponses).toEqual([{ id: 'new-1', title: 'Hello', text: 'Hi there!' }]);
  });

  it('moves up and down, keeping ids, and stops at the ends', () => {
    const f = filled();
    f.addResponse('A', 'a');
    f.addResponse('B', 'b');
    f.addResponse('C', 'c');
    const titles = () => f.state.value.cannedResponses.map((r) => `${r.id}:${r.title}`);
    f.moveResponse('new-3', -1);
    expect(titles()).toEqual(['new-1:A', 'new-3:C', 'new-2:B']);
    f.moveResponse('new-1', -1);
    f.moveResponse('new-2', 1);
    expect(titles()).toEqual(['new-1:A', 'new-3:C', 'new-2:B']);
    f.moveResponse('new-1', 1);
    expect(titles()).toEqual(['new-3:C', 'new-1:A', 'new-2:B']);
  });

  it('edits in place and removes, and a response emptied in place is an issue at its row', () => {
    const f = filled();
    f.addResponse('A', 'a');
    f.addResponse('B', 'b');
    f.updateResponse('new-2', { title: '' });
    expect(paths(f)).toEqual(['body.cannedResponses.1.title: errResponseTitle']);
    f.removeResponse('new-1');
    expect(paths(f)).toEqual(['body.cannedResponses.0.title: errResponseTitle']);
    f.updateResponse('new-2', { title: 'Bee', text: 'buzz' });
    expect(f.state.value.cannedResponses).toEqual([{ id: 'new-2', title: 'Bee', text: 'buzz' }]);
  });
});

describe('members', () => {
  it('offers only active agents who are not members yet', () => {
    const f = filled();
    const users = [user('Al'), user('Bo', { role: 'supervisor' }), user('Cy', { active: false }), user('Di')];
    expect(f.addableAgents(users).map((u) => u.name)).toEqual(['Al', 'Di']);
    f.addMember(users[0]!);
    f.addMember(users[0]!);
    expect(f.state.value.members).toEqual([{ userId: 'u-al', name: 'Al', penalty: '0' }]);
    expect(f.addableAgents(users).map((u) => u.name)).toEqual(['Di']);
  });

  it('renumbers positions from the list order after moves and removals', () => {
    const f = filled();
    for (const name of ['Al', 'Bo', 'Cy']) f.addMember(user(name));
    f.setPenalty('u-cy', '7');
    f.moveMember('u-cy', -1);
    f.moveMember('u-cy', -1);
    f.moveMember('u-cy', -1);
    expect(f.toCreateInput().members).toEqual([
      { userId: 'u-cy', penalty: 7, position: 0 },
      { userId: 'u-al', penalty: 0, position: 1 },
      { userId: 'u-bo', penalty: 0, position: 2 },
    ]);
    f.removeMember('u-al');
    expect(f.toCreateInput().members).toEqual([
      { userId: 'u-cy', penalty: 7, position: 0 },
      { userId: 'u-bo', penalty: 0, position: 1 },
    ]);
  });

  it('wants a penalty from 0 to 100', () => {
    const f = filled();
    f.addMember(user('Al'));
    f.addMember(user('Bo'));
    f.setPenalty('u-al', '101');
    f.setPenalty('u-bo', '-1');
    expect(paths(f)).toEqual([
      'body.members.0.penalty: errWholeNumberBetween(0,100)',
      'body.members.1.penalty: errWholeNumberBetween(0,100)',
    ]);
    f.setPenalty('u-al', '100');
    f.setPenalty('u-bo', '0');
    expect(paths(f)).toEqual([]);
  });
});

describe("the server's field issues", () => {
  const fields = [
    { path: 'body.name', message: 'Name the campaign.' },
    { path: 'body.schedule.1', message: 'Overlaps another period.' },
    { path: 'body.schedule.0.to', message: 'Use 24-hour HH:MM.' },
    { path: 'body.timeZone', message: 'Unknown time zone.' },
    { path: 'body.members.0.penalty', message: 'Too high.' },
    { path: 'body.members.1.userId', message: 'Not an agent.' },
    { path: 'body.cannedResponses.7.title', message: 'Gone.' },
    { path: 'body', message: 'Nothing to change.' },
  ];

  function withServerIssues() {
    const f = form({ campaign: campaign() });
    f.setServerError({ code: 'BAD_REQUEST', message: 'Check the fields.', fields });
    return f;
  }

  it('go beside their field, row or list; what has no place goes above the form', () => {
    const f = withServerIssues();
    expect(f.formError.value?.message).toBe('Check the fields.');
    expect(f.messagesAt('body.name')).toEqual(['Name the campaign.']);
    expect(f.messagesAt('body.schedule.1')).toEqual(['Overlaps another period.']);
    expect(f.messagesAt('body.schedule.0.to')).toEqual(['Use 24-hour HH:MM.']);
    expect(f.messagesAt('body.timeZone')).toEqual(['Unknown time zone.']);
    expect(f.messagesAt('body.members.0.penalty')).toEqual(['Too high.']);
    expect(f.messagesAt('body.members.1')).toEqual(['Not an agent.']);
    expect(f.messagesAt('body.cannedResponses')).toEqual(['Gone.']);
    expect(f.generalIssues.value).toEqual([{ path: 'body', message: 'Nothing to change.' }]);
  });

  it('go away once their field is edited or their list reshaped', () => {
    const f = withServerIssues();
    f.setField('name', 'Renamed');
    expect(f.messagesAt('body.name')).toEqual([]);
    f.updateRow(f.state.value.schedule[0]!.key, { to: '12:00' });
    expect(f.messagesAt('body.schedule.0.to')).toEqual([]);
    expect(f.messagesAt('body.schedule.1')).toEqual(['Overlaps another period.']);
    f.addRow();
    expect(f.messagesAt('body.schedule.1')).toEqual([]);
    f.moveMember('u-bea', 1);
    expect(f.messagesAt('body.members.0.penalty')).toEqual([]);
    expect(f.messagesAt('body.timeZone')).toEqual(['Unknown time zone.']);
    f.setServerError(null);
    expect(f.visibleIssues.value).toEqual([]);
    expect(f.formError.value).toBeNull();
  });
});

describe('editing a campaign', () => {
  it('loads the campaign with members in position order', () => {
    const f = form({ campaign: campaign() });
    expect(f.mode).toBe('edit');
    expect(f.campaignId).toBe(campaign().id);
    expect(f.state.value.members.map((m) => m.name)).toEqual(['Al', 'Bea']);
    expect(f.state.value.thresholds.serviceLevel).toBe('60');
    expect(f.state.value.schedule.map(({ weekday, from, to }) => ({ weekday, from, to }))).toEqual(
      campaign().schedule,
    );
  });

  it('sends nothing when nothing changed, even if stored positions had gaps', () => {
    const f = form({ campaign: campaign() });
    f.setField('name', ' Shoes comments ');
    expect(f.toUpdateInput()).toEqual({});
  });

  it('sends only the changed fields, a changed object or list whole', () => {
    const f = form({ campaign: campaign() });
    f.setField('name', 'Shoes');
    f.setField('enabled', false);
    f.setThreshold('acd', '4');
    f.moveMember('u-bea', -1);
    expect(f.toUpdateInput()).toEqual({
      name: 'Shoes',
      enabled: false,
      thresholds: { serviceLevel: 60, dropout: 900, chatTime: 1_800, acd: 4 },
      members: [
        { userId: 'u-bea', penalty: 5, position: 0 },
        { userId: 'u-al', penalty: 0, position: 1 },
      ],
    });
  });

  it('never sends the Page or the channel, which are fixed after creation', () => {
    const f = form({ campaign: campaign() });
    f.setField('pageId', '999');
    f.setField('channel', 'messenger');
    expect(f.toUpdateInput()).toEqual({});
    // And a blank pageId is no issue when editing: the server keeps the campaign's.
    f.setField('pageId', '');
    expect(paths(f)).toEqual([]);
  });
});

describe('supervisors', () => {
  it('offers only active supervisors not picked yet, and sends their ids in the order picked', () => {
    const f = filled();
    const users = [
      user('Al'),
      user('Sue', { role: 'supervisor' }),
      user('Old', { role: 'supervisor', active: false }),
      user('Tom', { role: 'supervisor' }),
    ];
    expect(f.addableSupervisors(users).map((u) => u.name)).toEqual(['Sue', 'Tom']);
    f.addSupervisor(users[3]!);
    f.addSupervisor(users[1]!);
    f.addSupervisor(users[1]!);
    expect(f.addableSupervisors(users)).toEqual([]);
    expect(f.toCreateInput().supervisorIds).toEqual(['u-tom', 'u-sue']);
    f.removeSupervisor('u-tom');
    expect(f.toCreateInput().supervisorIds).toEqual(['u-sue']);
  });

  it("starts from the campaign's supervisors and sends the list only when it changed", () => {
    const f = form({ campaign: campaign() });
    expect(f.state.value.supervisors).toEqual([{ userId: 'u-sue', name: 'Sue' }]);
    f.addSupervisor(user('Tom', { role: 'supervisor' }));
    expect(f.toUpdateInput()).toEqual({ supervisorIds: ['u-sue', 'u-tom'] });
    f.removeSupervisor('u-tom');
    expect(f.toUpdateInput()).toEqual({});
  });

  it("shows the server's refusal of one id beside the picker", () => {
    const f = form({ campaign: campaign() });
    f.setServerError({
      code: 'BAD_REQUEST',
      message: 'Some fields need attention.',
      fields: [{ path: 'body.supervisorIds.0', message: 'Not a supervisor.' }],
    });
    expect(f.messagesAt('body.supervisorIds')).toEqual(['Not a supervisor.']);
    expect(f.generalIssues.value).toEqual([]);
    f.removeSupervisor('u-sue');
    expect(f.messagesAt('body.supervisorIds')).toEqual([]);
  });
});

describe('the API contract', () => {
  const ada = '6f1c4b9e-2c1d-4a59-8f0e-0d6b1f6d1c11';

  it('builds create and update inputs that the shared schemas accept as they are', () => {
    const f = filled();
    f.addRow();
    f.addResponse('Hello', 'Hi!');
    f.addMember(user('Ada', { id: ada }));
    f.addSupervisor(user('Sam', { id: '0c9e2f4a-6b1d-4e8f-9a2b-3c4d5e6f7a81', role: 'supervisor' }));
    const create = f.toCreateInput();
    expect(createCampaignSchema.parse(create)).toEqual(create);

    const e = form({
      campaign: campaign({ members: [{ userId: ada, name: 'Ada', penalty: 1, position: 3 }] }),
    });
    e.setField('strategy', 'linear');
    e.addRow();
    e.setPenalty(ada, '2');
    const update = e.toUpdateInput();
    expect(Object.keys(update).sort()).toEqual(['members', 'schedule', 'strategy']);
    expect(updateCampaignSchema.parse(update)).toEqual(update);
  });
});
