import { computed, signal } from '@preact/signals';
import type { RecordingsFilter } from '../../../shared/api/recordings.ts';
import type { RuntimeError } from '../../../shared/runtime-messages.ts';
import { request } from '../../ui/runtime-client.ts';
import { downloadBlob } from './download-file.ts';
import { localDate } from './local-dates.ts';

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number | null }
  | { phase: 'done'; count: number }
  | { phase: 'failed'; error: RuntimeError };

export interface ExportOptions {
  download?: (blob: Blob, name: string) => void;
  sleep?: (ms: number) => Promise<void>;
  pollMs?: number;
  now?: () => number;
}

/**
 * CSV export with progress. The background streams the file (see
 * extension/background/recordings-export.ts); this page polls it, keeps the text, and when it is
 * complete saves it as one file. Progress is interactions seen / interactions that match.
 */
export function createExportModel(send: typeof request = request, options: ExportOptions = {}) {
  const download = options.download ?? downloadBlob;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const pollMs = options.pollMs ?? 250;
  const now = options.now ?? Date.now;
  const state = signal<ExportState>({ phase: 'idle' });
  let current: string | null = null;
  let run = 0;

  const percent = computed(() => {
    const s = state.value;
    if (s.phase !== 'running' || !s.total) return null;
    return Math.min(100, Math.floor((s.done / s.total) * 100));
  });

  return {
    state,
    percent,
    async start(filter: RecordingsFilter) {
      if (state.value.phase === 'running') return;
      const mine = ++run;
      state.value = { phase: 'running', done: 0, total: null };
      const started = await send('recordings.export', filter);
      if (mine !== run) return;
      if (!started.ok) {
        state.value = { phase: 'failed', error: started.error };
        return;
      }
      current = started.value.exportId;
      state.value = { phase: 'running', done: 0, total: started.value.total };
      const chunks: string[] = [];
      for (;;) {
        await sleep(pollMs);
        if (mine !== run) return;
        const res = await send('recordings.exportPoll', { exportId: started.value.exportId });
        if (mine !== run) return;
        if (!res.ok) {
          state.value = { phase: 'failed', error: res.error };
          return;
        }
        chunks.push(...res.value.chunks);
        if (res.value.error) {
          state.value = { phase: 'failed', error: res.value.error };
          return;
        }
        state.value = { phase: 'running', done: res.value.done, total: res.value.total };
        if (res.value.finished) {
          current = null;
          download(
            new Blob(chunks, { type: 'text/csv;charset=utf-8' }),
            `pagedesk-recordings-${localDate(now())}.csv`,
          );
          state.value = { phase: 'done', count: res.value.done };
          return;
        }
      }
    },
    cancel() {
      run++;
      if (current) void send('recordings.exportCancel', { exportId: current });
      current = null;
      state.value = { phase: 'idle' };
    },
    dismiss() {
      if (state.value.phase !== 'running') state.value = { phase: 'idle' };
    },
  };
}

export type ExportModel = ReturnType<typeof createExportModel>;
