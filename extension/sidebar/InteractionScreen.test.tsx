import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Transcript } from '../../shared/api/interactions.ts';
import type { RuntimeResult } from '../../shared/runtime-messages.ts';
import { InteractionScreen } from './InteractionScreen.tsx';
import { localDb } from './local-db.ts';
import { byLabel, byRole, click, press, typeInto, useEnglishCatalog } from './sidebar-dom-test-kit.ts';
import {
  facebookTranscript,
  fakeSend,
  fakeWatch,
  INTERACTION_ID,
  interactionView,
  ME,
  message,
  messengerTranscript,
  outgoing,
} from './sidebar-test-fixtures.ts';

let root: HTMLElement;
beforeEach(() => {
  useEnglishCatalog();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  act(() => render(null, root));
  root.remove();
  vi.restoreAllMocks();
  vi.useRealTimers();
  await localDb.clearUser(ME);
});

type Answer = RuntimeResult<unknown> | ((input: unknown) => RuntimeResult<unknown>);

async function show(transcript: Transcript, answers: Record<string, Answer> = {}) {
  const background = fakeSend({
    'interactions.get': { ok: true, value: transcript },
    'interactions.reply': { ok: true, value: { outboxId: 31, status: 'pending' } },
    ...answers,
  });
  const relay = fakeWatch();
  const onBack = vi.fn();
  const onPrivateChatStarted = vi.fn();
  const services = { send: background.send, watch: relay.watch };
  act(() =>
    render(
      <InteractionScreen
        id={INTERACTION_ID}
        user={{ id: ME, name: 'Iris Agent' }}
        preview={null}
        onBack={onBack}
        onPrivateChatStarted={onPrivateChatStarted}
        services={services}
      />,
      root,
    ),
  );
  await vi.waitFor(() => expect(root.querySelector('[data-testid="interaction-customer"]')).not.toBeNull());
  await act(async () => {});
  return { ...background, relay, onBack, onPrivateChatStarted };
}

const text = () => root.textContent ?? '';
const composerBox = () => byLabel(root, 'Your reply');
const messages = () => [...root.querySelectorAll<HTMLElement>('[data-testid="transcript-message"]')];

