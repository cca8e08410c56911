import { computed, signal } from '@preact/signals';
import type { Recording, RecordingsFilter } from '../../../shared/api/recordings.ts';
import type { RuntimeError } from '../../../shared/runtime-messages.ts';
import { request } from '../../ui/runtime-client.ts';
import { type CachedRecording, type RecordingsDbApi, recordingsDb } from './recordings-db.ts';
import { EMPTY_FORM, filterOf, type RecordingsForm } from './recordings-filter.ts';

/**
 * Recordings search: the filters, the results page by page (Load more passes the cursor back with
 * the SAME filters, as the contract asks), and — when the backend cannot be reached — the
 * transcripts this user opened recently, from the browser's cache.
 */
export function createRecordingsModel(
  userId: () => string | null,
  send: typeof request = request,
  db: RecordingsDbApi = recordingsDb,
) {
  const form = signal<RecordingsForm>(EMPTY_FORM);
  const attempted = signal(false);
  const results = signal<Recording[]>([]);
  const nextCursor = signal<string | null>(null);
  const loading = signal(false);
  const loadingMore = signal(false);
  const searched = signal(false);
  const error = signal<RuntimeError | null>(null);
  const cached = signal<CachedRecording[]>([]);
  let searchedWith: RecordingsFilter = {};
  let asked = 0;

  const checked = computed(() => filterOf(form.value));
  const issues = computed(() => (attempted.value ? checked.value.issues : []));
  /** The backend is out of reach: the cached transcripts are what there is to read. */
  const offline = computed(() => error.value?.code === 'NETWORK');

  async function loadCached() {
    const user = userId();
    cached.value = user ? await db.list(user) : [];
  }

  async function search(): Promise<boolean> {
    attempted.value = true;
    const { filter, issues: found } = checked.value;
    if (found.length > 0) return false;
    const mine = ++asked;
    searchedWith = filter;
    loading.value = true;
    const res = await send('recordings.search', filter);
    if (mine !== asked) return false;
    loading.value = false;
    searched.value = true;
    if (res.ok) {
      error.value = null;
      results.value = res.value.results;
      nextCursor.value = res.value.nextCursor;
    } else {
      error.value = res.error;
      if (res.error.code === 'NETWORK') await loadCached();
    }
    return res.ok;
  }

  return {
    form,
    issues,
    results,
    nextCursor,
    loading,
    loadingMore,
    searched,
    error,
    offline,
    cached,
    /** The filter the results were found with: what the export exports. */
    filter: () => searchedWith,
    setField<K extends keyof RecordingsForm>(key: K, value: RecordingsForm[K]) {
      form.value = { ...form.value, [key]: value };
    },
    reset() {
      form.value = EMPTY_FORM;
      attempted.value = false;
    },
    search,
    async loadMore() {
      const cursor = nextCursor.value;
      if (!cursor || loadingMore.value) return;
      const mine = asked;
      loadingMore.value = true;
      const res = await send('recordings.search', { ...searchedWith, cursor });
      loadingMore.value = false;
      if (mine !== asked) return; // a new search replaced these results
      if (res.ok) {
        const seen = new Set(results.value.map((r) => r.interaction.id));
        results.value = [...results.value, ...res.value.results.filter((r) => !seen.has(r.interaction.id))];
        nextCursor.value = res.value.nextCursor;
      } else error.value = res.error;
    },
    loadCached,
  };
}

export type RecordingsModel = ReturnType<typeof createRecordingsModel>;
