import { useEffect, useMemo } from 'preact/hooks';
import { AlarmBanner } from '../supervisor/AlarmBanner.tsx';
import { createAgentActionsModel } from '../supervisor/agent-actions-model.ts';
import { BoardView } from '../supervisor/BoardView.tsx';
import { createBoardModel } from '../supervisor/board-model.ts';
import { createDrillModel } from '../supervisor/drill-model.ts';
import { createExportModel } from '../supervisor/recordings/export-model.ts';
import { RecordingsScreen } from '../supervisor/recordings/RecordingsScreen.tsx';
import { recordingChoices } from '../supervisor/recordings/recording-choices.ts';
import { createRecordingViewModel } from '../supervisor/recordings/recording-view-model.ts';
import { createRecordingsModel } from '../supervisor/recordings/recordings-model.ts';
import { createSpyModel } from '../supervisor/spy-model.ts';
import { t } from '../ui/i18n.ts';
import type { SessionModel } from '../ui/session-model.ts';
import { WhoAmI } from '../ui/WhoAmI.tsx';
import { type PopupModel, SCREENS } from './popup-model.ts';

/** The supervisor's (and admin's) monitor: alarms, the live board, recordings. */
export function SupervisorHome({ session, popup }: { session: SessionModel; popup: PopupModel }) {
  const userId = () => session.state.value?.user?.id ?? null;
  const models = useMemo(
    () => ({
      board: createBoardModel(),
      drill: createDrillModel(),
      actions: createAgentActionsModel(),
      spy: createSpyModel(),
      search: createRecordingsModel(userId),
      view: createRecordingViewModel(userId),
      exporter: createExportModel(),
    }),
    [session],
  );
  useEffect(() => {
    const ac = new AbortController();
    models.board.start(ac.signal);
    return () => {
      ac.abort();
      models.spy.close();
      models.view.close();
      models.exporter.cancel();
    };
  }, [models]);
  const screen = popup.screen.value;
  return (
    <div class="stack supervisor">
      <header class="card stack">
        <div class="row spread">
          <h1>{t('popupTitle')}</h1>
          {!popup.isTab && (
            <button
              type="button"
              class="secondary"
              data-testid="open-as-tab"
              onClick={() => void popup.openAsTab()}
            >
              {t('openAsTab')}
            </button>
          )}
        </div>
        <WhoAmI session={session} />
        {!models.board.connected.value && <p class="muted small">{t('reconnecting')}</p>}
      </header>
      <AlarmBanner board={models.board} />
      <div class="tabs" role="tablist" aria-label={t('supervisorScreens')}>
        {SCREENS.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            id={`screen-tab-${s}`}
            aria-selected={screen === s}
            aria-controls="screen-panel"
            class={screen === s ? 'tab active' : 'tab'}
            onClick={() => popup.show(s)}
          >
            {t(`screen_${s}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="screen-panel" aria-labelledby={`screen-tab-${screen}`}>
        {screen === 'board' ? (
          <BoardView board={models.board} drill={models.drill} actions={models.actions} spy={models.spy} />
        ) : (
          <RecordingsScreen models={models} choices={recordingChoices(models.board.board.value)} />
        )}
      </div>
    </div>
  );
}
