import { ErrorText } from '../ui/ErrorText.tsx';
import { t } from '../ui/i18n.ts';
import { Dialog } from './Dialog.tsx';
import type { DrillModel } from './drill-model.ts';
import { formatWhen } from './format-when.ts';
import { InteractionsTable } from './InteractionsTable.tsx';

/** The interactions behind the number that was clicked. */
export function DrillDialog({ drill }: { drill: DrillModel }) {
  const target = drill.target.value;
  if (!target) return null;
  const result = drill.result.value;
  const metric = t(`metric_${target.metric}`);
  const title = target.agentName
    ? t('drillTitleAgent', [metric, target.agentName, target.campaignName])
    : t('drillTitle', [metric, target.campaignName]);
  return (
    <Dialog title={title} onClose={() => drill.close()} testId="drill-dialog" wide>
      <p class="muted small">{t('drillShown', target.shown)}</p>
      {drill.loading.value && <p class="muted">{t('loading')}</p>}
      <ErrorText error={drill.error.value} />
      {result && (
        <>
          <p class="small" data-testid="drill-count">
            {result.total > result.interactions.length
              ? t('drillSome', [
                  String(result.interactions.length),
                  String(result.total),
                  formatWhen(result.at),
                ])
              : t('drillAll', [String(result.total), formatWhen(result.at)])}
          </p>
          {result.interactions.length === 0 ? (
            <p class="muted">{t('drillEmpty')}</p>
          ) : (
            <InteractionsTable items={result.interactions} testId="drill-list" />
          )}
        </>
      )}
    </Dialog>
  );
}
