import { t } from '../ui/i18n.ts';
import type { BoardModel } from './board-model.ts';

/** The alarm state at the top: how many tiles are in alarm, in which campaigns (announced politely). */
export function AlarmBanner({ board }: { board: BoardModel }) {
  const alarms = board.alarms.value;
  return (
    <div
      class={alarms.length > 0 ? 'alarm-banner alarming' : 'alarm-banner'}
      role="status"
      data-testid="alarm-banner"
      data-alarms={alarms.length}
    >
      {alarms.length === 0 ? (
        <span class="muted">{t('noAlarms')}</span>
      ) : (
        <>
          <strong>{alarms.length === 1 ? t('alarmsOne') : t('alarmsMany', String(alarms.length))}</strong>
          <span>
            {alarms.map((a, n) => (
              <span key={`${a.campaign.id}-${a.tile}`}>
                {n === 0 ? ' ' : ' · '}
                <span class="user-text">{a.campaign.name}</span>: {t(`tile_${a.tile}`)}
              </span>
            ))}
          </span>
        </>
      )}
    </div>
  );
}
