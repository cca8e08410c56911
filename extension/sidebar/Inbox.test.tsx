import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InteractionView } from '../../shared/api/interactions.ts';
import { Inbox } from './Inbox.tsx';
import { createInboxModel } from './inbox-model.ts';
import { click, useEnglishCatalog } from './sidebar-dom-test-kit.ts';
import { fakeSend, interactionView, ME } from './sidebar-test-fixtures.ts';

let root: HTMLElement;
beforeEach(() => {
  useEnglishCatalog();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  vi.restoreAllMocks();
});

function inboxWith(items: InteractionView[]) {
  const inbox = createInboxModel(
    () => ME,
    fakeSend().send,
    () => {},
  );
  for (const interaction of items)
    inbox.receive({
      type: 'event',
      event: { type: 'interaction.changed', interaction, previousAgentId: null },
    });
  return inbox;
}

const items = [
  interactionView({ id: 'a', threadKey: '900_1', customerName: 'Al', queuedAt: '2026-11-24T10:00:00Z' }),
  interactionView({ id: 'b', threadKey: '42_7', customerName: 'Bea', queuedAt: '2026-11-24T10:01:00Z' }),
  interactionView({
    id: 'c',
    channel: 'messenger',
    threadKey: '42_8',
    customerName: 'Cy',
    queuedAt: '2026-11-24T10:02:00Z',
  }),
];

describe('the inbox', () => {
  it('lists the threads of the post on screen first, marked "On this post"', () => {
    const inbox = inboxWith(items);
    act(() => render(<Inbox inbox={inbox} postId="42" />, root));
    const group = root.querySelector('ul[aria-label="On this post"]')!;
    expect([...group.querySelectorAll('.inbox-customer')].map((e) => e.textContent)).toEqual(['Bea']);
    expect(group.textContent).toContain('On this post');
    const rest = root.querySelector('ul[aria-label="Inbox"]')!;
    expect([...rest.querySelectorAll('.inbox-customer')].map((e) => e.textContent)).toEqual(['Al', 'Cy']);
    expect(rest.textContent).not.toContain('On this post');
  });

  it('has no post group when no post is on screen', () => {
    const inbox = inboxWith(items);
    act(() => render(<Inbox inbox={inbox} postId={null} />, root));
    expect(root.querySelector('ul[aria-label="On this post"]')).toBeNull();
    expect(root.querySelectorAll('ul[aria-label="Inbox"] li')).toHaveLength(3);
  });

  it('opens an interaction on click, and marks it read', () => {
    const inbox = inboxWith(items);
    const onOpen = vi.fn();
    act(() => render(<Inbox inbox={inbox} onOpen={onOpen} />, root));
    expect(inbox.unread.value.has('b')).toBe(true);
    click(root.querySelector('[data-interaction-id="b"] .inbox-open'));
    expect(onOpen).toHaveBeenCalledWith('b');
    expect(inbox.unread.value.has('b')).toBe(false);
  });
});