describe('the interaction view', () => {
  it('shows the post and the whole thread with authors, agents named, replies indented, removed marked', async () => {
    await show(
      facebookTranscript({
        messages: [
          message({ privateReply: { allowed: true, reason: null } }),
          message({
            id: '111222_444',
            author: { kind: 'agent', name: 'Ana', agentId: 'ana' },
            text: 'We do.',
            parentId: '111222_333',
          }),
          message({ id: '111222_555', text: 'Never mind', removed: true }),
        ],
      }),
    );
    expect(root.querySelector('[data-testid="interaction-campaign"]')?.textContent).toBe('Shop comments');
    expect(root.querySelector('h2')?.textContent).toBe('Dora Customer');
    expect(text()).toContain('Inbox Shop');
    expect(root.querySelector('.post')?.textContent).toContain('New arrivals');
    const [top, answer, removed] = messages();
    expect(top?.querySelector('.author')?.textContent).toBe('Dora Customer');
    expect(answer?.querySelector('.author')?.textContent).toBe('Ana (agent)');
    expect(answer?.classList.contains('depth-1')).toBe(true);
    expect(removed?.textContent).toContain('Removed');
  });

  it('starts a Messenger chat from a comment, naming the campaign, and says why when it cannot', async () => {
    const { of, onPrivateChatStarted } = await show(
      facebookTranscript({
        messages: [
          message({ privateReply: { allowed: true, reason: null } }),
          message({
            id: '111222_999',
            text: 'Old one',
            privateReply: { allowed: false, reason: 'Older than 7 days.' },
          }),
        ],
      }),
    );
    const [open, closed] = [...root.querySelectorAll<HTMLButtonElement>('.private-reply > button')];
    expect(closed?.disabled).toBe(true);
    expect(closed?.title).toBe('Older than 7 days.');
    expect(root.querySelector(`#${closed?.getAttribute('aria-describedby')}`)?.textContent).toBe(
      'Older than 7 days.',
    );
    expect(open?.textContent).toBe('Reply via Messenger');

    click(open);
    const box = root.querySelector<HTMLFormElement>('.private-reply-box')!;
    expect(box.textContent).toContain('Shop chat');
    typeInto(byLabel(box, 'Private message'), 'Hi Dora, let us continue here');
    click(byRole(box, 'button', 'Start interaction'));
    await vi.waitFor(() => expect(onPrivateChatStarted).toHaveBeenCalledWith('111', 'Dora Customer'));
    expect(of('interactions.reply')).toEqual([
      { id: INTERACTION_ID, commentId: '111222_333', privately: true, text: 'Hi Dora, let us continue here' },
    ]);
    expect(root.querySelector('.private-reply-box')).toBeNull();
    expect(root.querySelector('[data-testid="outgoing-reply"]')?.textContent).toContain('Private reply');
  });

  it('sends with Ctrl+Enter: pending at once, then failed with the reason and a retry', async () => {
    const { of, relay } = await show(facebookTranscript(), {
      'interactions.retry': {
        ok: true,
        value: outgoing({ id: 31, status: 'pending', text: 'Yes, to Porto too' }),
      },
    });
    typeInto(composerBox(), 'Yes, to Porto too');
    press(composerBox(), 'Enter', { ctrlKey: true });
    await vi.waitFor(() =>
      expect(of('interactions.reply')).toEqual([{ id: INTERACTION_ID, text: 'Yes, to Porto too' }]),
    );
    const item = () => root.querySelector<HTMLElement>('[data-testid="outgoing-reply"]')!;
    expect(item().dataset.status).toBe('pending');
    expect(item().textContent).toContain('Iris Agent (agent)');
    expect(item().textContent).toContain('Sending…');
    expect(composerBox().value).toBe('');

    act(() =>
      relay.push({
        type: 'event',
        event: {
          type: 'reply.status',
          reply: outgoing({
            id: 31,
            status: 'failed',
            error: 'The comment was deleted.',
            text: 'Yes, to Porto too',
          }),
          agentId: ME,
          campaignId: 'c1',
        },
      }),
    );
    expect(item().dataset.status).toBe('failed');
    expect(item().textContent).toContain('Not sent: The comment was deleted.');
    click(byRole(item(), 'button', 'Retry'));
    await vi.waitFor(() => expect(of('interactions.retry')).toEqual([{ id: INTERACTION_ID, replyId: 31 }]));
    await vi.waitFor(() => expect(item().dataset.status).toBe('pending'));
  });

  it('warns before the agent types when the Page token is broken, and shows a held reply', async () => {
    await show(
      facebookTranscript({
        outgoing: [outgoing({ id: 4, status: 'held', error: 'The Page must be re-activated by an admin.' })],
        context: {
          ...facebookTranscript().context,
          page: { id: '111', name: 'Inbox Shop', health: 'invalid', healthReason: 'Token expired' },
        },
      }),
    );
    expect(root.querySelector('[data-testid="page-broken"]')?.textContent).toBe(
      "The Page's Facebook connection is broken: replies are kept and sent after an admin re-activates it.",
    );
    expect(composerBox().disabled).toBe(false);
    expect(root.querySelector('[data-testid="outgoing-reply"]')?.textContent).toContain(
      'Held: The Page must be re-activated by an admin.',
    );
  });

  it('inserts a canned response found by typing "/" and the arrow keys', async () => {
    await show(facebookTranscript());
    typeInto(composerBox(), '/');
    const options = () => [...root.querySelectorAll<HTMLElement>('[role="option"]')];
    expect(options().map((o) => o.querySelector('.canned-title')?.textContent)).toEqual([
      'Hello',
      'Shipping',
    ]);
    press(composerBox(), 'ArrowDown');
    expect(options()[1]?.getAttribute('aria-selected')).toBe('true');
    expect(composerBox().getAttribute('aria-activedescendant')).toBe(options()[1]?.id);
    press(composerBox(), 'Enter');
    expect(composerBox().value).toBe('We ship everywhere in 3 days.');
    expect(root.querySelector('[role="listbox"]')).toBeNull();
  });

  it('searches canned responses from the button and inserts one with a click', async () => {
    await show(facebookTranscript());
    typeInto(composerBox(), 'Hello! ');
    click(byRole(root, 'button', 'Canned responses'));
    const search = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(search.getAttribute('aria-label')).toBe('Search canned responses');
    typeInto(search, 'ship');
    const options = [...root.querySelectorAll<HTMLElement>('[role="option"]')];
    expect(options).toHaveLength(1);
    click(options[0]);
    expect(composerBox().value).toBe('Hello! We ship everywhere in 3 days.');
  });

  it('inserts an emoji from the picker, reachable by keyboard', async () => {
    await show(facebookTranscript());
    typeInto(composerBox(), 'Thanks ');
    click(byRole(root, 'button', 'Insert emoji'));
    const picker = root.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(picker.getAttribute('aria-label')).toBe('Emojis');
    const first = picker.querySelector<HTMLButtonElement>('button.emoji')!;
    expect(document.activeElement).toBe(first);
    press(first, 'ArrowRight');
    const second = document.activeElement as HTMLButtonElement;
    expect(second).not.toBe(first);
    click(second);
    expect(composerBox().value).toBe(`Thanks ${second.textContent}`);
    expect(root.querySelector('[role="dialog"]')).toBeNull();
  });

  it('refuses a file of the wrong type before uploading', async () => {
    const { of } = await show(facebookTranscript());
    const input = root.querySelector<HTMLInputElement>('[data-testid="composer-file"]')!;
    expect(input.accept).toBe('image/jpeg,image/png,image/gif,image/webp');
    const file = new File(['%PDF'], 'offer.pdf', { type: 'application/pdf' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'offer.pdf cannot be attached: only JPEG, PNG, GIF or WebP images.',
    );
    expect(of('attachments.upload')).toEqual([]);
  });

  it('completes with a disposition, then goes back to the inbox', async () => {
    const { of, onBack } = await show(facebookTranscript());
    click(byRole(root, 'button', 'Complete'));
    typeInto(byLabel<HTMLInputElement>(root, 'Disposition (optional)'), 'resolved');
    click(byRole(root, 'button', 'Complete interaction'));
    await vi.waitFor(() => expect(onBack).toHaveBeenCalled());
    expect(of('interactions.complete')).toEqual([{ id: INTERACTION_ID, disposition: 'resolved' }]);
  });

  it('shows Accept instead of the composer for an offer', async () => {
    const { of } = await show(
      facebookTranscript({ interaction: interactionView({ state: 'offered', agentId: null }) }),
    );
    expect(root.querySelector('#composer-text')).toBeNull();
    click(byRole(root, 'button', 'Accept'));
    await vi.waitFor(() => expect(of('interactions.accept')).toEqual([{ id: INTERACTION_ID }]));
  });

  it('says who else is viewing or replying', async () => {
    const { relay, of } = await show(facebookTranscript());
    expect(of('interactions.viewing')).toEqual([{ interactionId: INTERACTION_ID, activity: 'viewing' }]);
    act(() => {
      for (const [userId, name, role, activity] of [
        ['maria', 'Maria', 'supervisor', 'viewing'],
        ['ana', 'Ana', 'agent', 'replying'],
      ] as const)
        relay.push({
          type: 'event',
          event: {
            type: 'interaction.viewer',
            viewer: { interactionId: INTERACTION_ID, userId, name, role, activity },
            agentId: ME,
            campaignId: 'c1',
          },
        });
    });
    const lines = [...root.querySelectorAll('[data-testid="viewers"] p')].map((p) => p.textContent);
    expect(lines).toEqual(['Ana is replying', 'Maria (supervisor) is viewing']);
  });

  it('shows a Messenger chat with its pictures and links, and the window countdown', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T12:00:00.000Z'));
    await show(
      messengerTranscript({
        messages: [
          message({
            id: 'm.1',
            text: 'Look',
            attachments: [
              { type: 'image', url: 'https://cdn.example/shoe.jpg' },
              { type: 'file', url: 'https://cdn.example/list.pdf' },
              { type: 'image', url: 'javascript:alert(1)' },
            ],
          }),
          message({ id: 'm.2', author: { kind: 'agent', name: 'Ana', agentId: 'ana' }, text: 'Nice' }),
        ],
        context: {
          ...messengerTranscript().context,
          window: { state: 'open', tag: 'RESPONSE', closesAt: '2026-11-24T15:12:30.000Z' },
        },
      }),
    );
    const [customer, agent] = messages();
    expect(customer?.classList.contains('in')).toBe(true);
    expect(agent?.classList.contains('out')).toBe(true);
    expect(agent?.querySelector('.author')?.textContent).toBe('Ana (agent)');
    const imgs = [...root.querySelectorAll('img')];
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual(['https://cdn.example/shoe.jpg']);
    const link = root.querySelector<HTMLAnchorElement>('a.attachment-link')!;
    expect(link.getAttribute('href')).toBe('https://cdn.example/list.pdf');
    expect(link.rel).toBe('noopener noreferrer');
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
    expect(root.querySelector('[data-testid="messenger-window"]')?.textContent).toBe(
      'Window closes in 3 h 12 min (RESPONSE)',
    );
  });

  it('disables the composer with the reason once the Messenger window has closed', async () => {
    await show(
      messengerTranscript({
        context: {
          ...messengerTranscript().context,
          window: { state: 'closed', reason: 'The customer wrote more than 7 days ago.' },
        },
      }),
    );
    expect(composerBox().disabled).toBe(true);
    expect(root.querySelector('[data-testid="composer-disabled"]')?.textContent).toBe(
      'The Messenger window has closed: The customer wrote more than 7 days ago.',
    );
    expect(byRole(root, 'button', 'Send').hasAttribute('disabled')).toBe(true);
  });

  it('shows hostile names and comments as plain text, creating no element from them', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const comment = '<script>alert(1)</script>';
    await show(
      facebookTranscript({
        interaction: interactionView({ customerName: name, campaignName: '<b>Bold</b>' }),
        post: { id: '111222', message: '<iframe src="https://evil.example"></iframe>', photoUrl: null },
        messages: [
          message({
            author: { kind: 'customer', name, agentId: null },
            text: comment,
            privateReply: { allowed: false, reason: '<img src=y onerror=alert(2)>' },
          }),
        ],
        context: {
          ...facebookTranscript().context,
          cannedResponses: [{ title: '<svg onload=alert(3)>', text: '<script>x</script>' }],
        },
      }),
    );
    expect(root.querySelector('h2')?.textContent).toBe(name);
    expect(messages()[0]?.querySelector('.author')?.textContent).toBe(name);
    expect(messages()[0]?.querySelector('.message-text')?.textContent).toBe(comment);
    expect(text()).toContain('<b>Bold</b>');
    expect(text()).toContain('<iframe src="https://evil.example"></iframe>');
    typeInto(composerBox(), '/');
    expect(text()).toContain('<svg onload=alert(3)>');
    expect(
      root.querySelectorAll('img, script, iframe, svg:not(.channel-icon):not(.ui-icon), b'),
    ).toHaveLength(0);
  });
});
