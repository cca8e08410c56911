import { computed, signal } from '@preact/signals';

export interface CannedResponse {
  title: string;
  text: string;
}

/** Lower case and without accents: "envio" finds "Envío". */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The campaign's canned responses whose title or text holds every word of the query, in the admin's order. */
export function filterCanned(responses: readonly CannedResponse[], query: string): CannedResponse[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...responses];
  return responses.filter((r) => {
    const hay = fold(`${r.title} ${r.text}`);
    return words.every((w) => hay.includes(w));
  });
}

/**
 * The searchable list of canned responses: a query, the matches, and the one arrow keys point at.
 * Which text field it fills is the composer's business.
 */
export function createCannedPicker(responses: () => readonly CannedResponse[]) {
  const open = signal(false);
  const query = signal('');
  const active = signal(0);
  const matches = computed(() => filterCanned(responses(), query.value));

  return {
    open,
    query,
    active,
    matches,
    show(q = '') {
      open.value = true;
      query.value = q;
      active.value = 0;
    },
    hide() {
      open.value = false;
      query.value = '';
      active.value = 0;
    },
    search(q: string) {
      query.value = q;
      active.value = 0;
    },
    /** Arrow keys: wraps around at both ends. */
    move(delta: number) {
      const n = matches.value.length;
      if (n === 0) return;
      active.value = (((active.value + delta) % n) + n) % n;
    },
    /** The response Enter would insert, if any. */
    current: () => matches.value[active.value] ?? null,
  };
}

export type CannedPicker = ReturnType<typeof createCannedPicker>;
