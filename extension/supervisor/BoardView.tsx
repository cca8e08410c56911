import { CHANNELS } from '../../shared/api/campaigns.ts';
import { ErrorText } from '../ui/ErrorText.tsx';
import { t } from '../ui/i18n.ts';
import { TokenBadge } from '../ui/TokenBadge.tsx';
import { AgentDialogs } from './AgentDialogs.tsx';
import { AgentsTable } from './AgentsTable.tsx';
import type { AgentActionsModel } from './agent-actions-model.ts';
import { BoardCharts } from './BoardCharts.tsx';
import type { BoardModel } from './board-model.ts';
import { CampaignTiles } from './CampaignTiles.tsx';
import { DrillDialog } from './DrillDialog.tsx';
import type { DrillModel } from './drill-model.ts';
import { QueueTable } from './QueueTable.tsx';
import { SpyDialog } from './SpyDialog.tsx';
import type { SpyModel } from './spy-model.ts';

export interface BoardModels {
  board: BoardModel;
  drill: DrillModel;
  actions: AgentActionsModel;
  spy: SpyModel;
}

/** The live board: a tab per channel, the chosen campaign's tiles, charts, agents and queue. */
export function BoardView({ board, drill, actions, spy }: BoardModels) {
  const data = board.board.value;
  const selected = board.selected.value;
  const campaigns = board.ofChannel.value;
  const now = board.now.value;
  return (
    <div class="stack board" data-testid="board">
      <ErrorText error={board.error.value} />
      <div class="tabs" role="tablist" aria-label={t('channelTabs')}>
        {CHANNELS.map((c) => {
          const alarms = board.alarmsIn(c);
          return (
            <button
              key={c}
              type="button"
              role="tab"
              id={`channel-tab-${c}`}
              aria-selected={board.channel.value === c}
              aria-controls="channel-panel"
              class={board.channel.value === c ? 'tab active' : 'tab'}
              onClick={() => board.setChannel(c)}
            >
              {t(`channel_${c}`)}
              {alarms > 0 && <span class="badge alarm-count">{t('alarmsShort', String(alarms))}</span>}
            </button>
          );
        })}
      </div>
      <div
        role="tabpanel"
        id="channel-panel"
        aria-labelledby={`channel-tab-${board.channel.value}`}
        class="stack"
      >
        {data === null ? (
          <p class="muted">{t('loading')}</p>
        ) : campaigns.length === 0 ? (
          <p class="muted">{t('noCampaignsInChannel')}</p>
        ) : (
          <>
            {campaigns.length > 1 && (
              <label class="campaign-pick">
                {t('campaign')}
                <select
                  value={selected?.campaign.id}
                  onChange={(e) => board.select(e.currentTarget.value)}
                  data-testid="campaign-select"
                >
                  {campaigns.map((c) => (
                    <option key={c.campaign.id} value={c.campaign.id}>
                      {c.campaign.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {selected && (
              <section class="stack" aria-labelledby="campaign-title" data-campaign-id={selected.campaign.id}>
                <div class="row spread campaign-head">
                  <h2 id="campaign-title">
                    <span class="user-text">{selected.campaign.name}</span>{' '}
                    <span class="muted small">
                      · <span class="user-text">{selected.campaign.pageName}</span>
                    </span>
                  </h2>
                  <span class="row nowrap">
                    {!selected.campaign.enabled && <span class="badge closed">{t('campaignDisabled')}</span>}
                    {selected.campaign.enabled && !selected.campaign.openNow && (
                      <span class="badge closed">{t('closedHours')}</span>
                    )}
                    <TokenBadge page={{ health: selected.campaign.pageHealth, healthReason: null }} />
                  </span>
                </div>
                <CampaignTiles board={selected} now={now} drill={drill} />
                <BoardCharts board={selected} now={now} />
                <div class="board-tables">
                  <AgentsTable board={selected} now={now} drill={drill} actions={actions} spy={spy} />
                  <QueueTable board={selected} now={now} />
                </div>
              </section>
            )}
          </>
        )}
      </div>
      <DrillDialog drill={drill} />
      <AgentDialogs actions={actions} />
      <SpyDialog spy={spy} />
    </div>
  );
}
