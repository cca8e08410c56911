import { t } from '../ui/i18n.ts';
import type { CannedPicker, CannedResponse } from './canned-picker.ts';

/** Arrow keys, Enter and Escape in whichever field drives the list (its search box, or the composer after "/"). */
export function cannedKeys(
  picker: CannedPicker,
  e: KeyboardEvent,
  choose: (r: CannedResponse) => void,
  close: () => void,
) {
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    picker.move(e.key === 'ArrowDown' ? 1 : -1);
    return true;
  }
  if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey) {
    const r = picker.current();
    if (!r) return false;
    e.preventDefault();
    choose(r);
    return true;
  }
  if (e.key === 'Escape') {
    e.preventDefault();
    e.stopPropagation();
    close();
    return true;
  }
  return false;
}

export const cannedOptionId = (listId: string, i: number) => `${listId}-option-${i}`;

/** The canned responses matching the query; with its own search box when opened by the button. */
export function CannedList(props: {
  picker: CannedPicker;
  listId: string;
  withSearch: boolean;
  empty: boolean;
  onChoose: (r: CannedResponse) => void;
  onClose: () => void;
}) {
  const { picker, listId } = props;
  const matches = picker.matches.value;
  const active = picker.active.value;
  return (
    <div class="canned-picker">
      {props.withSearch && (
        <input
          type="search"
          role="combobox"
          aria-label={t('searchCanned')}
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={matches.length > 0 ? cannedOptionId(listId, active) : undefined}
          placeholder={t('searchCannedPlaceholder')}
          value={picker.query.value}
          onInput={(e) => picker.search(e.currentTarget.value)}
          onKeyDown={(e) => cannedKeys(picker, e, props.onChoose, props.onClose)}
          // biome-ignore lint/a11y/noAutofocus: opened on purpose by the Canned responses button.
          autoFocus
        />
      )}
      {props.empty ? (
        <p class="muted small">{t('noCannedForCampaign')}</p>
      ) : matches.length === 0 ? (
        <p class="muted small">{t('noCannedMatch')}</p>
      ) : null}
      <div id={listId} role="listbox" aria-label={t('cannedResponses')} class="canned-list">
        {matches.map((r, i) => (
          // The field above keeps the focus (aria-activedescendant); a click picks too.
          <div
            key={`${r.title}-${i}`}
            id={cannedOptionId(listId, i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            class={i === active ? 'canned-option active' : 'canned-option'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => props.onChoose(r)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                props.onChoose(r);
              }
            }}
          >
            <span class="canned-title user-text">{r.title}</span>
            <span class="canned-text user-text">{r.text}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
