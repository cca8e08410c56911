/**
 * Log lines written in one turn of the event loop leave in one write, in order. Under load the
 * backend logs a line per request, hundreds a second, and a synchronous write (a system call)
 * per line cost more than most of the request's own work. What is still buffered when the
 * process exits is written then (stdout to a file or a pipe writes synchronously on Linux), so
 * an exit never loses the last lines.
 */
export function bufferedLines(
  write: (chunk: string) => void = (chunk) => process.stdout.write(chunk),
  schedule: (flush: () => void) => void = setImmediate,
): { write(line: string): void; flush(): void } {
  let buffered: string[] = [];
  const flush = () => {
    if (buffered.length === 0) return;
    const chunk = buffered.join('');
    buffered = [];
    write(chunk);
  };
  process.once('exit', flush);
  return {
    write(line) {
      if (buffered.length === 0) schedule(flush);
      buffered.push(line);
    },
    flush,
  };
}
