import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { TEST_FB_ENV } from './test-facebook-env.ts';

/** Every line a backend process wrote (stdout and stderr), across its restarts: for the secrets scan. */
export type LogSink = string[];

export interface BackendProcess {
  url: string;
  pid: number;
  /** Sends the signal and waits for the process to exit (SIGKILL: kill -9, no cleanup at all). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  exited(): boolean;
}

const STARTED = /Pagedesk backend: (http:\/\/\S+)/;

/**
 * Runs the real entry point (`node --import tsx backend/main.ts`) in a child process, as `npm run
 * backend` does, so a test can kill it the hard way. Resolves once it printed its URL.
 */
export async function spawnBackend(
  env: Record<string, string>,
  sink: LogSink,
  timeoutMs = 60_000,
): Promise<BackendProcess> {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
    process.execPath,
    ['--import', 'tsx', 'backend/main.ts'],
    {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...TEST_FB_ENV, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let exitCode: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : 0);
      resolve();
    }),
  );
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`backend did not start in ${timeoutMs} ms:\n${sink.slice(-20).join('\n')}`)),
      timeoutMs,
    );
    const collect = (stream: Readable) => {
      let partial = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          sink.push(line);
          const started = line.match(STARTED);
          if (started) {
            clearTimeout(timer);
            resolve(started[1]!);
          }
        }
      });
      stream.on('end', () => {
        if (partial) sink.push(partial);
      });
    };
    collect(child.stdout);
    collect(child.stderr);
    exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`backend exited (${exitCode}) before starting:\n${sink.slice(-20).join('\n')}`));
    });
  });
  const started = await url;
  return {
    url: started,
    pid: child.pid!,
    exited: () => exitCode !== undefined,
    async kill(signal = 'SIGTERM') {
      if (exitCode !== undefined) return;
      child.kill(signal);
      await exit;
    },
  };
}
