import { useState } from 'preact/hooks';
import type { TranscriptMessage } from '../../shared/api/interactions.ts';
import { t } from '../ui/i18n.ts';

/**
 * "Reply via Messenger" on a customer's comment: disabled with the reason when not allowed; else a
 * small box naming the Messenger campaign the chat opens in, with the first message.
 */
export function PrivateReply(props: {
  message: TranscriptMessage;
  customer: string;
  campaign: { name: string } | null;
  onStart: (text: string) => Promise<boolean>;
}) {
  const { message } = props;
  const rule = message.privateReply;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (!rule) return null;
  const reasonId = `private-reason-${message.id}`;
  const boxId = `private-box-${message.id}`;
  const reason = rule.reason ?? t('privateReplyNotAllowed');

  async function submit(e: Event) {
    e.preventDefault();
    if (!text.trim() || busy) return;
    setBusy(true);
    setFailed(false);
    const ok = await props.onStart(text.trim());
    setBusy(false);
    if (ok) {
      setOpen(false);
      setText('');
    } else setFailed(true);
  }

  return (
    <div class="private-reply">
      <button
        type="button"
        class="secondary small-button"
        disabled={!rule.allowed}
        title={rule.allowed ? undefined : reason}
        aria-describedby={rule.allowed ? undefined : reasonId}
        aria-expanded={rule.allowed ? open : undefined}
        aria-controls={rule.allowed ? boxId : undefined}
        onClick={() => setOpen(!open)}
      >
        {t('replyViaMessenger')}
      </button>
      {!rule.allowed && (
        <span id={reasonId} class="muted small">
          {reason}
        </span>
      )}
      {open && (
        <form
          id={boxId}
          class="private-reply-box stack"
          aria-label={t('privateReplyTo', props.customer)}
          onSubmit={submit}
        >
          <p class="small">
            {props.campaign ? t('privateReplyCampaign', props.campaign.name) : t('privateReplyNoCampaign')}
          </p>
          <label>
            {t('privateMessage')}
            <textarea
              rows={3}
              maxLength={8_000}
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
              }}
            />
          </label>
          {failed && (
            <p class="error" role="alert">
              {t('privateReplyFailed')}
            </p>
          )}
          <div class="row">
            <button type="submit" disabled={busy || !text.trim()}>
              {t('startInteraction')}
            </button>
            <button type="button" class="secondary" onClick={() => setOpen(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
