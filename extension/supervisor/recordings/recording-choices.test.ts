import { describe, expect, it } from 'vitest';
import { agentRow, board, campaignBoard } from '../board-test-fixtures.ts';
import { recordingChoices } from './recording-choices.ts';

describe('recording choices', () => {
  it("offers the board's campaigns and their agents once each, by name", () => {
    const base = campaignBoard();
    const chat = campaignBoard({
      campaign: { ...base.campaign, id: 'c-ms', name: 'Chat', channel: 'messenger' },
      agents: [agentRow(), agentRow({ agentId: 'a-al', name: 'Al' })],
    });
    expect(recordingChoices(board([base, chat]))).toEqual({
      campaigns: [
        { id: 'c-ms', name: 'Chat', channel: 'messenger' },
        { id: 'c-fb', name: 'Shop comments', channel: 'facebook' },
      ],
      agents: [
        { id: 'a-al', name: 'Al' },
        { id: 'a-iris', name: 'Iris' },
      ],
    });
    expect(recordingChoices(null)).toEqual({ campaigns: [], agents: [] });
  });
});
