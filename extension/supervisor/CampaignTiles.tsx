import type { CampaignBoard } from '../../shared/api/supervisor.ts';
import { t } from '../ui/i18n.ts';
import { boardTiles } from './board-tiles.ts';
import type { DrillModel } from './drill-model.ts';
import { NumberButton } from './NumberButton.tsx';

/** The campaign's tiles: each number opens its interactions; the level is said in words too. */
export function CampaignTiles(props: { board: CampaignBoard; now: number; drill: DrillModel }) {
  const { campaign } = props.board;
  return (
    <div class="tiles">
      {boardTiles(props.board, props.now).map((tile) => (
        <section
          key={tile.key}
          class={`tile level-${tile.level}`}
          data-testid={`tile-${tile.key}`}
          data-level={tile.level}
          aria-labelledby={`tile-${campaign.id}-${tile.key}`}
        >
          <h3 id={`tile-${campaign.id}-${tile.key}`}>{t(`tile_${tile.key}`)}</h3>
          <div class="tile-main">
            <NumberButton
              value={tile.value}
              label={t('showInteractionsOf', t(`tile_${tile.key}`))}
              onClick={() =>
                void props.drill.open({
                  campaignId: campaign.id,
                  campaignName: campaign.name,
                  metric: tile.metric,
                  shown: tile.value,
                })
              }
            />
            {tile.level !== 'ok' && <span class="level-text">{t(`level_${tile.level}`)}</span>}
          </div>
          {tile.detail && <p class="tile-detail">{tile.detail}</p>}
        </section>
      ))}
    </div>
  );
}
