import type { Worker } from './worker-loop.ts';

/**
 * Runs `task` `firstMs` after the start, then again after the wait each run returns, until
 * stopped. Its timer never keeps the process alive; `stop` waits for a run under way. `task`
 * handles its own failures (a thrown error ends the schedule).
 */
export function startTimedTask(firstMs: number, task: () => Promise<number>): Worker {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const schedule = (waitMs: number) => {
    timer = setTimeout(() => {
      running = task().then((nextMs) => {
        if (!stopped) schedule(nextMs);
      });
    }, waitMs);
    timer.unref();
  };
  schedule(firstMs);
  return {
    wake() {},
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
