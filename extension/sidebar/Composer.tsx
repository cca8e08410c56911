import { useEffect, useRef, useState } from 'preact/hooks';
import { ATTACHMENT_TYPES } from '../../shared/api/interaction-limits.ts';
import { EmojiPicker } from '../ui/EmojiPicker.tsx';
import { ErrorText } from '../ui/ErrorText.tsx';
import { t } from '../ui/i18n.ts';
import { CannedList, cannedKeys, cannedOptionId } from './CannedList.tsx';
import type { CannedResponse } from './canned-picker.ts';
import type { ComposerModel } from './composer-model.ts';

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * The reply box: text, canned responses ("/" or the button), an emoji grid, one image attachment,
 * Send (or Ctrl/Cmd+Enter). `disabled` is the reason it cannot be used now (window closed...).
 */
export function Composer(props: {
  composer: ComposerModel;
  disabled: string | null;
  pageBroken: boolean;
  hasCanned: boolean;
}) {
  const { composer, disabled } = props;
  const { picker } = composer;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const emojiButton = useRef<HTMLButtonElement>(null);
  const [emojiOpen, setEmojiOpen] = useState(false);
  /** Where the caret goes after an insertion, once the new text is rendered. */
  const caret = useRef<number | null>(null);
  useEffect(() => {
    const ta = textarea.current;
    if (caret.current === null || !ta) return;
    ta.focus();
    ta.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  const selection = () => {
    const ta = textarea.current;
    return ta ? ([ta.selectionStart, ta.selectionEnd] as const) : ([undefined, undefined] as const);
  };
  const choose = (r: CannedResponse) => {
    caret.current = composer.chooseCanned(r, ...selection());
  };
  const closePicker = () => {
    composer.closePicker();
    textarea.current?.focus();
  };
  const send = () => {
    if (!disabled) void composer.send();
  };

  const att = composer.attachment.value;
  const problem = composer.problem.value;
  const listId = 'canned-list';
  const slashOpen = picker.open.value && composer.slash.value;

  return (
    <form
      class="composer stack"
      aria-label={t('composer')}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      {props.pageBroken && (
        <p class="warning" role="note" data-testid="page-broken">
          {t('pageTokenBroken')}
        </p>
      )}
      {disabled && (
        <p class="closed-reason" role="status" data-testid="composer-disabled">
          {disabled}
        </p>
      )}
      <label for="composer-text" class="sr-only">
        {t('yourReply')}
      </label>
      <textarea
        id="composer-text"
        ref={textarea}
        rows={3}
        maxLength={8_000}
        placeholder={t('composerPlaceholder')}
        disabled={disabled !== null}
        value={composer.text.value}
        aria-controls={slashOpen ? listId : undefined}
        aria-autocomplete={slashOpen ? 'list' : undefined}
        aria-activedescendant={
          slashOpen && picker.matches.value.length > 0
            ? cannedOptionId(listId, picker.active.value)
            : undefined
        }
        aria-keyshortcuts="Control+Enter Meta+Enter"
        onInput={(e) => composer.setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (slashOpen && cannedKeys(picker, e, choose, closePicker)) return;
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            send();
          }
        }}
      />
      {picker.open.value && (
        <CannedList
          picker={picker}
          listId={listId}
          withSearch={!composer.slash.value}
          empty={!props.hasCanned}
          onChoose={choose}
          onClose={closePicker}
        />
      )}
      {emojiOpen && (
        <EmojiPicker
          onPick={(emoji) => {
            caret.current = composer.insert(emoji, ...selection());
            setEmojiOpen(false);
          }}
          onClose={() => {
            setEmojiOpen(false);
            emojiButton.current?.focus();
          }}
        />
      )}
      {att && (
        <figure class="attachment-preview">
          <img src={att.previewUrl} alt={t('attachmentPreview', att.file.name)} />
          <figcaption class="small">
            <span class="user-text">{att.file.name}</span> · {kilobytes(att.file.size)}
          </figcaption>
          <button
            type="button"
            class="secondary small-button"
            aria-label={t('removeAttachmentNamed', att.file.name)}
            onClick={() => composer.removeAttachment()}
          >
            {t('remove')}
          </button>
        </figure>
      )}
      {problem && (
        <p class="error" role="alert">
          {t(problem.key, problem.subs)}
        </p>
      )}
      <ErrorText error={composer.error.value} />
      <div class="composer-tools">
        <button
          type="button"
          class="secondary icon-button"
          aria-expanded={picker.open.value && !composer.slash.value}
          aria-controls={picker.open.value ? listId : undefined}
          disabled={disabled !== null}
          onClick={() => (picker.open.value ? closePicker() : picker.show())}
        >
          {t('cannedResponsesButton')}
        </button>
        <button
          ref={emojiButton}
          type="button"
          class="secondary icon-button"
          aria-label={t('insertEmoji')}
          aria-expanded={emojiOpen}
          disabled={disabled !== null}
          onClick={() => setEmojiOpen(!emojiOpen)}
        >
          {/* Drawn, not an emoji character: emoji fonts are missing on some desktops. */}
          <svg
            class="ui-icon"
            viewBox="0 0 16 16"
            width="16"
            height="16"
            aria-hidden="true"
            focusable="false"
          >
            <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.4" />
            <circle cx="5.8" cy="6.5" r="0.9" fill="currentColor" />
            <circle cx="10.2" cy="6.5" r="0.9" fill="currentColor" />
            <path
              d="M5 9.6c.7 1.2 1.8 1.8 3 1.8s2.3-.6 3-1.8"
              fill="none"
              stroke="currentColor"
              stroke-width="1.4"
              stroke-linecap="round"
            />
          </svg>
        </button>
        <button
          type="button"
          class="secondary icon-button"
          disabled={disabled !== null}
          onClick={() => fileInput.current?.click()}
        >
          {t('attachImage')}
        </button>
        <input
          ref={fileInput}
          type="file"
          class="sr-only"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="composer-file"
          accept={ATTACHMENT_TYPES.join(',')}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) composer.pickFile(file);
            e.currentTarget.value = '';
          }}
        />
        <span class="grow" />
        <button
          type="submit"
          disabled={disabled !== null || !composer.canSend.value}
          title={t('sendShortcut')}
        >
          {composer.sending.value ? t('sending') : t('send')}
        </button>
      </div>
    </form>
  );
}
