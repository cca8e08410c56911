import { CHANNELS } from '../../shared/api/campaigns.ts';
import type { BoardAgentRow, CampaignBoard } from '../../shared/api/supervisor.ts';
import { ChannelIcon } from '../ui/ChannelIcon.tsx';
import { formatDuration } from '../ui/format-duration.ts';
import { t } from '../ui/i18n.ts';
import type { AgentActionsModel } from './agent-actions-model.ts';
import type { DrillModel } from './drill-model.ts';
import { NumberButton } from './NumberButton.tsx';
import { StatusIcon } from './StatusIcon.tsx';
import type { SpyModel } from './spy-model.ts';

const ACTIVE_METRIC = { facebook: 'activeFacebook', messenger: 'activeMessenger' } as const;

/** One agent of the board: status, open work by channel, today's count, time in status, actions. */
export function AgentRow(props: {
  agent: BoardAgentRow;
  board: CampaignBoard;
  now: number;
  drill: DrillModel;
  actions: AgentActionsModel;
  spy: SpyModel;
}) {
  const { agent: a, board, now } = props;
  const campaign = board.campaign;
  const ref = { agentId: a.agentId, name: a.name };
  const drill = (metric: 'activeFacebook' | 'activeMessenger' | 'completedToday', shown: string) =>
    void props.drill.open({
      campaignId: campaign.id,
      campaignName: campaign.name,
      metric,
      agentId: a.agentId,
      agentName: a.name,
      shown,
    });
  return (
    <tr data-testid="board-agent-row" data-agent-id={a.agentId} data-status={a.status}>
      <td class="icon-cell">
        <StatusIcon status={a.status} />
      </td>
      <td class="channels-cell">
        {CHANNELS.filter((c) => a.activeByChannel[c] > 0 || a.channels.includes(c)).map((c) => (
          <span key={c} class="channel" data-testid={`agent-channel-${c}`}>
            <span title={t(`channel_${c}`)}>
              <ChannelIcon channel={c} />
            </span>
            <NumberButton
              value={String(a.activeByChannel[c])}
              label={t('showActiveOf', [t(`channel_${c}`), a.name])}
              onClick={() => drill(ACTIVE_METRIC[c], String(a.activeByChannel[c]))}
            />
          </span>
        ))}
      </td>
      <td data-testid="agent-status-text">
        {t(`boardStatus_${a.status}`)}
        {a.status === 'break' && a.breakReason && (
          <>
            {' — '}
            <span class="user-text">{a.breakReason}</span>
          </>
        )}
      </td>
      <th scope="row" class="user-text">
        {a.name}
      </th>
      <td class="number">
        <NumberButton
          value={String(a.completedToday)}
          label={t('showCompletedOf', a.name)}
          onClick={() => drill('completedToday', String(a.completedToday))}
        />
      </td>
      <td class="number" data-testid="agent-time-in-status">
        {a.statusSince ? formatDuration(now - Date.parse(a.statusSince)) : '—'}
      </td>
      <td class="row-actions">
        {a.activeInteractionIds.length > 0 && (
          <button
            type="button"
            class="secondary"
            aria-label={t('spyOn', a.name)}
            onClick={() =>
              props.spy.open({
                agentId: a.agentId,
                agentName: a.name,
                interactionIds: a.activeInteractionIds,
              })
            }
          >
            {t('spy')}
          </button>
        )}
        <button
          type="button"
          class="secondary"
          aria-label={t('infoOn', a.name)}
          onClick={() => void props.actions.showInfo(ref)}
        >
          {t('info')}
        </button>
        {a.status !== 'offline' && a.status !== 'break' && (
          <button
            type="button"
            class="secondary"
            aria-label={t('pauseAgent', a.name)}
            onClick={() => props.actions.ask('pause', ref)}
          >
            {t('pause')}
          </button>
        )}
        {a.status !== 'offline' && (
          <button
            type="button"
            class="danger"
            aria-label={t('logoutAgent', a.name)}
            onClick={() => props.actions.ask('logout', ref)}
          >
            {t('logoutShort')}
          </button>
        )}
      </td>
    </tr>
  );
}
