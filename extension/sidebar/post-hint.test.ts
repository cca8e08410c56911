import { describe, expect, it } from 'vitest';
import { parseLocation, splitByPost, watchPostHint } from './post-hint.ts';
import { interactionView } from './sidebar-test-fixtures.ts';

describe('the post on screen', () => {
  it('accepts only the exact location message', () => {
    expect(parseLocation({ type: 'pagedesk.location', postId: '123456' })).toEqual({ postId: '123456' });
    expect(parseLocation({ type: 'pagedesk.location', postId: null })).toEqual({ postId: null });
    for (const bad of [
      null,
      'pagedesk.location',
      { type: 'pagedesk.location' },
      { type: 'pagedesk.location', postId: '12a' },
      { type: 'pagedesk.location', postId: '1'.repeat(41) },
      { type: 'pagedesk.location', postId: 123 },
      { type: 'pagedesk.location', postId: '1', extra: true },
      { type: 'other', postId: '1' },
    ])
      expect(parseLocation(bad)).toBeUndefined();
  });

  it('listens to the parent page only', () => {
    const heard: (string | null)[] = [];
    const ac = new AbortController();
    watchPostHint((p) => heard.push(p), ac.signal);
    const post = (data: unknown, source: Window | null) =>
      window.dispatchEvent(new MessageEvent('message', { data, source }));
    post({ type: 'pagedesk.location', postId: '42' }, window.parent);
    post({ type: 'pagedesk.location', postId: '43' }, null);
    post({ type: 'pagedesk.location', postId: 'nope' }, window.parent);
    post({ type: 'pagedesk.location', postId: null }, window.parent);
    ac.abort();
    post({ type: 'pagedesk.location', postId: '44' }, window.parent);
    expect(heard).toEqual(['42', null]);
  });

  it("puts the post's comment threads first, keeping the order inside both groups", () => {
    const items = [
      interactionView({ id: 'a', threadKey: '99_1' }),
      interactionView({ id: 'b', threadKey: '42_7' }),
      interactionView({ id: 'c', channel: 'messenger', threadKey: '42_8' }),
      interactionView({ id: 'd', threadKey: '421_9' }),
      interactionView({ id: 'e', threadKey: '42_3' }),
    ];
    const split = splitByPost(items, '42');
    expect(split.onPost.map((i) => i.id)).toEqual(['b', 'e']);
    expect(split.rest.map((i) => i.id)).toEqual(['a', 'c', 'd']);
    expect(splitByPost(items, null).onPost).toEqual([]);
  });
});
