import { describe, expect, it } from 'vitest';
import {
  HUMAN_AGENT_WINDOW_MS,
  messagingPolicy,
  privateReplyAllowed,
  STANDARD_WINDOW_MS,
} from './messaging-window.ts';

const NOW = Date.UTC(2026, 10, 24, 12);

describe('messagingPolicy', () => {
  it('answers as a RESPONSE within 24 hours, up to the last millisecond', () => {
    expect(messagingPolicy(NOW - STANDARD_WINDOW_MS, NOW, false)).toEqual({
      send: 'RESPONSE',
      closesAt: NOW,
    });
  });

  it('uses the HUMAN_AGENT tag after 24 hours only when the page allows it, up to 7 days', () => {
    const last = NOW - STANDARD_WINDOW_MS - 1;
    expect(messagingPolicy(last, NOW, true)).toEqual({
      send: 'HUMAN_AGENT',
      closesAt: last + HUMAN_AGENT_WINDOW_MS,
    });
    expect(messagingPolicy(last, NOW, false).send).toBe('closed');
    expect(messagingPolicy(NOW - HUMAN_AGENT_WINDOW_MS, NOW, true).send).toBe('HUMAN_AGENT');
    expect(messagingPolicy(NOW - HUMAN_AGENT_WINDOW_MS - 1, NOW, true).send).toBe('closed');
  });

  it('is closed, with a reason, when the person never wrote', () => {
    const policy = messagingPolicy(null, NOW, true);
    expect(policy.send).toBe('closed');
    if (policy.send === 'closed') expect(policy.reason).toMatch(/privately/);
  });
});

describe('privateReplyAllowed', () => {
  it('allows one private reply per comment within 7 days', () => {
    expect(privateReplyAllowed(NOW - HUMAN_AGENT_WINDOW_MS, false, NOW)).toEqual({ ok: true });
    expect(privateReplyAllowed(NOW - HUMAN_AGENT_WINDOW_MS - 1, false, NOW).ok).toBe(false);
    expect(privateReplyAllowed(NOW, true, NOW)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/already/),
    });
  });
});
