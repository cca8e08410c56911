import type { RecordingsFilter } from '../../shared/api/recordings.ts';
import type { ExportProgress, RuntimeError, RuntimeResult } from '../../shared/runtime-messages.ts';
import { openApiStream } from './api-client.ts';
import { CsvProgress } from './csv-progress.ts';
import { recordingsQuery } from './recordings-query.ts';

export interface ExportDeps {
  credentials(): Promise<{ backendUrl: string; token: string } | null>;
  fetchImpl?: typeof fetch;
  newId?: () => string;
  now?: () => number;
}

/** A job nobody polled for this long belongs to a page that closed: it is cancelled. */
export const EXPORT_IDLE_MS = 60_000;
/** At most this much text per poll, so one runtime message never grows huge. */
export const EXPORT_POLL_CHARS = 4_000_000;

interface Job {
  abort: AbortController;
  chunks: string[];
  progress: CsvProgress;
  total: number | null;
  finished: boolean;
  error: RuntimeError | null;
  polledAt: number;
}

/**
 * CSV exports of recordings, run by the background (which alone holds the token). The page starts
 * one, then polls: each poll hands over the text received since the last one, with the progress
 * (distinct interactions seen / X-Total-Count). Polling rather than a port keeps the page and this
 * module to plain requests, lets the page build the file from text it already holds, and keeps an
 * MV3 service worker awake while the page waits; a page that goes away simply stops polling and its
 * job is cancelled (the download aborted) after EXPORT_IDLE_MS.
 */
export class RecordingsExports {
  private jobs = new Map<string, Job>();
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly deps: ExportDeps) {
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  async start(filter: RecordingsFilter): Promise<RuntimeResult<{ exportId: string; total: number | null }>> {
    this.sweep();
    const creds = await this.deps.credentials();
    if (!creds) return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Log in first.' } };
    const abort = new AbortController();
    const res = await openApiStream(
      creds.backendUrl,
      creds.token,
      `/api/recordings/export.csv${recordingsQuery(filter)}`,
      abort.signal,
      this.deps.fetchImpl,
    );
    if (!res.ok) return res;
    const header = res.value.headers.get('x-total-count');
    const total = header !== null && /^\d+$/.test(header) ? Number(header) : null;
    const job: Job = {
      abort,
      chunks: [],
      progress: new CsvProgress(),
      total,
      finished: false,
      error: null,
      polledAt: this.now(),
    };
    const exportId = this.newId();
    this.jobs.set(exportId, job);
    void this.pump(job, res.value);
    return { ok: true, value: { exportId, total } };
  }

  poll(exportId: string): RuntimeResult<ExportProgress> {
    this.sweep();
    const job = this.jobs.get(exportId);
    if (!job)
      return { ok: false, error: { code: 'NOT_FOUND', message: 'This export is no longer running.' } };
    job.polledAt = this.now();
    const base = { done: job.progress.count, total: job.total };
    if (job.error) {
      this.jobs.delete(exportId);
      return { ok: true, value: { ...base, chunks: [], finished: true, error: job.error } };
    }
    const chunks: string[] = [];
    let size = 0;
    while (
      job.chunks.length > 0 &&
      (chunks.length === 0 || size + (job.chunks[0]?.length ?? 0) <= EXPORT_POLL_CHARS)
    ) {
      const next = job.chunks.shift() as string;
      chunks.push(next);
      size += next.length;
    }
    const finished = job.finished && job.chunks.length === 0;
    if (finished) this.jobs.delete(exportId);
    return { ok: true, value: { ...base, chunks, finished, error: null } };
  }

  cancel(exportId: string): RuntimeResult<{ ok: true }> {
    this.jobs.get(exportId)?.abort.abort();
    this.jobs.delete(exportId);
    return { ok: true, value: { ok: true } };
  }

  private async pump(job: Job, res: Response): Promise<void> {
    const take = (text: string) => {
      if (!text) return;
      job.chunks.push(text);
      job.progress.push(text);
    };
    try {
      if (res.body) {
        const reader = res.body.getReader();
        // Keep the byte-order mark the backend starts with: spreadsheets read it as "this is UTF-8".
        const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          take(decoder.decode(value, { stream: true }));
        }
        take(decoder.decode());
      } else take(await res.text());
      job.progress.end();
      job.finished = true;
    } catch {
      if (job.abort.signal.aborted) return;
      job.error = { code: 'NETWORK', message: 'The export was interrupted; try again.' };
      job.finished = true;
    }
  }

  /** Cancels the jobs whose page stopped asking. */
  private sweep(): void {
    const now = this.now();
    for (const [id, job] of this.jobs)
      if (now - job.polledAt > EXPORT_IDLE_MS) {
        job.abort.abort();
        this.jobs.delete(id);
      }
  }
}
