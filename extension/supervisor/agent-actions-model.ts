import { signal } from '@preact/signals';
import type { PresenceView } from '../../shared/api/interactions.ts';
import type { AgentInfo, LogoutResult } from '../../shared/api/supervisor.ts';
import type { RuntimeError } from '../../shared/runtime-messages.ts';
import { request } from '../ui/runtime-client.ts';

export interface AgentRef {
  agentId: string;
  name: string;
}

/** The one dialog of an agent action open at a time. */
export type ActionDialog =
  | { kind: 'info'; agent: AgentRef; info: AgentInfo | null; loading: boolean; error: RuntimeError | null }
  | {
      kind: 'confirm';
      action: 'pause' | 'logout';
      agent: AgentRef;
      busy: boolean;
      error: RuntimeError | null;
    }
  | { kind: 'paused'; agent: AgentRef; presence: PresenceView }
  | { kind: 'loggedOut'; agent: AgentRef; result: LogoutResult };

/**
 * Info, Pause and Logout on an agent of the board. Pause and Logout ask first; their answer (or
 * the refusal, e.g. the agent went offline meanwhile) stays on screen until closed.
 */
export function createAgentActionsModel(send: typeof request = request) {
  const dialog = signal<ActionDialog | null>(null);

  return {
    dialog,
    async showInfo(agent: AgentRef) {
      const open: ActionDialog = { kind: 'info', agent, info: null, loading: true, error: null };
      dialog.value = open;
      const res = await send('supervisor.agentInfo', { agentId: agent.agentId });
      if (dialog.value !== open) return; // closed or replaced meanwhile
      dialog.value = res.ok
        ? { ...open, info: res.value, loading: false }
        : { ...open, loading: false, error: res.error };
    },
    ask(action: 'pause' | 'logout', agent: AgentRef) {
      dialog.value = { kind: 'confirm', action, agent, busy: false, error: null };
    },
    /** Carries out the action the open confirmation asks about. */
    async confirm() {
      const open = dialog.value;
      if (open?.kind !== 'confirm' || open.busy) return;
      const busy = { ...open, busy: true, error: null };
      dialog.value = busy;
      const input = { agentId: open.agent.agentId };
      if (open.action === 'pause') {
        const res = await send('supervisor.pause', input);
        if (dialog.value !== busy) return;
        dialog.value = res.ok
          ? { kind: 'paused', agent: open.agent, presence: res.value }
          : { ...busy, busy: false, error: res.error };
      } else {
        const res = await send('supervisor.logout', input);
        if (dialog.value !== busy) return;
        dialog.value = res.ok
          ? { kind: 'loggedOut', agent: open.agent, result: res.value }
          : { ...busy, busy: false, error: res.error };
      }
    },
    close() {
      dialog.value = null;
    },
  };
}

export type AgentActionsModel = ReturnType<typeof createAgentActionsModel>;
