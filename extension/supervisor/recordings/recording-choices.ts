import type { Channel } from '../../../shared/api/campaigns.ts';
import type { Board } from '../../../shared/api/supervisor.ts';

export interface RecordingChoices {
  campaigns: { id: string; name: string; channel: Channel }[];
  agents: { id: string; name: string }[];
}

/**
 * What the campaign and agent filters offer: the campaigns on the viewer's board and their
 * members, by name. (Supervisors may not list users; the board already holds who they may see.)
 */
export function recordingChoices(board: Board | null): RecordingChoices {
  const campaigns = (board?.campaigns ?? []).map((c) => ({
    id: c.campaign.id,
    name: c.campaign.name,
    channel: c.campaign.channel,
  }));
  const agents = new Map<string, string>();
  for (const c of board?.campaigns ?? []) for (const a of c.agents) agents.set(a.agentId, a.name);
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  return {
    campaigns: campaigns.sort(byName),
    agents: [...agents].map(([id, name]) => ({ id, name })).sort(byName),
  };
}
