import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_FB_ENV } from './facebook-app.ts';

export interface BackendProcess {
  url: string;
  pid: number;
  /** The child's resident set size in MB, from /proc/<pid>/status (VmRSS). */
  rssMb(): number;
  /** CPU time (user + system) the child has used so far, in ms, from /proc/<pid>/stat. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * Runs the backend as `npm run backend` does — `node --import tsx backend/main.ts` — in a child
 * process of its own, so the load generator (this process) never shares its event loop or heap.
 * Logs go to `logFile`; the URL is read from the start banner on stderr.
 */
export async function startBackend(opts: {
  env: Record<string, string>;
  logFile: string;
  /** Extra node flags, e.g. --cpu-prof when profiling (BENCH_PROFILE). */
  nodeArgs?: string[];
}): Promise<BackendProcess> {
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = fs.openSync(opts.logFile, 'a');
  // BENCH_PROFILE=dir writes the backend's CPU profile there; BENCH_BACKEND_NODE_ARGS adds node flags.
  const profile = [
    ...(process.env.BENCH_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`]
      : []),
    ...(process.env.BENCH_BACKEND_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
  ];
  const child = spawn(
    process.execPath,
    [...profile, ...(opts.nodeArgs ?? []), '--import', 'tsx', 'backend/main.ts'],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        ...BENCH_FB_ENV,
        ...opts.env,
      },
      stdio: ['ignore', log, 'pipe'],
    },
  );
  fs.closeSync(log);
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error('the backend did not start within 120 s')), 120_000);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${err.message}\n${seen.slice(-2000)}`));
    };
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      fs.appendFileSync(opts.logFile, chunk);
      const m = seen.match(/Pagedesk backend: (http:\/\/[^\s]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`the backend exited with code ${code} before starting`)));
  });
  child.removeAllListeners('exit');
  // Keep draining stderr into the log so the child never blocks on a full pipe.
  child.stderr!.removeAllListeners('data');
  child.stderr!.on('data', (chunk: Buffer) => fs.appendFileSync(opts.logFile, chunk));
  return {
    url,
    pid: child.pid!,
    rssMb: () => readRssMb(child.pid!),
    cpuMs: () => readCpuMs(child.pid!),
    stop: () => stopChild(child),
  };
}

export function readRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(status.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for pid ${pid}`);
  return kb / 1024;
}

export function readCpuMs(pid: number): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_S;
}

// sysconf(_SC_CLK_TCK): 100 on every Linux that Node supports.
const CLOCK_TICKS_PER_S = 100;

/** SIGTERM (the backend's graceful stop, which also writes a --cpu-prof profile), SIGKILL after 20 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
