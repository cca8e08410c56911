/**
 * What must not outlive an interrupted run (child processes, a local PostgreSQL server): run.ts
 * calls every registered cleanup on SIGINT or SIGTERM. Each returns its own unregister.
 */
const cleanups = new Set<() => void>();

export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export function interrupted() {
  for (const c of cleanups) {
    try {
      c();
    } catch {
      // keep cleaning the others
    }
  }
}
