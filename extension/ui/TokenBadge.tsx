import type { Page } from '../../shared/api/pages.ts';
import { t } from './i18n.ts';

/** "ACTIVE TOKEN": green while the Page's token works, red (with why) when it does not. */
export function TokenBadge({ page }: { page: Pick<Page, 'health' | 'healthReason'> }) {
  const ok = page.health === 'active';
  return (
    <span
      class={ok ? 'token-badge ok' : 'token-badge bad'}
      data-testid="token-badge"
      data-health={page.health}
      title={ok ? t('tokenActiveHint') : (page.healthReason ?? '')}
    >
      <span aria-hidden="true">{ok ? '●' : '▲'}</span> {t('activeToken')}
      <span class="sr-only">{ok ? t('tokenOk') : t('tokenInvalid')}</span>
    </span>
  );
}
