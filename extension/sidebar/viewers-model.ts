import { computed, signal } from '@preact/signals';
import { VIEWER_TTL_MS } from '../../shared/api/interaction-limits.ts';
import type { ViewerView } from '../../shared/api/interactions.ts';
import type { RealtimeUpdate } from '../../shared/runtime-messages.ts';
import { request, watchRealtime } from '../ui/runtime-client.ts';

/** How often the agent says they are still here (the backend and the others forget after VIEWER_TTL_MS). */
export const VIEWING_HEARTBEAT_MS = 10_000;
/** Typed within this long: "replying" rather than "viewing". */
export const REPLYING_FOR_MS = 5_000;

type Activity = 'viewing' | 'replying';

/**
 * Collision control for one open interaction: tells the others that this agent is viewing it (or
 * replying), on open and every 10 s, and "left" on close; shows who else is there, each forgotten
 * after VIEWER_TTL_MS without news or when they leave.
 */
export function createViewersModel(opts: {
  interactionId: string;
  me: () => string | null;
  send?: typeof request;
  watch?: typeof watchRealtime;
}) {
  const { interactionId } = opts;
  const send = opts.send ?? request;
  const watch = opts.watch ?? watchRealtime;

  const seen = signal<ReadonlyMap<string, { viewer: ViewerView; at: number }>>(new Map());
  const now = signal(Date.now());
  let typedAt = Number.NEGATIVE_INFINITY;
  let told: Activity | 'left' | null = null;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  const activity = (): Activity => (Date.now() - typedAt < REPLYING_FOR_MS ? 'replying' : 'viewing');
  const tell = (a: Activity | 'left') => {
    told = a;
    void send('interactions.viewing', { interactionId, activity: a });
  };

  function onUpdate(u: RealtimeUpdate) {
    if (u.type !== 'event' || u.event.type !== 'interaction.viewer') return;
    const v = u.event.viewer;
    if (v.interactionId !== interactionId || v.userId === opts.me()) return;
    const next = new Map(seen.value);
    if (v.activity === 'left') next.delete(v.userId);
    else next.set(v.userId, { viewer: v, at: Date.now() });
    seen.value = next;
  }

  return {
    /** The others here now, by name. */
    others: computed(() =>
      [...seen.value.values()]
        .filter((s) => now.value - s.at < VIEWER_TTL_MS)
        .map((s) => s.viewer)
        .sort((a, b) => a.name.localeCompare(b.name)),
    ),
    start(abort: AbortSignal) {
      watch(onUpdate, abort);
      tell('viewing');
      const heartbeat = setInterval(() => {
        now.value = Date.now();
        tell(activity());
      }, VIEWING_HEARTBEAT_MS);
      // Forgetting a silent viewer needs a clock finer than the heartbeat.
      const clock = setInterval(() => {
        now.value = Date.now();
      }, 1_000);
      const leave = () => {
        if (told !== 'left') tell('left');
      };
      window.addEventListener('pagehide', leave);
      abort.addEventListener(
        'abort',
        () => {
          clearInterval(heartbeat);
          clearInterval(clock);
          clearTimeout(typingTimer);
          window.removeEventListener('pagehide', leave);
          leave();
        },
        { once: true },
      );
    },
    /** The agent typed: "replying" goes out now (not at the next heartbeat), "viewing" once they stop. */
    typed() {
      typedAt = Date.now();
      if (told === 'left') return;
      if (told !== 'replying') tell('replying');
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => {
        if (told === 'replying') tell('viewing');
      }, REPLYING_FOR_MS);
    },
    /** For tests: apply one update as if the background relayed it. */
    receive: onUpdate,
  };
}

export type ViewersModel = ReturnType<typeof createViewersModel>;
