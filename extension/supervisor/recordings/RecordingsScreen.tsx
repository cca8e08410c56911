import { useEffect } from 'preact/hooks';
import { ErrorText } from '../../ui/ErrorText.tsx';
import { t } from '../../ui/i18n.ts';
import { formatWhen } from '../format-when.ts';
import { ExportPanel } from './ExportPanel.tsx';
import type { ExportModel } from './export-model.ts';
import { RecordingItem } from './RecordingItem.tsx';
import { RecordingsFilters } from './RecordingsFilters.tsx';
import { RecordingView } from './RecordingView.tsx';
import type { RecordingChoices } from './recording-choices.ts';
import type { RecordingViewModel } from './recording-view-model.ts';
import type { RecordingsModel } from './recordings-model.ts';

export interface RecordingsModels {
  search: RecordingsModel;
  view: RecordingViewModel;
  exporter: ExportModel;
}

/** Recordings: search, results page by page, a transcript, export; cached transcripts offline. */
export function RecordingsScreen({
  models,
  choices,
}: {
  models: RecordingsModels;
  choices: RecordingChoices;
}) {
  const { search, view, exporter } = models;
  useEffect(() => {
    // The newest recordings show at once; the filters narrow them down.
    if (!search.searched.value) void search.search();
  }, [search]);
  if (view.id.value) return <RecordingView view={view} onBack={() => view.close()} />;
  const results = search.results.value;
  return (
    <div class="stack" data-testid="recordings-screen">
      <RecordingsFilters model={search} choices={choices} />
      <ExportPanel exporter={exporter} onStart={() => void exporter.start(search.filter())} />
      <ErrorText error={search.error.value} />
      {search.offline.value ? (
        <section class="stack" aria-labelledby="cached-title">
          <h2 id="cached-title">{t('cachedRecordings')}</h2>
          <p class="muted small">{t('cachedRecordingsHint')}</p>
          {search.cached.value.length === 0 ? (
            <p class="muted">{t('noCachedRecordings')}</p>
          ) : (
            <ul class="plain stack">
              {search.cached.value.map((c) => (
                <li key={c.id} class="row spread card" data-testid="cached-recording">
                  <span>
                    <strong>{c.transcript.interaction.customerName ?? t('unknownCustomer')}</strong>{' '}
                    <span class="muted small">
                      · {c.transcript.interaction.campaignName} · {t('savedAt', formatWhen(c.savedAt))}
                    </span>
                  </span>
                  <button type="button" class="secondary" onClick={() => view.open(c.id)}>
                    {t('openTranscript')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        <section class="stack" aria-labelledby="results-title" aria-busy={search.loading.value}>
          <h2 id="results-title">{t('recordingsResults')}</h2>
          {search.loading.value && <p class="muted">{t('loading')}</p>}
          {search.searched.value && !search.loading.value && results.length === 0 && (
            <p class="muted">{t('noRecordings')}</p>
          )}
          <ul class="plain stack" data-testid="recordings-results">
            {results.map((r) => (
              <RecordingItem
                key={r.interaction.id}
                recording={r}
                onOpen={() => view.open(r.interaction.id)}
              />
            ))}
          </ul>
          {search.nextCursor.value && (
            <button
              type="button"
              class="secondary"
              disabled={search.loadingMore.value}
              onClick={() => void search.loadMore()}
            >
              {search.loadingMore.value ? t('loading') : t('loadMore')}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
