import { ErrorText } from '../../ui/ErrorText.tsx';
import { t } from '../../ui/i18n.ts';
import type { ExportModel } from './export-model.ts';

/** CSV export of what the current search found, with its progress. */
export function ExportPanel({ exporter, onStart }: { exporter: ExportModel; onStart: () => void }) {
  const s = exporter.state.value;
  const pct = exporter.percent.value;
  return (
    <div class="row export-panel" data-testid="export-panel">
      {s.phase === 'running' ? (
        <>
          <label class="export-progress">
            <span>
              {s.total === null
                ? t('exportProgressUnknown', String(s.done))
                : t('exportProgress', [String(s.done), String(s.total)])}
            </span>
            <progress data-testid="export-progress" max={100} value={pct ?? undefined} />
          </label>
          <button type="button" class="secondary" onClick={() => exporter.cancel()}>
            {t('cancel')}
          </button>
          <span class="muted small">{t('exportKeepOpen')}</span>
        </>
      ) : (
        <button type="button" class="secondary" onClick={onStart}>
          {t('exportCsv')}
        </button>
      )}
      {s.phase === 'done' && (
        <span class="success" role="status">
          {t('exportDone', String(s.count))}
        </span>
      )}
      {s.phase === 'failed' && <ErrorText error={s.error} />}
    </div>
  );
}
