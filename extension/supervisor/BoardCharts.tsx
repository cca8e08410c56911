import type { CampaignBoard } from '../../shared/api/supervisor.ts';
import { t } from '../ui/i18n.ts';
import { formatTime } from './format-when.ts';
import { Sparkline } from './Sparkline.tsx';

/** Service level and queue length over the day so far, from local midnight to now. */
export function BoardCharts({ board, now }: { board: CampaignBoard; now: number }) {
  const points = board.series.points;
  const tMin = Date.parse(board.dayStart);
  const last = points.at(-1);
  const tMax = Math.max(now, last ? Date.parse(last.at) : tMin + 1);
  const maxWaiting = Math.max(1, board.campaign.thresholds.acd, ...points.map((p) => p.waiting));
  const sl = points.map((p) => ({ t: Date.parse(p.at), v: p.serviceLevelPct }));
  const queue = points.map((p) => ({ t: Date.parse(p.at), v: p.waiting }));
  const lastSl = last?.serviceLevelPct ?? null;
  const slText = lastSl === null ? '—' : `${lastSl.toFixed(1)} %`;
  const range = `${formatTime(tMin)} – ${formatTime(tMax)}`;
  return (
    <div class="charts">
      <figure class="chart">
        <figcaption>
          {t('chartServiceLevel')} <span class="muted small">{range}</span>
        </figcaption>
        <Sparkline
          label={t('chartServiceLevelLabel', slText)}
          points={sl}
          tMin={tMin}
          tMax={tMax}
          vMax={100}
          testId="chart-service-level"
        />
      </figure>
      <figure class="chart">
        <figcaption>
          {t('chartWaiting')} <span class="muted small">{range}</span>
        </figcaption>
        <Sparkline
          label={t('chartWaitingLabel', [String(last?.waiting ?? 0), String(board.campaign.thresholds.acd)])}
          points={queue}
          tMin={tMin}
          tMax={tMax}
          vMax={maxWaiting}
          threshold={board.campaign.thresholds.acd}
          testId="chart-waiting"
        />
      </figure>
    </div>
  );
}
