import { describe, expect, it } from 'vitest';
import { HUMAN_AGENT_WINDOW_MS, messagingPolicy } from './messaging-window.ts';
import { type PrivateReplyFacts, privateReplyVerdict } from './private-reply.ts';

const NOW = Date.UTC(2026, 10, 24, 12);
const fresh: PrivateReplyFacts = {
  fromCustomer: true,
  commentCreatedMs: NOW - 3600_000,
  alreadySent: false,
  onItsWay: false,
  messengerCampaign: true,
};

describe('privateReplyVerdict', () => {
  it("allows a customer's recent comment on a Page with a Messenger campaign", () => {
    expect(privateReplyVerdict(fresh, NOW)).toEqual({ allowed: true, reason: null });
  });

  it('refuses without an enabled Messenger campaign, saying so', () => {
    expect(privateReplyVerdict({ ...fresh, messengerCampaign: false }, NOW)).toEqual({
      allowed: false,
      reason: expect.stringMatching(/No enabled Messenger campaign/),
    });
  });

  it('refuses a second private reply, whether sent or still on its way', () => {
    expect(privateReplyVerdict({ ...fresh, alreadySent: true }, NOW).reason).toMatch(/already had/);
    expect(privateReplyVerdict({ ...fresh, onItsWay: true }, NOW).reason).toMatch(/on its way/);
  });

  it('refuses a comment older than 7 days, and one the Page wrote', () => {
    const old = { ...fresh, commentCreatedMs: NOW - HUMAN_AGENT_WINDOW_MS - 1 };
    expect(privateReplyVerdict(old, NOW).reason).toMatch(/older than 7 days/);
    expect(privateReplyVerdict({ ...fresh, fromCustomer: false }, NOW).reason).toMatch(/customer's comment/);
  });
});

describe('messagingPolicy after a private reply', () => {
  it('explains that the chat waits for the person to write back', () => {
    const policy = messagingPolicy(null, NOW, true, true);
    expect(policy).toEqual({ send: 'closed', reason: expect.stringMatching(/writes back/) });
  });
});
