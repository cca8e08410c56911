import { signal } from '@preact/signals';
import type { DrillDown, DrillMetric } from '../../shared/api/supervisor.ts';
import type { RuntimeError } from '../../shared/runtime-messages.ts';
import { request } from '../ui/runtime-client.ts';

/** What was clicked: a campaign's number, or one agent's. */
export interface DrillTarget {
  campaignId: string;
  campaignName: string;
  metric: DrillMetric;
  agentId?: string;
  agentName?: string;
  /** The number as the board showed it when clicked. */
  shown: string;
}

/**
 * The drill-down: clicking a number of the board lists the interactions behind it. A second click
 * while the first answer is on its way wins: the older answer is dropped.
 */
export function createDrillModel(send: typeof request = request) {
  const target = signal<DrillTarget | null>(null);
  const result = signal<DrillDown | null>(null);
  const loading = signal(false);
  const error = signal<RuntimeError | null>(null);
  let asked = 0;

  return {
    target,
    result,
    loading,
    error,
    async open(next: DrillTarget) {
      const mine = ++asked;
      target.value = next;
      result.value = null;
      error.value = null;
      loading.value = true;
      const res = await send('supervisor.drill', {
        campaignId: next.campaignId,
        metric: next.metric,
        ...(next.agentId ? { agentId: next.agentId } : {}),
      });
      if (mine !== asked) return;
      loading.value = false;
      if (res.ok) result.value = res.value;
      else error.value = res.error;
    },
    close() {
      asked++;
      target.value = null;
      result.value = null;
      error.value = null;
      loading.value = false;
    },
  };
}

export type DrillModel = ReturnType<typeof createDrillModel>;
