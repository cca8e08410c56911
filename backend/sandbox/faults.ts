import { type GraphError, rateLimited, temporarySendFailure, unexpectedError } from './graph-error.ts';

export type FaultKind = '5xx' | '613' | '1200' | 'latency';

export interface Fault {
  id: number;
  kind: FaultKind;
  until: number;
  latencyMs: number;
  /** Path patterns without the version (`/me/accounts`, `/*\/messages`); none = every Graph call. */
  paths: string[];
}

/**
 * Failures the control API switches on for a while, to test a client's retries and backoff: Meta's
 * transient 500 (code 2), the Send API throttle 613 with its usage header, the 1200 "temporary send
 * failure", or added latency. Times are on the sandbox clock, so advancing it also ends a fault.
 */
export class Faults {
  private list: Fault[] = [];
  private nextId = 1;

  constructor(private readonly now: () => number) {}

  add(input: { kind: FaultKind; durationMs: number; latencyMs?: number; paths?: string[] }): Fault {
    const fault: Fault = {
      id: this.nextId++,
      kind: input.kind,
      until: this.now() + input.durationMs,
      latencyMs: input.latencyMs ?? (input.kind === 'latency' ? 1000 : 0),
      paths: input.paths ?? [],
    };
    this.list.push(fault);
    return fault;
  }

  clear(): void {
    this.list = [];
  }

  active(): Fault[] {
    const now = this.now();
    this.list = this.list.filter((f) => f.until > now);
    return [...this.list];
  }

  /**
   * Waits out any latency fault matching `path`, then returns the error a failure fault dictates
   * (the first one added wins), or undefined to let the call through.
   */
  async apply(path: string, usageOwnerId: string): Promise<GraphError | undefined> {
    const matching = this.active().filter(
      (f) => f.paths.length === 0 || f.paths.some((p) => matches(p, path)),
    );
    const delay = Math.max(0, ...matching.map((f) => f.latencyMs));
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const failure = matching.find((f) => f.kind !== 'latency');
    if (!failure) return undefined;
    switch (failure.kind) {
      case '5xx':
        return unexpectedError();
      case '1200':
        return temporarySendFailure();
      default:
        return rateLimited(usageHeader(usageOwnerId, Math.ceil((failure.until - this.now()) / 60_000)));
    }
  }
}

/** `*` matches one path segment, `**` any number; the whole path must match. */
export function matches(pattern: string, path: string): boolean {
  const normalized = pattern.startsWith('/') ? pattern : `/${pattern}`;
  const source = normalized
    .split(/(\*\*|\*)/)
    .map((part) =>
      part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}/?$`).test(path);
}

/** `X-Business-Use-Case-Usage` at 100 % (FACEBOOK-PLATFORM.md §5.3); regain time in minutes. */
function usageHeader(ownerId: string, minutes: number): string {
  return JSON.stringify({
    [ownerId]: [
      {
        type: 'messenger',
        call_count: 100,
        total_cputime: 25,
        total_time: 25,
        estimated_time_to_regain_access: Math.max(1, minutes),
      },
    ],
  });
}
