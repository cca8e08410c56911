import { errorFields, type Logger } from '../log/logger.ts';

export interface Worker {
  /** Runs the loop now rather than at the next tick (a write just made work). */
  wake(): void;
  /** Stops after the current round; resolves when it has stopped. */
  stop(): Promise<void>;
}

/**
 * Resolves on a later turn of the event loop. On PGlite every query runs on this thread and
 * resolves in a microtask, so a long chain of queries (rounds back to back through a backlog, or a
 * big round) never lets the server read a request or write to a socket until it ends; awaiting
 * this between steps does.
 */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Calls `round` until it reports no more work, then sleeps `idleMs` or until woken. A failing
 * round is logged and retried after the idle delay: a worker never dies of one bad round.
 * `firstAfterMs` holds the first round back (or until woken): work that can wait stays out of the
 * server's start, when its first requests come.
 */
export function startWorker(opts: {
  name: string;
  idleMs: number;
  logger: Logger;
  round: () => Promise<boolean>;
  firstAfterMs?: number;
}): Worker {
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let woken = false;
  const sleep = (ms = opts.idleMs) =>
    new Promise<void>((resolve) => {
      if (woken) {
        woken = false;
        resolve();
        return;
      }
      wakeUp = resolve;
      timer = setTimeout(resolve, ms);
    }).finally(() => {
      clearTimeout(timer);
      wakeUp = undefined;
    });
  const done = (async () => {
    if (opts.firstAfterMs) await sleep(opts.firstAfterMs);
    while (!stopped) {
      await nextTurn();
      let more = false;
      try {
        more = await opts.round();
      } catch (err) {
        opts.logger.error(`${opts.name} round failed`, errorFields(err));
      }
      if (!more && !stopped) await sleep();
    }
  })();
  return {
    wake() {
      if (wakeUp) wakeUp();
      else woken = true;
    },
    async stop() {
      stopped = true;
      wakeUp?.();
      await done;
    },
  };
}
