import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { InteractionView, Transcript } from '../../shared/api/interactions.ts';
import { ErrorText } from '../ui/ErrorText.tsx';
import { t } from '../ui/i18n.ts';
import type { request, watchRealtime } from '../ui/runtime-client.ts';
import { useNow } from '../ui/use-now.ts';
import { CompleteBar } from './CompleteBar.tsx';
import { Composer } from './Composer.tsx';
import { createComposerModel } from './composer-model.ts';
import { FacebookThread } from './FacebookThread.tsx';
import { InteractionHeader } from './InteractionHeader.tsx';
import { createInteractionModel } from './interaction-model.ts';
import type { LocalDb } from './local-db.ts';
import { MessengerChat } from './MessengerChat.tsx';
import { type WindowState, windowState } from './messenger-window.ts';
import { OutgoingList } from './OutgoingList.tsx';
import { ViewersNotice } from './ViewersNotice.tsx';
import { createViewersModel } from './viewers-model.ts';
import { WindowNotice } from './WindowNotice.tsx';

/** What the models talk to; tests pass fakes. */
export interface Services {
  send?: typeof request;
  watch?: typeof watchRealtime;
  db?: LocalDb;
}

const ENDED = new Set(['completed', 'abandoned', 'expired']);

/** Why the agent cannot reply now, in words; null when they can. */
function replyBlocked(t0: Transcript, me: string, window: WindowState | null): string | null {
  const i = t0.interaction;
  if (ENDED.has(i.state)) return t(`interactionEnded_${i.state}`);
  if (i.agentId !== me || (i.state !== 'assigned' && i.state !== 'answered')) return t('interactionNotYours');
  if (window && !window.open) return t(window.key, window.subs);
  return null;
}

/**
 * One interaction, open: its header, who else is here, the post and thread or the chat, the
 * agent's replies on their way, and the composer (or Accept, for an offer).
 */
export function InteractionScreen(props: {
  id: string;
  user: { id: string; name: string };
  /** The inbox's copy, for the header while the transcript loads. */
  preview: InteractionView | null;
  onBack: () => void;
  onPrivateChatStarted: (pageId: string, customerName: string | null) => void;
  services?: Services;
}) {
  const { id, user, services } = props;
  const models = useMemo(() => {
    const interaction = createInteractionModel({ id, userId: user.id, ...services });
    const viewers = createViewersModel({ interactionId: id, me: () => user.id, ...services });
    const composer = createComposerModel({
      interactionId: id,
      userId: user.id,
      reply: (input) => interaction.reply(input, user.name),
      cannedResponses: () => interaction.transcript.value?.context.cannedResponses ?? [],
      onTyped: () => viewers.typed(),
      ...services,
    });
    return { interaction, viewers, composer };
  }, [id, user.id, user.name, services]);
  useEffect(() => {
    const ac = new AbortController();
    void models.interaction.start(ac.signal);
    models.viewers.start(ac.signal);
    void models.composer.start(ac.signal);
    return () => ac.abort();
  }, [models]);

  // Screen readers hear where they are; keyboard users start from the top of the interaction.
  const heading = useRef(false);
  useEffect(() => {
    if (heading.current) return;
    const h = document.getElementById('interaction-title');
    if (h) {
      h.focus();
      heading.current = true;
    }
  });

  const now = useNow(1_000);
  const { interaction, viewers, composer } = models;
  const transcript = interaction.transcript.value;
  const view = transcript?.interaction ?? props.preview;
  const win = transcript?.context.window ? windowState(transcript.context.window, now) : null;

  async function complete(disposition: string) {
    if (await interaction.complete(disposition)) props.onBack();
  }

  return (
    <section class="interaction stack" aria-labelledby="interaction-title" data-testid="interaction">
      {view ? (
        <InteractionHeader interaction={view} onBack={props.onBack} />
      ) : (
        <header class="interaction-header">
          <button type="button" class="secondary back-button" onClick={props.onBack}>
            <span aria-hidden="true">← </span>
            {t('backToInbox')}
          </button>
          <h2 id="interaction-title" tabIndex={-1}>
            {t('loading')}
          </h2>
        </header>
      )}
      <ViewersNotice others={viewers.others.value} />
      {interaction.fromCache.value && !interaction.error.value && (
        <p class="muted small">{t('showingSavedCopy')}</p>
      )}
      <ErrorText error={interaction.error.value} />
      {!transcript && interaction.loading.value && <p class="muted">{t('loading')}</p>}
      {transcript && (
        <div class="transcript stack">
          {transcript.interaction.channel === 'facebook' ? (
            <FacebookThread
              transcript={transcript}
              now={now}
              onPrivateReply={async (commentId, customer, text) => {
                const ok = await interaction.reply({ commentId, privately: true, text }, user.name);
                if (ok) props.onPrivateChatStarted(transcript.interaction.pageId, customer);
                return ok;
              }}
            />
          ) : (
            <MessengerChat transcript={transcript} now={now} />
          )}
          <OutgoingList
            entries={interaction.outgoing.value}
            me={user.name}
            onRetry={(key) => void interaction.retry(key)}
          />
        </div>
      )}
      {transcript && win && <WindowNotice state={win} />}
      {transcript &&
        (transcript.interaction.state === 'offered' ? (
          <div class="offer-bar row">
            <p class="grow">{t('offerWaiting')}</p>
            <button type="button" disabled={interaction.busy.value} onClick={() => void interaction.accept()}>
              {t('accept')}
            </button>
          </div>
        ) : (
          <div class="reply-area stack">
            <Composer
              composer={composer}
              disabled={replyBlocked(transcript, user.id, win)}
              pageBroken={transcript.context.page.health === 'invalid'}
              hasCanned={transcript.context.cannedResponses.length > 0}
            />
            {transcript.interaction.agentId === user.id && !ENDED.has(transcript.interaction.state) && (
              <CompleteBar busy={interaction.busy.value} onComplete={(d) => void complete(d)} />
            )}
          </div>
        ))}
    </section>
  );
}
