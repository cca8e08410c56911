import { useEffect, useRef } from 'preact/hooks';
import { EMOJI_GROUPS } from './emoji-groups.ts';
import { t } from './i18n.ts';

/** Buttons per row in the grid (theme.css draws the same): what ArrowUp/ArrowDown jump. */
const COLUMNS = 8;

/**
 * A small grid of common emojis, grouped. Keyboard: arrows move between emojis, Home/End jump,
 * Enter or Space picks, Escape closes (the caller puts the focus back).
 */
export function EmojiPicker({ onPick, onClose }: { onPick: (emoji: string) => void; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button.emoji')?.focus();
  }, []);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    const steps: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: COLUMNS,
      ArrowUp: -COLUMNS,
      Home: Number.NEGATIVE_INFINITY,
      End: Number.POSITIVE_INFINITY,
    };
    const step = steps[e.key];
    if (step === undefined || !ref.current) return;
    const buttons = [...ref.current.querySelectorAll<HTMLButtonElement>('button.emoji')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(buttons.length - 1, at + step));
    buttons[next]?.focus();
  }

  return (
    <div ref={ref} class="emoji-picker" role="dialog" aria-label={t('emojiPicker')} onKeyDown={onKeyDown}>
      {EMOJI_GROUPS.map((g) => (
        <fieldset key={g.id}>
          <legend class="emoji-group-name">{t(`emojiGroup_${g.id}`)}</legend>
          <div class="emoji-grid">
            {g.emojis.map((emoji) => (
              <button key={emoji} type="button" class="emoji" onClick={() => onPick(emoji)}>
                {emoji}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
