/**
 * Requests that arrive while a statement is under way go together in the next one (a group
 * commit): under load one statement and one commit serve many callers, and each caller still
 * resolves only with its own result, once that statement has committed. A lone request runs at
 * once, alone, so nothing waits for company.
 */
export function groupCommit<T, R>(
  run: (items: T[]) => Promise<R[]>,
  maxItems: number,
): (item: T) => Promise<R> {
  let waiting: { item: T; resolve(result: R): void; reject(err: unknown): void }[] = [];
  let writing = false;
  const drain = async () => {
    while (waiting.length) {
      const batch = waiting.slice(0, maxItems);
      waiting = waiting.slice(batch.length);
      try {
        const results = await run(batch.map((w) => w.item));
        for (const [n, w] of batch.entries()) w.resolve(results[n]!);
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    writing = false;
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!writing) {
        writing = true;
        void drain();
      }
    });
}
