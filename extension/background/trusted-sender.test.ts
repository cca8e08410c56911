import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './trusted-sender.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;

describe('isTrustedSender', () => {
  it('trusts our own pages, the sidebar frame included', () => {
    expect(isTrustedSender({ id: ID, url: `${BASE}options.html` }, ID, BASE)).toBe(true);
    expect(isTrustedSender({ id: ID, url: `${BASE}sidebar.html` }, ID, BASE)).toBe(true);
  });

  it('refuses our own content script, which runs inside facebook.com', () => {
    expect(isTrustedSender({ id: ID, url: 'https://www.facebook.com/page' }, ID, BASE)).toBe(false);
  });

  it('refuses other extensions and senders without a URL', () => {
    expect(isTrustedSender({ id: 'other', url: 'chrome-extension://other/x.html' }, ID, BASE)).toBe(false);
    expect(isTrustedSender({ id: ID }, ID, BASE)).toBe(false);
  });
});
